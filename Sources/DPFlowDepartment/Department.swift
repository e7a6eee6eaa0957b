import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// One programme of the department, as loaded and checked on its own.
public struct DepartmentProgramme: Sendable {
    public let file: String
    public let model: ProgrammeModel
    public let graph: FlowGraph
    /// The programme's own findings (check's, with what it includes).
    public let findings: [Finding]

    public init(file: String, model: ProgrammeModel, graph: FlowGraph, findings: [Finding]) {
        self.file = file
        self.model = model
        self.graph = graph
        self.findings = findings
    }

    public var name: String { model.programme.name?.value ?? file }
}

/// One registry file of the department.
public struct DepartmentRegistry: Sendable {
    public let file: String
    public let model: ProgrammeModel
    public let findings: [Finding]

    public init(file: String, model: ProgrammeModel, findings: [Finding]) {
        self.file = file
        self.model = model
        self.findings = findings
    }
}

/// The whole department: every programme and registry, with the entities
/// they declare matched into one set (RULES.md "DM"): an entity declared in
/// a registry is one entity wherever it is included; entities declared in
/// programme files are matched with each other and with registry entities by
/// id, or by name with case, spaces and punctuation folded.
public struct Department: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case subjects, data, parties, systems

        /// The word for one, in messages.
        public var noun: String {
            switch self {
            case .subjects: "subject group"
            case .data: "data category"
            case .parties: "party"
            case .systems: "system"
            }
        }
    }

    /// Where an entity is declared: a registry (`programme` nil) or a programme's own file.
    public struct Declaration: Sendable, Hashable {
        public let kind: Kind
        public let id: String
        public let name: String
        public let file: String
        public let mark: SourceMark
        /// Index into `programmes` for a programme's own declaration; nil for a registry's.
        public let programme: Int?
        /// Index into `registries` for a registry's declaration.
        public let registry: Int?
    }

    /// A matched entity: one or more declarations of the same thing.
    public struct Entity: Sendable {
        public let kind: Kind
        /// The id it is known by: the registry's, else the first programme's.
        public let id: String
        public let name: String
        public let declarations: [Declaration]
        /// Programmes that use it (declare it or include and use it), by index.
        public var programmes: [Int]

        public var isInRegistry: Bool { declarations.contains { $0.registry != nil } }
    }

    public let programmes: [DepartmentProgramme]
    public let registries: [DepartmentRegistry]
    public private(set) var entities: [Entity] = []
    /// Per kind, per programme: local id (as the programme sees it) -> entity index.
    private var lookup: [Kind: [[String: Int]]] = [:]
    /// Per kind, per registry: id -> entity index.
    private var registryLookup: [Kind: [[String: Int]]] = [:]

    public init(programmes: [DepartmentProgramme], registries: [DepartmentRegistry]) {
        self.programmes = programmes
        self.registries = registries
        // Subjects and parties first: data is matched only within the same
        // subject groups, and systems only within the same party.
        for kind in [Kind.subjects, .parties, .data, .systems] { match(kind) }
    }

    /// Folds a name for matching: lower case, letters and digits only.
    public static func fold(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    static func declared(_ kind: Kind, in model: ProgrammeModel) -> [(id: String, name: String, mark: SourceMark, origin: Int)] {
        switch kind {
        case .subjects: model.subjects.map { ($0.id, $0.name?.value ?? $0.id, $0.mark, $0.origin) }
        case .data: model.data.map { ($0.id, $0.name?.value ?? $0.id, $0.mark, $0.origin) }
        case .parties: model.parties.map { ($0.id, $0.name?.value ?? $0.id, $0.mark, $0.origin) }
        case .systems: model.systems.map { ($0.id, $0.name?.value ?? $0.id, $0.mark, $0.origin) }
        }
    }

    /// The registry a file path names, matched by the path as shown and as
    /// normalised (an include's `../registry/x.yaml` and a scanned folder's
    /// `Flows/registry/x.yaml` are the same file).
    func registryIndex(of file: String) -> Int? {
        let key = Self.normalise(file)
        return registries.firstIndex { Self.normalise($0.file) == key }
    }

    static func normalise(_ path: String) -> String { RelativePath.normalise(path) }

    private mutating func match(_ kind: Kind) {
        // Union-find over declarations: registry entities first (so that they
        // represent their group), then each programme's own, in file order.
        var decls: [Declaration] = []
        var regIndex = [[String: Int]](repeating: [:], count: registries.count)
        for (r, reg) in registries.enumerated() {
            for e in Self.declared(kind, in: reg.model) where e.origin == 0 {
                regIndex[r][e.id] = decls.count
                decls.append(Declaration(kind: kind, id: e.id, name: e.name, file: reg.file, mark: e.mark, programme: nil, registry: r))
            }
        }
        var progLocal = [[String: Int]](repeating: [:], count: programmes.count)
        var progIncluded = [[String: Int]](repeating: [:], count: programmes.count)
        for (p, prog) in programmes.enumerated() {
            for e in Self.declared(kind, in: prog.model) {
                if e.origin == 0 {
                    progLocal[p][e.id] = decls.count
                    decls.append(Declaration(kind: kind, id: e.id, name: e.name, file: prog.file, mark: e.mark, programme: p, registry: nil))
                } else if e.origin < prog.model.files.count, let r = registryIndex(of: prog.model.files[e.origin]), let d = regIndex[r][e.id] {
                    progIncluded[p][e.id] = d
                }
            }
        }
        var parent = Array(decls.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }  // the earlier (registry first) represents
        }
        // What a declaration must share with another to be the same thing: a
        // system its party, a data category one of its subject groups. Two
        // "Case management system"s of different bodies are two systems.
        let context: [Set<Int>] = decls.map { d in
            let model = d.programme.map { programmes[$0].model } ?? d.registry.map { registries[$0].model }
            func owner(_ k: Kind, _ id: String) -> Int? {
                if let p = d.programme { return lookup[k]?[p][id] }
                if let r = d.registry { return registryLookup[k]?[r][id] }
                return nil
            }
            switch kind {
            case .systems: return Set(model?.system(d.id)?.party.flatMap { owner(.parties, $0.value) }.map { [$0] } ?? [])
            case .data: return Set(model?.dataCategory(d.id)?.subjects.compactMap { owner(.subjects, $0.value) } ?? [])
            default: return []
            }
        }
        func compatible(_ a: Int, _ b: Int) -> Bool {
            kind != .systems && kind != .data ? true : !context[a].isDisjoint(with: context[b])
        }
        var byID: [String: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        for (i, d) in decls.enumerated() {
            for j in byID[d.id] ?? [] where compatible(i, j) { union(i, j) }
            byID[d.id, default: []].append(i)
            let folded = Self.fold(d.name)
            guard !folded.isEmpty else { continue }
            for j in byName[folded] ?? [] where compatible(i, j) { union(i, j) }
            byName[folded, default: []].append(i)
        }
        var entityOfRoot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for i in decls.indices {
            let r = find(i)
            if let g = entityOfRoot[r] { groups[g].append(i) } else { entityOfRoot[r] = groups.count; groups.append([i]) }
        }
        let base = entities.count
        for g in groups {
            let rep = decls[g[0]]
            entities.append(Entity(kind: kind, id: rep.id, name: rep.name, declarations: g.map { decls[$0] }, programmes: []))
        }
        func entity(_ decl: Int) -> Int { base + (entityOfRoot[find(decl)] ?? 0) }
        var perProgramme = [[String: Int]](repeating: [:], count: programmes.count)
        for p in programmes.indices {
            for (id, d) in progLocal[p] { perProgramme[p][id] = entity(d) }
            for (id, d) in progIncluded[p] { perProgramme[p][id] = entity(d) }
            for e in Set(perProgramme[p].values) { entities[e].programmes.append(p) }
        }
        lookup[kind] = perProgramme
        registryLookup[kind] = regIndex.map { $0.mapValues(entity) }
    }

    /// The entity a programme's id names (its own, or one it includes).
    public func entity(_ kind: Kind, _ id: String, inProgramme p: Int) -> Int? { lookup[kind]?[p][id] }

    /// The entity a registry's id names.
    public func entity(_ kind: Kind, _ id: String, inRegistry r: Int) -> Int? { registryLookup[kind]?[r][id] }

    /// The entities of a kind, in a stable order (by id, then name).
    public func entities(_ kind: Kind) -> [Int] {
        entities.indices.filter { entities[$0].kind == kind }.sorted {
            (entities[$0].id, entities[$0].name) < (entities[$1].id, entities[$1].name)
        }
    }

    /// The entity a declaration's own file means by an id (its own entity or one it includes).
    public func entity(_ kind: Kind, _ id: String, declaredWith decl: Declaration) -> Int? {
        if let p = decl.programme { return entity(kind, id, inProgramme: p) }
        if let r = decl.registry { return entity(kind, id, inRegistry: r) }
        return nil
    }

    /// The system a declaration declares.
    public func system(_ decl: Declaration) -> System? {
        if let p = decl.programme { return programmes[p].model.system(decl.id) }
        if let r = decl.registry { return registries[r].model.system(decl.id) }
        return nil
    }

    /// The declaration that stands for an entity: the registry's, else the first programme's.
    public func representative(_ e: Int) -> Declaration {
        entities[e].declarations.first { $0.registry != nil } ?? entities[e].declarations[0]
    }

    /// "the registry 'X'" or "programme 'Y'", for messages.
    public func placeName(_ decl: Declaration) -> String {
        if let p = decl.programme { return "programme '\(programmes[p].name)'" }
        if let r = decl.registry { return "registry '\(registries[r].model.registry?.name?.value ?? registries[r].file)'" }
        return decl.file
    }

    /// Finds an entity by id or folded name: for `where`.
    public func find(_ kind: Kind, _ text: String) -> Int? {
        let folded = Self.fold(text)
        return entities(kind).first { e in
            entities[e].id == text || entities[e].declarations.contains { $0.id == text }
        } ?? entities(kind).first { e in Self.fold(entities[e].name) == folded }
    }
}
