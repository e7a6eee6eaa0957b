import DPFlowModel

/// The programme as an index-based graph. Subjects and systems are nodes; flows
/// are edges. Everything is an `Int` into the model's arrays, so walks over
/// 10,000 flows touch only arrays of integers.
///
/// Node numbering: subjects first (`0..<subjectCount`), then systems.
/// Flows whose ends do not resolve (already ST004) are kept in the model but
/// have no edge: `flowFrom[f]` / `flowTo[f]` are -1.
public struct FlowGraph: Sendable {
    public let model: ProgrammeModel
    public let subjectCount: Int
    public var nodeCount: Int { subjectCount + model.systems.count }

    /// Per flow: source node, target node (-1 when unresolved), data indices.
    public let flowFrom: [Int]
    public let flowTo: [Int]
    public let flowData: [[Int]]

    /// Per node: indices of flows out of and into it, in file order.
    public let outFlows: [[Int]]
    public let inFlows: [[Int]]

    /// Per data category: the flows that carry it.
    public let flowsByData: [[Int]]

    /// Per system: its party index (-1 when unresolved).
    public let systemParty: [Int]

    /// Per system: the data categories it has a retention entry for, as
    /// (data index, index into the system's `retention`), in file order.
    public let keptData: [[(data: Int, entry: Int)]]

    /// Per party: the controllers it ultimately acts for. A controller maps to
    /// itself; a processor to its `processor-for`; a sub-processor, through
    /// its chain of `sub-processor-of`, to the controllers at the top.
    public let controllersOf: [[Int]]

    public init(model: ProgrammeModel) {
        self.model = model
        subjectCount = model.subjects.count
        let n = model.subjects.count + model.systems.count
        let subjectCount = self.subjectCount

        var from = [Int](repeating: -1, count: model.flows.count)
        var to = [Int](repeating: -1, count: model.flows.count)
        var data = [[Int]](repeating: [], count: model.flows.count)
        var outs = [[Int]](repeating: [], count: n)
        var ins = [[Int]](repeating: [], count: n)
        var byData = [[Int]](repeating: [], count: model.data.count)

        func node(_ id: String) -> Int {
            if let s = model.systemIndex[id] { return subjectCount + s }
            if let s = model.subjectIndex[id] { return s }
            return -1
        }
        for (i, flow) in model.flows.enumerated() {
            if let f = flow.from?.value { from[i] = node(f) }
            if let t = flow.to?.value, let s = model.systemIndex[t] { to[i] = subjectCount + s }
            var ds: [Int] = []
            ds.reserveCapacity(flow.data.count)
            for d in flow.data {
                if let di = model.dataIndex[d.value], !ds.contains(di) {
                    ds.append(di)
                    byData[di].append(i)
                }
            }
            data[i] = ds
            if from[i] >= 0 { outs[from[i]].append(i) }
            if to[i] >= 0 { ins[to[i]].append(i) }
        }
        flowFrom = from
        flowTo = to
        flowData = data
        outFlows = outs
        inFlows = ins
        flowsByData = byData
        systemParty = model.systems.map { s in s.party.flatMap { model.partyIndex[$0.value] } ?? -1 }
        keptData = model.systems.map { s in
            s.retention.enumerated().compactMap { i, e in model.dataIndex[e.dataID].map { (data: $0, entry: i) } }
        }
        controllersOf = Self.resolveControllers(model)
    }

    /// Resolves controllers for every party, following sub-processor chains
    /// iteratively and stopping at cycles.
    static func resolveControllers(_ model: ProgrammeModel) -> [[Int]] {
        var result = [[Int]](repeating: [], count: model.parties.count)
        for i in model.parties.indices {
            var found = Set<Int>()
            var seen: Set<Int> = [i]
            var queue = [i]
            var head = 0
            while head < queue.count {
                let p = queue[head]
                head += 1
                let current = model.parties[p]
                switch current.role?.value {
                case .processor?:
                    for c in current.processorFor {
                        guard let ci = model.partyIndex[c.value] else { continue }
                        if model.parties[ci].role?.value.isProcessor == true {
                            if seen.insert(ci).inserted { queue.append(ci) }
                        } else {
                            found.insert(ci)
                        }
                    }
                case .subProcessor?:
                    for up in current.subProcessorOf {
                        guard let ui = model.partyIndex[up.value] else { continue }
                        if seen.insert(ui).inserted { queue.append(ui) }
                    }
                default:
                    found.insert(p)
                }
            }
            result[i] = found.sorted()
        }
        return result
    }

    // MARK: node helpers

    public func isSubject(_ node: Int) -> Bool { node >= 0 && node < subjectCount }
    public func systemIndex(ofNode node: Int) -> Int? { node >= subjectCount && node < nodeCount ? node - subjectCount : nil }
    public func node(ofSystem s: Int) -> Int { subjectCount + s }

    public func nodeID(_ node: Int) -> String {
        if let s = systemIndex(ofNode: node) { return model.systems[s].id }
        if isSubject(node) { return model.subjects[node].id }
        return "?"
    }

    /// The element path of a node: `systems.x` or `subjects.y`.
    public func nodePath(_ node: Int) -> String {
        if let s = systemIndex(ofNode: node) { return "systems.\(model.systems[s].id)" }
        if isSubject(node) { return "subjects.\(model.subjects[node].id)" }
        return "?"
    }

    /// The party of a node (subjects have none).
    public func party(ofNode node: Int) -> Int? {
        guard let s = systemIndex(ofNode: node) else { return nil }
        let p = systemParty[s]
        return p >= 0 ? p : nil
    }

    /// The retention entry a system has for a data category, if any.
    public func retentionEntry(system s: Int, data d: Int) -> RetentionEntry? {
        for k in keptData[s] where k.data == d { return model.systems[s].retention[k.entry] }
        return nil
    }

    /// The jurisdictions outside the UK a flow delivers into: the receiving
    /// system's location and its party's country (a restricted transfer when
    /// not empty).
    public func foreignDestinations(ofFlow f: Int) -> [Country] {
        guard let s = systemIndex(ofNode: flowTo[f]) else { return [] }
        var out: [Country] = []
        if let loc = model.systems[s].location?.value, !loc.isUK { out.append(loc) }
        if let p = party(ofNode: flowTo[f]), let c = model.parties[p].country?.value, !c.isUK, !out.contains(c) {
            out.append(c)
        }
        return out
    }

    /// Does a flow carry a data category?
    public func flow(_ f: Int, carries d: Int) -> Bool { flowData[f].contains(d) }
}
