import DPFlowModel

/// The programme as an index-based graph. Subjects and systems are nodes; flows
/// are edges. Everything is an `Int` into the model's arrays, so walks over
/// 10,000 flows touch only arrays of integers.
///
/// Node numbering: subjects first (`0..<subjectCount`), then systems.
/// Flows whose ends do not resolve (already ST004) are kept in the model but
/// have no edge: `flowFrom[f]` / `flowTo[f]` are -1.
/// A set of data kinds, one bit each.
public struct DataKinds: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ kind: DataKind) {
        switch kind {
        case .personal: rawValue = 1
        case .special: rawValue = 2
        case .criminalOffence: rawValue = 4
        }
    }
}

///
/// A final class: rules and outputs pass the graph around freely, and a
/// reference costs one retain where a struct of some thirty arrays cost thirty.
public final class FlowGraph: Sendable {
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

    /// Per system: the role its party acts in for it (the system's own
    /// `role`, else the party's), and the controllers its processing is for.
    public let systemRole: [PartyRole?]
    public let systemControllers: [[Int]]

    /// (1.1) Per party and per system: outside this programme's record
    /// (`scope: external`, `programme.external`, or a processor acting only
    /// for such controllers). Never true for a lead controller.
    public let partyExternal: [Bool]
    public let systemExternal: [Bool]

    /// Per system: where its data is (FORMAT.md 1.1): each place of its
    /// `location`, then its party's country when not already listed. The one
    /// notion of place that check, trace, the diagram and the report share.
    public let systemPlaces: [[Country]]

    // MARK: facts computed once for the rules' shared passes

    /// Per data category: its kind (`DataCategory.kind`), read without copying the category.
    public let dataKind: [DataKind]
    /// Per flow: the kinds of data it carries.
    public let flowKinds: [DataKinds]
    /// Per flow: its purpose's index (-1 when it names none that resolves).
    public let flowPurpose: [Int]
    /// Per purpose: its default lawful basis. Per flow with a basis of its
    /// own: that basis over its purpose's, key by key. Together they answer
    /// `effectiveBasis(ofFlow:)` without looking anything up by name.
    private let purposeBasis: [LawfulBasis?]
    private let ownEffectiveBasis: [Int: LawfulBasis]
    /// Per flow: the places outside the UK it delivers into (a restricted
    /// transfer when not empty; see `foreignDestinations(ofFlow:)`).
    public let flowForeignPlaces: [[Country]]
    /// Per system, per retention entry: the data category's index (-1 when
    /// the entry names none that resolves, already ST004).
    public let entryData: [[Int]]

    public init(model: ProgrammeModel) {
        self.model = model
        let subjectCount = model.subjects.count
        self.subjectCount = subjectCount
        let n = model.subjects.count + model.systems.count

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
            if let t = flow.to?.value { to[i] = node(t) }
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
        let systemParty = model.systems.map { s in s.party.flatMap { model.partyIndex[$0.value] } ?? -1 }
        self.systemParty = systemParty
        // Which data each retention entry names, looked up once; what each system keeps follows from it.
        let entryData = model.systems.indices.map { si in
            model.systems[si].retention.indices.map { model.dataIndex[model.systems[si].retention[$0].dataID] ?? -1 }
        }
        self.entryData = entryData
        keptData = entryData.map { entries in entries.enumerated().compactMap { i, d in d >= 0 ? (data: d, entry: i) : nil } }
        let controllersOf = Self.resolveControllers(model)
        self.controllersOf = controllersOf

        var roles: [PartyRole?] = []
        var systemControllers: [[Int]] = []
        roles.reserveCapacity(model.systems.count)
        systemControllers.reserveCapacity(model.systems.count)
        for (si, system) in model.systems.enumerated() {
            let p = systemParty[si]
            let party = p >= 0 ? model.parties[p] : nil
            let role = system.role?.value ?? party?.role?.value
            roles.append(role)
            guard system.role != nil else {
                systemControllers.append(p >= 0 ? controllersOf[p] : [])
                continue
            }
            var found = Set<Int>()
            switch role {
            case .processor?:
                for c in system.processorFor ?? party?.processorFor ?? [] {
                    guard let ci = model.partyIndex[c.value] else { continue }
                    if model.parties[ci].role?.value.isProcessor == true { found.formUnion(controllersOf[ci]) } else { found.insert(ci) }
                }
            case .subProcessor?:
                for up in system.subProcessorOf ?? party?.subProcessorOf ?? [] {
                    guard let ui = model.partyIndex[up.value] else { continue }
                    found.formUnion(controllersOf[ui])
                }
            default:
                if p >= 0 { found.insert(p) }
            }
            systemControllers.append(found.sorted())
        }
        systemRole = roles
        self.systemControllers = systemControllers

        let lead = Set(model.programme.controllers.compactMap { model.partyIndex[$0.value] })
        var declaredExternal = [Bool](repeating: false, count: model.parties.count)
        for (pi, party) in model.parties.enumerated() where party.scope?.value == .external { declaredExternal[pi] = true }
        for e in model.programme.external { if let pi = model.partyIndex[e.value] { declaredExternal[pi] = true } }
        for pi in lead { declaredExternal[pi] = false }
        func allExternal(_ controllers: [Int]) -> Bool { !controllers.isEmpty && controllers.allSatisfy { declaredExternal[$0] } }
        var partyExternal = declaredExternal
        for (pi, party) in model.parties.enumerated() where !lead.contains(pi) && party.role?.value.isProcessor == true {
            if allExternal(controllersOf[pi]) { partyExternal[pi] = true }
        }
        self.partyExternal = partyExternal
        systemExternal = model.systems.indices.map { si in
            let p = systemParty[si]
            if model.systems[si].role != nil, roles[si]?.isProcessor == true { return allExternal(systemControllers[si]) }
            if model.systems[si].role != nil, p >= 0 { return declaredExternal[p] }
            return p >= 0 && partyExternal[p]
        }
        let systemPlaces = model.systems.indices.map { si in
            var places = model.systems[si].locations.map(\.value)
            let p = systemParty[si]
            if p >= 0, let c = model.parties[p].country?.value, !places.contains(c) {
                // A party in the UK does not add "GB" beside a system located in a UK nation.
                if !(c.isUK && places.contains(where: \.isUK)) { places.append(c) }
            }
            return places
        }
        self.systemPlaces = systemPlaces

        let dataKind = model.data.indices.map { model.data[$0].kind }
        self.dataKind = dataKind
        flowKinds = data.map { ds in ds.reduce(into: DataKinds()) { $0.insert(DataKinds(dataKind[$1])) } }
        let flowPurpose = model.flows.indices.map { f in model.flows[f].purpose.flatMap { model.purposeIndex[$0.value] } ?? -1 }
        self.flowPurpose = flowPurpose
        let purposeBasis = model.programme.purposes.indices.map { model.programme.purposes[$0].lawfulBasis }
        self.purposeBasis = purposeBasis
        var own: [Int: LawfulBasis] = [:]
        for f in model.flows.indices {
            guard let basis = model.flows[f].lawfulBasis else { continue }
            let p = flowPurpose[f]
            own[f] = basis.overriding(p >= 0 ? purposeBasis[p] : nil)
        }
        ownEffectiveBasis = own
        flowForeignPlaces = to.map { node in
            guard node >= subjectCount, node < n else { return [] }
            let places = systemPlaces[node - subjectCount]
            return places.allSatisfy(\.isUK) ? [] : places.filter { !$0.isUK }
        }
    }

