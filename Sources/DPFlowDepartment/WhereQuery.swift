import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// `dpflow where`: every place across the department's programmes that holds
/// or passes data about a subject group (or a data category, a system, a
/// party). It answers "where must we search?" for a subject access request,
/// a legal hold or a records review.
public struct WhereQuery: Sendable {
    public enum Target: Sendable {
        case subject(String), data(String), system(String), party(String)

        var kind: Department.Kind {
            switch self {
            case .subject: .subjects
            case .data: .data
            case .system: .systems
            case .party: .parties
            }
        }

        var text: String {
            switch self {
            case .subject(let s), .data(let s), .system(let s), .party(let s): s
            }
        }
    }

    /// One data category held in one place, in one programme.
    public struct Holding: Sendable, Hashable {
        public let programme: String
        public let data: String
        public let dataName: String
        public let sensitive: String?
        public let retention: String
    }

    /// A flow by which data arrives.
    public struct Arrival: Sendable, Hashable {
        public let programme: String
        public let flow: String
        public let from: String
        public let data: [String]
        public let lawfulBasis: String
    }

    public struct Place: Sendable {
        public let system: String
        public let systemName: String
        public let party: String
        public let location: String
        public let external: Bool
        public let keepsData: Bool
        public let programmes: [String]
        public let holdings: [Holding]
        public let arrivals: [Arrival]
        public let files: [String]
    }

    public let target: Target
    /// The entity the question is about, as the department knows it.
    public let entityID: String
    public let entityName: String
    public let places: [Place]

    public enum Failure: Error, Sendable {
        case unknown(String)
    }

    public init(_ department: Department, _ target: Target) throws(Failure) {
        guard let e = department.find(target.kind, target.text) else {
            let ids = department.entities(target.kind).map { department.entities[$0].id }
            let near = Suggestions.nearest(to: target.text, in: ids, loose: true)
            let shown = ids.prefix(8).joined(separator: ", ")
            throw Failure.unknown(
                "no \(target.kind.noun) '\(target.text)' in the department"
                    + (near.map { "; did you mean '\($0)'?" } ?? (ids.isEmpty ? "" : " (known: \(shown)\(ids.count > 8 ? ", …" : ""))")))
        }
        self.target = target
        entityID = department.entities[e].id
        entityName = department.entities[e].name
        places = Self.places(department, target, entity: e)
    }

    static func places(_ department: Department, _ target: Target, entity e: Int) -> [Place] {
        struct Acc {
            var programmes: Set<String> = []
            var holdings: Set<Holding> = []
            var arrivals: Set<Arrival> = []
            var files: Set<String> = []
            var name = "", party = "", location = "", external = false, keeps = false
        }
        var acc: [Int: Acc] = [:]
        func withAcc(_ acc: inout [Int: Acc], _ key: Int, _ body: (inout Acc) -> Void) {
            body(&acc[key, default: Acc()])
        }
        for (p, prog) in department.programmes.enumerated() {
            let g = prog.graph
            let m = prog.model
            // Which of this programme's data categories the question is about.
            func relevant(_ d: Int) -> Bool {
                switch target {
                case .subject: m.data[d].subjects.contains { department.entity(.subjects, $0.value, inProgramme: p) == e }
                case .data: department.entity(.data, m.data[d].id, inProgramme: p) == e
                case .system, .party: true
                }
            }
            for (si, system) in m.systems.enumerated() {
                guard let s = department.entity(.systems, system.id, inProgramme: p) else { continue }
                switch target {
                case .system where s != e: continue
                case .party:
                    guard let party = system.party?.value, department.entity(.parties, party, inProgramme: p) == e else { continue }
                default: break
                }
                let node = g.node(ofSystem: si)
                var held = Set<Int>()
                var arrivals: [Arrival] = []
                for f in g.inFlows[node] {
                    let data = g.flowData[f].filter(relevant)
                    guard !data.isEmpty else { continue }
                    held.formUnion(data)
                    let flow = m.flows[f]
                    let basis = m.effectiveLawfulBasis(of: flow)
                    var words = basis?.article6Text ?? "no Article 6 basis"
                    if let a9 = basis?.article9?.value { words += "; Art 9: \(a9.rawValue)" }
                    if let a10 = basis?.article10?.value { words += "; Art 10: \(a10.rawValue)" }
                    arrivals.append(Arrival(
                        programme: prog.name, flow: flow.id, from: g.nodeID(g.flowFrom[f]),
                        data: data.map { m.data[$0].id }, lawfulBasis: words))
                }
                // A registry system's schedule covers every programme: it holds a
                // programme's data only where that programme's flows bring it.
                if system.origin == 0 {
                    for k in g.keptData[si] where relevant(k.data) { held.insert(k.data) }
                }
                for c in system.creates { if let d = m.dataIndex[c.value], relevant(d) { held.insert(d) } }
                guard !held.isEmpty else { continue }
                // Mutated in place: a copy out of the dictionary would copy its sets.
                withAcc(&acc, s) { a in
                    a.programmes.insert(prog.name)
                    a.files.insert(prog.file)
                    a.arrivals.formUnion(arrivals)
                    a.name = department.entities[s].name
                    a.party = system.party.flatMap { m.party($0.value)?.name?.value } ?? system.party?.value ?? "?"
                    a.location = g.placesLabel(ofSystem: si)
                    a.external = g.systemExternal[si]
                    a.keeps = a.keeps || system.keepsData
                    for d in held {
                        let data = m.data[d]
                        let entry = g.retentionEntry(system: si, data: d)
                        let retention: String
                        if !system.keepsData {
                            retention = "not kept (passes through)"
                        } else if let entry {
                            retention = PlainEnglish.retention(entry)
                        } else {
                            retention = g.systemExternal[si] ? "kept by an independent controller under its own schedule" : "no retention declared"
                        }
                        let sensitive: String? = switch data.kind {
                        case .personal: nil
                        case .special: "special category (\(data.specialCategories.map(\.rawValue).joined(separator: ", ")))"
                        case .criminalOffence: "criminal offence"
                        }
                        a.holdings.insert(Holding(
                            programme: prog.name, data: department.entity(.data, data.id, inProgramme: p).map { department.entities[$0].id } ?? data.id,
                            dataName: data.name?.value ?? data.id, sensitive: sensitive, retention: retention))
                    }
                }
            }
        }
        return acc.keys.map { s -> Place in
            let a = acc[s] ?? Acc()
            return Place(
                system: department.entities[s].id, systemName: a.name, party: a.party, location: a.location, external: a.external,
                keepsData: a.keeps, programmes: a.programmes.sorted(),
                holdings: a.holdings.sorted { ($0.data, $0.programme) < ($1.data, $1.programme) },
                arrivals: a.arrivals.sorted { ($0.programme, $0.flow) < ($1.programme, $1.flow) }, files: a.files.sorted())
        }.sorted { ($0.external ? 1 : 0, $0.system) < ($1.external ? 1 : 0, $1.system) }
    }
}
