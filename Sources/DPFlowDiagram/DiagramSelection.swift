import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// The flows and nodes a view shows, chosen on the graph.
struct DiagramSelection {
    var flows: [Int]
    var nodes: [Int]

    init(graph g: FlowGraph, options: DiagramOptions) throws(DiagramError) {
        let model = g.model
        var flows = model.flows.indices.filter { g.flowFrom[$0] >= 0 && g.flowTo[$0] >= 0 }
        if let data = options.data {
            guard let d = model.dataIndex[data] else {
                throw DiagramError(message: "no data category '\(data)'\(Suggestions.didYouMean(data, in: model.data.map(\.id)))")
            }
            flows = flows.filter { g.flow($0, carries: d) }
        }
        var nodes: Set<Int>
        if let only = options.systems {
            var chosen = Set<Int>()
            for id in only {
                guard let s = model.systemIndex[id] else {
                    throw DiagramError(message: "no system '\(id)'\(Suggestions.didYouMean(id, in: model.systems.map(\.id)))")
                }
                chosen.insert(g.node(ofSystem: s))
            }
            nodes = chosen
            flows = flows.filter { chosen.contains(g.flowFrom[$0]) && chosen.contains(g.flowTo[$0]) }
        } else if let focus = options.focus {
            var start: [Int] = []
            if let s = model.systemIndex[focus] { start = [g.node(ofSystem: s)] }
            else if let s = model.subjectIndex[focus] { start = [s] }
            else if let p = model.partyIndex[focus] {
                start = model.systems.indices.filter { g.systemParty[$0] == p }.map { g.node(ofSystem: $0) }
            } else {
                let ids = model.systems.map(\.id) + model.parties.map(\.id) + model.subjects.map(\.id)
                throw DiagramError(message: "no system, party or subject '\(focus)'\(Suggestions.didYouMean(focus, in: ids))")
            }
            // Breadth-first, both directions, over the flows in view.
            var adjacent = [[Int]](repeating: [], count: g.nodeCount)
            for f in flows {
                adjacent[g.flowFrom[f]].append(g.flowTo[f])
                adjacent[g.flowTo[f]].append(g.flowFrom[f])
            }
            var distance = [Int](repeating: -1, count: g.nodeCount)
            var frontier = start
            for n in start { distance[n] = 0 }
            var level = 0
            while !frontier.isEmpty && level < max(0, options.depth) {
                level += 1
                var next: [Int] = []
                for n in frontier {
                    for m in adjacent[n] where distance[m] < 0 {
                        distance[m] = level
                        next.append(m)
                    }
                }
                frontier = next
            }
            nodes = Set(distance.indices.filter { distance[$0] >= 0 })
            flows = flows.filter { nodes.contains(g.flowFrom[$0]) && nodes.contains(g.flowTo[$0]) }
        } else if options.data != nil {
            nodes = Set(flows.flatMap { [g.flowFrom[$0], g.flowTo[$0]] })
        } else {
            // The whole programme: every system, and every subject that sends data.
            nodes = Set(model.systems.indices.map { g.node(ofSystem: $0) })
            nodes.formUnion(flows.flatMap { [g.flowFrom[$0], g.flowTo[$0]] }.filter { $0 >= 0 })
        }
        self.flows = flows
        self.nodes = nodes.sorted()
    }
}
