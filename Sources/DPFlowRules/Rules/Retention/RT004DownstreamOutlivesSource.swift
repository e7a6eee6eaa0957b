import DPFlowDiagnostics
import DPFlowModel

/// RT004: a system keeps a category longer than the system it came from.
/// A graph check: follows each category's flows from every system that keeps
/// it, through systems that do not, to the next systems that do.
struct DownstreamOutlivesSource: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "RT004", name: "downstream-outlives-source", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e) storage limitation; Article 5(2) accountability for copies held by recipients",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A system reached through flows keeps a data category longer than the nearest system upstream that keeps it (through any number of systems that keep nothing). The finding names the path.",
        fix: "Align the downstream period with the source's, or record why the recipient needs it longer (its own basis) and accept the finding with an exception.",
        triggering: [
            RuleExample(
                "The archive keeps contact details longer than the CRM, through a gateway",
                flows: RuleExample.baseFlows
                    + "\n  to-gateway: {from: crm, to: gateway, data: [contact], purpose: support, encrypted: true}"
                    + "\n  to-archive: {from: gateway, to: archive, data: [contact], purpose: support, encrypted: true}",
                systemsExtra: "  gateway: {name: Gateway, party: council, location: GB-ENG, stores: false}\n"
                    + "  archive: {name: Archive, party: council, location: GB-ENG, retention: {contact: {period: P10Y, from: case-closed, basis: Schedule 9, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The archive keeps them for the same time, P72M being P6Y",
                flows: RuleExample.baseFlows + "\n  to-archive: {from: crm, to: archive, data: [contact], purpose: support, encrypted: true}",
                systemsExtra: "  archive: {name: Archive, party: council, location: GB-ENG, retention: {contact: {period: P72M, from: case-closed, basis: Schedule 9, disposal: delete}}}")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        // Keepers of each category, found in one pass over every retention entry.
        // Indices only: copying the entries themselves would cost memory at scale.
        // Each with its period as a number that orders as periods do (a
        // duration's length; indefinite above every duration), so the walks
        // compare integers and read a period only to report it.
        var keepers = [[(node: Int, system: Int, entry: Int, length: Int64)]](repeating: [], count: model.data.count)
        // Criteria-based periods cannot be ordered, and external systems keep
        // data on their own account: neither is compared.
        for s in model.systems.indices where model.systems[s].keepsData && context.inScope(system: s) {
            for k in g.keptData[s] {
                let length: Int64
                switch model.systems[s].retention[k.entry].period?.value {
                case .duration(let d)?: length = d.length
                case .indefinite?: length = .max
                case .criteria?, nil: continue
                }
                keepers[k.data].append((g.node(ofSystem: s), s, k.entry, length))
            }
        }
        func period(_ k: (node: Int, system: Int, entry: Int, length: Int64)) -> Located<RetentionPeriod>? {
            model.systems[k.system].retention[k.entry].period
        }
        // Per-node scratch, reused across walks: which keeper entry a node has
        // for the current category, and the walk that last reached it.
        var keeperAt = [Int](repeating: -1, count: g.nodeCount)
        var reachedBy = [Int](repeating: -1, count: g.nodeCount)
        var previous = [Int](repeating: -1, count: g.nodeCount)
        var walk = 0
        var queue: [Int] = []
        for d in model.data.indices where !g.flowsByData[d].isEmpty && keepers[d].count > 1 {
            let dataID = model.data[d].id
            for (i, k) in keepers[d].enumerated() { keeperAt[k.node] = i }
            var reported = Set<Int>()
            for source in keepers[d] {
                // indefinite outlives nothing (no period is longer)
                guard source.length < .max else { continue }
                // Breadth-first from the source, passing only through nodes that keep nothing of d.
                walk += 1
                reachedBy[source.node] = walk
                previous[source.node] = -1
                queue.removeAll(keepingCapacity: true)
                queue.append(source.node)
                var head = 0
                while head < queue.count {
                    let node = queue[head]
                    head += 1
                    for f in g.outFlows[node] where g.flow(f, carries: d) {
                        let next = g.flowTo[f]
                        // A disclosure to individuals keeps nothing in a system: no path goes on through people.
                        guard next >= 0, !g.isSubject(next), reachedBy[next] != walk else { continue }
                        reachedBy[next] = walk
                        previous[next] = node
                        let k = keeperAt[next]
                        guard k >= 0 else {
                            queue.append(next)
                            continue
                        }
                        let keeper = keepers[d][k]
                        guard source.length < keeper.length, reported.insert(next).inserted,
                            let p = period(keeper), let sourcePeriod = period(source)?.value
                        else { continue }
                        var trace: [Int] = []
                        var n = next
                        while n >= 0 {
                            trace.append(n)
                            n = previous[n]
                        }
                        trace.reverse()
                        findings.add(
                            at: p.mark, path: model.systems[keeper.system].retention[keeper.entry].path,
                            "system '\(g.nodeID(next))' keeps '\(dataID)' for \(p.value), longer than '\(g.nodeID(source.node))' (\(sourcePeriod)) that it comes from, along \(trace.map { g.nodeID($0) }.joined(separator: " -> "))",
                            trace: trace.map { g.nodePath($0) })
                    }
                }
            }
            for k in keepers[d] { keeperAt[k.node] = -1 }
        }
    }
}
