import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowReporters

/// What a change to a programme does (`dpflow diff OLD NEW`): entities added,
/// removed and changed; new restricted transfers and new flows of special or
/// criminal-offence data, called out; findings new in NEW and resolved.
public struct ProgrammeDiff: Sendable {
    public struct EntityChange: Sendable {
        public let kind: String      // "flows", "systems", ...
        public let id: String
        public let change: String    // added | removed | changed
        public let fields: [String]  // for changed: which keys differ
        public var path: String { "\(kind).\(id)" }
    }

    public let old: String
    public let new: String
    public let entities: [EntityChange]
    /// Flow paths that newly leave the UK, with where they go.
    public let newTransfers: [(path: String, destination: String)]
    /// Flow paths that newly carry special or criminal-offence data, with the categories.
    public let newSensitiveFlows: [(path: String, data: String)]
    public let newFindings: [Finding]
    public let resolvedFindings: [Finding]

    init(old oldAnalysis: ProgrammeAnalysis, new newAnalysis: ProgrammeAnalysis) {
        old = oldAnalysis.file
        new = newAnalysis.file
        var entities: [EntityChange] = []
        func compare<T>(_ kind: String, _ a: [T], _ b: [T], id: (T) -> String) {
            let before = Dictionary(a.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(b.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            for key in Set(before.keys).union(after.keys).sorted() {
                switch (before[key], after[key]) {
                case (nil, .some): entities.append(EntityChange(kind: kind, id: key, change: "added", fields: []))
                case (.some, nil): entities.append(EntityChange(kind: kind, id: key, change: "removed", fields: []))
                case (.some(let x), .some(let y)):
                    let fields = Canonical.changedFields(x, y)
                    if !fields.isEmpty { entities.append(EntityChange(kind: kind, id: key, change: "changed", fields: fields)) }
                default: break
                }
            }
        }
        let a = oldAnalysis.model
        let b = newAnalysis.model
        if let pa = a?.programme, let pb = b?.programme {
            let fields = Canonical.changedFields(pa, pb)
            if !fields.isEmpty { entities.append(EntityChange(kind: "programme", id: "programme", change: "changed", fields: fields)) }
        }
        compare("parties", a?.parties ?? [], b?.parties ?? [], id: \.id)
        compare("systems", a?.systems ?? [], b?.systems ?? [], id: \.id)
        compare("data", a?.data ?? [], b?.data ?? [], id: \.id)
        compare("subjects", a?.subjects ?? [], b?.subjects ?? [], id: \.id)
        compare("flows", a?.flows ?? [], b?.flows ?? [], id: \.id)
        compare("risks", a?.risks ?? [], b?.risks ?? [], id: \.id)
        self.entities = entities

        // Callouts, computed on each version's graph.
        let oldForeign = oldAnalysis.graph.map(Self.foreignDestinations) ?? [:]
        let newForeign = newAnalysis.graph.map(Self.foreignDestinations) ?? [:]
        newTransfers = newForeign.keys.sorted().compactMap { id in
            guard let to = newForeign[id], oldForeign[id] == nil else { return nil }
            return ("flows.\(id)", to)
        }
        let oldSensitive = oldAnalysis.graph.map(Self.sensitiveData) ?? [:]
        let newSensitive = newAnalysis.graph.map(Self.sensitiveData) ?? [:]
        newSensitiveFlows = newSensitive.keys.sorted().compactMap { id in
            let added = (newSensitive[id] ?? []).filter { !(oldSensitive[id] ?? []).contains($0) }
            return added.isEmpty ? nil : ("flows.\(id)", added.joined(separator: ", "))
        }

        // Findings, matched by rule and path (lines move), as multisets.
        func counted(_ findings: [Finding]) -> [String: Int] {
            findings.filter { !$0.excepted }.reduce(into: [:]) { $0["\($1.rule)|\($1.path)", default: 0] += 1 }
        }
        func unmatched(_ findings: [Finding], against other: [String: Int]) -> [Finding] {
            var remaining = other
            return findings.filter { !$0.excepted }.sorted(by: Finding.outputOrder).filter { f in
                let key = "\(f.rule)|\(f.path)"
                if let n = remaining[key], n > 0 {
                    remaining[key] = n - 1
                    return false
                }
                return true
            }
        }
        newFindings = unmatched(newAnalysis.findings, against: counted(oldAnalysis.findings))
        resolvedFindings = unmatched(oldAnalysis.findings, against: counted(newAnalysis.findings))
    }

    /// Flow id -> foreign destination codes, for flows that leave the UK.
    static func foreignDestinations(_ g: FlowGraph) -> [String: String] {
        var out: [String: String] = [:]
        for (f, flow) in g.model.flows.enumerated() {
            let places = g.foreignDestinations(ofFlow: f).map(\.code)
            if let s = g.systemIndex(ofNode: g.flowTo[f]), !places.isEmpty {
                let mechanism = flow.transfer?.mechanism?.value.rawValue ?? "no mechanism"
                out[flow.id] = "\(places.joined(separator: "/")) (\(g.model.systems[s].id)), \(mechanism)"
            }
        }
        return out
    }

    /// Flow id -> special and criminal-offence categories it carries.
    static func sensitiveData(_ g: FlowGraph) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (f, flow) in g.model.flows.enumerated() {
            let ids = g.flowData[f].filter { g.model.data[$0].kind != .personal }.map { "\(g.model.data[$0].id) (\(g.model.data[$0].kind.rawValue))" }
            if !ids.isEmpty { out[flow.id] = ids }
        }
        return out
    }
}

/// A canonical text of a model value that ignores source positions, so that
/// moving lines is not a change.
enum Canonical {
    static let ignored: Set<String> = ["mark", "keyMark", "index"]

    static func text(_ value: Any) -> String {
        let m = Mirror(reflecting: value)
        switch m.displayStyle {
        case .optional?:
            return m.children.first.map { text($0.value) } ?? "nil"
        case .collection?, .set?:
            let items = m.children.map { text($0.value) }
            return "[" + (m.displayStyle == .set ? items.sorted() : items).joined(separator: ",") + "]"
        case .dictionary?:
            return "{" + m.children.map { text($0.value) }.sorted().joined(separator: ",") + "}"
        case .struct?, .class?, .tuple?:
            if m.children.isEmpty { return String(describing: value) }
            return "{" + m.children.filter { !ignored.contains($0.label ?? "") }
                .map { "\($0.label ?? ""):\(text($0.value))" }.joined(separator: ",") + "}"
        case .enum?:
            return String(describing: value) + (m.children.isEmpty ? "" : "(" + m.children.map { text($0.value) }.joined(separator: ",") + ")")
        default:
            return String(describing: value)
        }
    }

    /// The stored properties that differ (by canonical text), in declaration order.
    static func changedFields(_ a: Any, _ b: Any) -> [String] {
        let ma = Mirror(reflecting: a)
        let mb = Mirror(reflecting: b)
        var out: [String] = []
        for (x, y) in zip(ma.children, mb.children) {
            guard let label = x.label, !ignored.contains(label) else { continue }
            if text(x.value) != text(y.value) { out.append(Self.kebab(label)) }
        }
        return out
    }

    /// `lawfulBasis` -> `lawful-basis`, as the file spells it.
    static func kebab(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isUppercase {
                out += "-" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }
}
