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
    /// (1.1) Registry files this file includes, as written.
    public var includes: [Located<String>] = []
    /// (1.1) Present when the file is a registry, not a programme.
    public var registry: RegistryInfo?
    /// The files entities come from: `files[0]` is this file, the others are
    /// included registries (an entity's `origin` indexes this list).
    public var files: [String]

    public var isRegistry: Bool { registry != nil }

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
        self.files = [file]
    }

    public mutating func reindex() {
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

    /// The file that declares the element a path names: an included registry
    /// for a registry entity, else this file.
    public func file(forPath path: String) -> String {
        guard files.count > 1 else { return file }
        let parts = path.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return file }
        let id = String(parts[1])
        let origin: Int?
        switch parts[0] {
        case "systems": origin = systemIndex[id].map { systems[$0].origin }
        case "data": origin = dataIndex[id].map { data[$0].origin }
        case "parties": origin = partyIndex[id].map { parties[$0].origin }
        case "subjects": origin = subjectIndex[id].map { subjects[$0].origin }
        default: origin = nil
        }
        guard let o = origin, o > 0, o < files.count else { return file }
        return files[o]
    }

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

/// (1.1) `registry`: a file of entities that a department's programmes share.
public struct RegistryInfo: Sendable {
    public var mark: SourceMark
    public var name: Located<String>?
    public var owner: Located<String>?

    public init(mark: SourceMark) { self.mark = mark }
}
