import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// Every path a data category takes, from where it is collected or enters, to
/// where it ends, with the party, location, retention and lawful basis at each
/// hop: the answer to "where does the guest's passport number go?".
public struct LineageTrace: Sendable {
    public struct Hop: Sendable {
        public let path: String
        public let id: String
        public let name: String
        public let isSubject: Bool
        public let party: String?
        public let partyName: String?
        public let role: String?
        public let location: String?
        /// How the data arrived here (nil for the first hop).
        public let flow: String?
        public let lawfulBasis: String?
        public let transfer: String?
        /// "P6Y from case-closed, then delete", "keeps nothing", or "no retention entry".
        public let retention: String?
    }

    public struct Path: Sendable {
        public let hops: [Hop]
    }

    public let data: String
    public let dataName: String
    public let kind: String
    public let residency: String?
    public let paths: [Path]
    /// More paths exist than `limit`; they were not listed.
    public let truncated: Bool

    public init(graph g: FlowGraph, data: String, limit: Int = 500) throws(DiagramError) {
        let model = g.model
        guard let d = model.dataIndex[data] else {
            throw DiagramError(message: "no data category '\(data)'\(Suggestions.didYouMean(data, in: model.data.map(\.id)))")
        }
        let category = model.data[d]
        self.data = data
        dataName = category.name?.value ?? data
        kind = category.kind.rawValue + (category.special.isEmpty ? "" : " (" + category.special.map(\.value.rawValue).joined(separator: ", ") + ")")
        residency = category.residency?.value.code

        var out: [Int: [Int]] = [:]  // node -> flows carrying d
        var receives = Set<Int>()
        var sends = Set<Int>()
        for f in g.flowsByData[d] where g.flowFrom[f] >= 0 && g.flowTo[f] >= 0 {
            out[g.flowFrom[f], default: []].append(f)
            receives.insert(g.flowTo[f])
            sends.insert(g.flowFrom[f])
        }
        var roots = sends.subtracting(receives).sorted()
        if roots.isEmpty { roots = sends.sorted() }

        func hop(_ node: Int, via flow: Int?) -> Hop {
            let transfer: String? = flow.flatMap { f in model.flows[f].transfer?.mechanism?.value.rawValue }
            let basis: String? = flow.map { f in
                let b = model.effectiveLawfulBasis(of: model.flows[f])
                var parts = [b?.article6Text ?? "no Art 6 basis"]
                if category.kind == .special { parts.append("Art 9: \(b?.article9?.value.rawValue ?? "none")") }
                if category.kind == .criminalOffence { parts.append("Art 10: \(b?.article10?.value.rawValue ?? "none")") }
                return parts.joined(separator: " · ")
            }
            if g.isSubject(node) {
                let s = model.subjects[node]
                return Hop(path: s.path, id: s.id, name: s.name?.value ?? s.id, isSubject: true, party: nil, partyName: nil,
                           role: nil, location: nil, flow: flow.map { model.flows[$0].id }, lawfulBasis: basis, transfer: transfer,
                           retention: nil)
            }
            let s = g.systemIndex(ofNode: node) ?? 0
            let system = model.systems[s]
            let party = g.party(ofNode: node).map { model.parties[$0] }
            let retention: String
            if !system.keepsData {
                retention = "keeps nothing"
            } else if let e = g.retentionEntry(system: s, data: d) {
                var r = e.period.map { "\($0.value)" } ?? "no period"
                if e.period?.value.isCriteria == true, let c = e.criteria?.value { r = "while: \(c)" }
                if let from = e.from?.value { r += " from \(from)" }
                if let until = e.until?.value { r += " or until \(until)" }
                if let disposal = e.disposal?.value { r += ", then \(disposal.rawValue)" }
                retention = r
            } else {
                retention = "no retention entry"
            }
            return Hop(path: system.path, id: system.id, name: system.name?.value ?? system.id, isSubject: false,
                       party: party?.id, partyName: party?.name?.value, role: g.systemRole[s]?.rawValue,
                       location: g.placesLabel(ofSystem: s), flow: flow.map { model.flows[$0].id }, lawfulBasis: basis,
                       transfer: transfer, retention: retention)
        }

        // Depth-first from each root, never revisiting a node on the current path,
        // so cycles end; the number of paths listed is capped.
        var paths: [Path] = []
        var truncated = false
        for root in roots {
            var stack: [(node: Int, via: Int?, depth: Int)] = [(root, nil, 0)]
            var current: [Hop] = []
            var onPath: [Int] = []
            while let (node, via, depth) = stack.popLast() {
                while onPath.count > depth {
                    onPath.removeLast()
                    current.removeLast()
                }
                onPath.append(node)
                current.append(hop(node, via: via))
                let next = (out[node] ?? []).filter { !onPath.contains(g.flowTo[$0]) }
                if next.isEmpty {
                    if paths.count >= limit {
                        truncated = true
                        break
                    }
                    paths.append(Path(hops: current))
                } else {
                    for f in next.reversed() { stack.append((g.flowTo[f], f, depth + 1)) }
                }
            }
            if truncated { break }
        }
        // Systems that keep the category but no flow brings it.
        for s in model.systems.indices where g.retentionEntry(system: s, data: d) != nil {
            let node = g.node(ofSystem: s)
            if !receives.contains(node) && !sends.contains(node) && !truncated {
                paths.append(Path(hops: [hop(node, via: nil)]))
            }
        }
        self.paths = paths
        self.truncated = truncated
    }
}
