import DPFlowDiagnostics

/// One decoded flow file: every entity in file order, with indexes by id.
public struct ProgrammeModel: Sendable {
    public var file: String
    public var version: Located<String>?
    public var programme: ProgrammeInfo
    public var subjects: [Subject] = []
    public var data: [DataCategory] = []
    public var parties: [Party] = []
    public var systems: [System] = []
    public var flows: [Flow] = []
    public var risks: [Risk] = []
    public var exceptions: [FindingException] = []

    public private(set) var subjectIndex: [String: Int] = [:]
    public private(set) var dataIndex: [String: Int] = [:]
    public private(set) var partyIndex: [String: Int] = [:]
    public private(set) var systemIndex: [String: Int] = [:]
    public private(set) var flowIndex: [String: Int] = [:]
    public private(set) var purposeIndex: [String: Int] = [:]
    public private(set) var riskIndex: [String: Int] = [:]

    public init(file: String, programme: ProgrammeInfo) {
        self.file = file
        self.programme = programme
    }

    mutating func reindex() {
        func index<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] {
            var d: [String: Int] = [:]
            d.reserveCapacity(items.count)
            for (i, item) in items.enumerated() where d[id(item)] == nil { d[id(item)] = i }
            return d
        }
        subjectIndex = index(subjects, \.id)
        dataIndex = index(data, \.id)
        partyIndex = index(parties, \.id)
        systemIndex = index(systems, \.id)
        flowIndex = index(flows, \.id)
        purposeIndex = index(programme.purposes, \.id)
        riskIndex = index(risks, \.id)
    }

    public func subject(_ id: String) -> Subject? { subjectIndex[id].map { subjects[$0] } }
    public func dataCategory(_ id: String) -> DataCategory? { dataIndex[id].map { data[$0] } }
    public func party(_ id: String) -> Party? { partyIndex[id].map { parties[$0] } }
    public func system(_ id: String) -> System? { systemIndex[id].map { systems[$0] } }
    public func flow(_ id: String) -> Flow? { flowIndex[id].map { flows[$0] } }
    public func purpose(_ id: String) -> Purpose? { purposeIndex[id].map { programme.purposes[$0] } }

    /// The lawful basis that applies to a flow: its own over its purpose's default.
    public func effectiveLawfulBasis(of flow: Flow) -> LawfulBasis? {
        let purposeBasis = flow.purpose.flatMap { purpose($0.value) }?.lawfulBasis
        if let own = flow.lawfulBasis { return own.overriding(purposeBasis) }
        return purposeBasis
    }

    /// True when an element path (FORMAT.md "Paths") names something declared.
    public func resolves(path: String) -> Bool {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first else { return false }
        let id = parts.count > 1 ? parts[1] : ""
        switch head {
        case "programme": return true
        case "subjects": return parts.count == 2 && subjectIndex[id] != nil
        case "data": return parts.count == 2 && dataIndex[id] != nil
        case "parties": return parts.count == 2 && partyIndex[id] != nil
        case "flows": return parts.count == 2 && flowIndex[id] != nil
        case "risks": return parts.count == 2 && riskIndex[id] != nil
        case "systems":
            guard let s = systemIndex[id] else { return false }
            if parts.count == 2 { return true }
            if parts.count == 4, parts[2] == "retention" {
                return systems[s].retention.contains { $0.dataID == parts[3] }
            }
            return false
        default: return false
        }
    }
}