    /// A flow's lawful basis: its own keys over its purpose's default
    /// (`ProgrammeModel.effectiveLawfulBasis(of:)`), computed once.
    public func effectiveBasis(ofFlow f: Int) -> LawfulBasis? {
        if let own = ownEffectiveBasis[f] { return own }
        let p = flowPurpose[f]
        return p >= 0 ? purposeBasis[p] : nil
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

    /// The places outside the UK a flow delivers into: the receiving system's
    /// places that are not in the UK, `unknown` among them (a restricted
    /// transfer when not empty). A disclosure to individuals is not a transfer
    /// between systems and has none.
    public func foreignDestinations(ofFlow f: Int) -> [Country] { flowForeignPlaces[f] }

    /// Where a system's data is, in one line: "GB", "GB, IE", "GB (party in US)".
    public func placesLabel(ofSystem s: Int) -> String {
        let places = systemPlaces[s]
        guard !places.isEmpty else { return "not stated" }
        let located = model.systems[s].locations.map(\.value)
        let own = places.filter { located.contains($0) }.map(\.code)
        let party = places.filter { !located.contains($0) }.map(\.code)
        if own.isEmpty { return party.joined(separator: ", ") }
        return own.joined(separator: ", ") + (party.isEmpty ? "" : " (party in \(party.joined(separator: ", ")))")
    }

    /// The jurisdiction a diagram draws a system in: the first place outside
    /// the UK when there is one (so a hop that check calls a transfer is drawn
    /// abroad), else its first place.
    public func drawnPlace(ofSystem s: Int) -> Country? {
        systemPlaces[s].first { !$0.isUK } ?? systemPlaces[s].first
    }

    /// True when a flow is part of this programme's record: not a flow
    /// between two systems outside it (FORMAT.md 1.1, `scope: external`).
    public func inRecord(flow f: Int) -> Bool {
        guard let from = systemIndex(ofNode: flowFrom[f]), let to = systemIndex(ofNode: flowTo[f]) else { return true }
        return !(systemExternal[from] && systemExternal[to])
    }

    /// True when a node is a system outside the programme's record.
    public func isExternal(node: Int) -> Bool {
        guard let s = systemIndex(ofNode: node) else { return false }
        return systemExternal[s]
    }

    /// The party that acts for a system in its role, with the role's keys
    /// (contract, authorisation) taken from the system when it gives them.
    public func contract(ofSystem s: Int) -> Located<String>? {
        if let c = model.systems[s].contract { return c }
        let p = systemParty[s]
        return p >= 0 ? model.parties[p].contract : nil
    }

    public func authorisedBy(ofSystem s: Int) -> [Located<String>] {
        if let a = model.systems[s].authorisedBy { return a }
        let p = systemParty[s]
        return p >= 0 ? model.parties[p].authorisedBy : []
    }

    /// Does a flow carry data of this kind?
    public func flow(_ f: Int, carriesKind kind: DataKind) -> Bool { flowKinds[f].contains(DataKinds(kind)) }

    /// Does a flow carry a data category?
    public func flow(_ f: Int, carries d: Int) -> Bool { flowData[f].contains(d) }
}
