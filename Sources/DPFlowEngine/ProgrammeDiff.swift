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
        public let change: String    // added | removed | changed | renamed
        /// For changed: what differs, with the old and new values.
        public let values: [FieldChange]
        /// For renamed: the id it had before.
        public var oldID: String?
        public var path: String { kind == id ? kind : "\(kind).\(id)" }
        public var oldPath: String? { oldID.map { "\(kind).\($0)" } }
        /// The keys that differ (their first part), as the file spells them.
        public var fields: [String] {
            var out: [String] = []
            for v in values {
                let key = String(v.field.split(separator: ".").first ?? "")
                if !out.contains(key) { out.append(key) }
            }
            return out
        }

        init(kind: String, id: String, change: String, values: [FieldChange] = [], oldID: String? = nil) {
            self.kind = kind
            self.id = id
            self.change = change
            self.values = values
            self.oldID = oldID
        }
    }

    /// One value that differs: `retention.contact.period`, P7Y -> P20Y.
    public struct FieldChange: Sendable, Equatable {
        public let field: String
        public let old: String
        public let new: String
    }

    /// The change moved the file (`diff --git REF FILE --old-path OLD`).
    public var fileRenamed = false

    /// True when nothing differs: no element, callout or finding.
    public var isEmpty: Bool {
        entities.isEmpty && newTransfers.isEmpty && newSensitiveFlows.isEmpty && newFindings.isEmpty && resolvedFindings.isEmpty
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
            var added: [String] = []
            var removed: [String] = []
            var found: [EntityChange] = []
            for key in Set(before.keys).union(after.keys).sorted() {
                switch (before[key], after[key]) {
                case (nil, .some): added.append(key)
                case (.some, nil): removed.append(key)
                case (.some(let x), .some(let y)):
                    let values = Canonical.differences(x, y)
                    if !values.isEmpty { found.append(EntityChange(kind: kind, id: key, change: "changed", values: values)) }
                default: break
                }
            }
            // A removed element whose content reappears, unchanged, under a new
            // id is a rename, not a removal and an addition.
            var unmatched = Set(added)
            for old in removed {
                guard let x = before[old] else { continue }
                let key = Canonical.text(x, ignoring: ["id"])
                if let new = added.first(where: { unmatched.contains($0) && after[$0].map { Canonical.text($0, ignoring: ["id"]) } == key }) {
                    unmatched.remove(new)
                    found.append(EntityChange(kind: kind, id: new, change: "renamed", oldID: old))
                } else {
                    found.append(EntityChange(kind: kind, id: old, change: "removed"))
                }
            }
            for new in added where unmatched.contains(new) { found.append(EntityChange(kind: kind, id: new, change: "added")) }
            entities += found.sorted { ($0.id, $0.change) < ($1.id, $1.change) }
        }
        let a = oldAnalysis.model
        let b = newAnalysis.model
        switch (a?.programme, b?.programme) {
        case (.some(let pa), .some(let pb)):
            let values = Canonical.differences(pa, pb)
            if !values.isEmpty { entities.append(EntityChange(kind: "programme", id: "programme", change: "changed", values: values)) }
        case (nil, .some) where a == nil: entities.append(EntityChange(kind: "programme", id: "programme", change: "added"))
        case (.some, nil) where b == nil: entities.append(EntityChange(kind: "programme", id: "programme", change: "removed"))
        default: break
        }
        compare("parties", a?.parties ?? [], b?.parties ?? [], id: \.id)
        compare("systems", a?.systems ?? [], b?.systems ?? [], id: \.id)
        compare("data", a?.data ?? [], b?.data ?? [], id: \.id)
        compare("subjects", a?.subjects ?? [], b?.subjects ?? [], id: \.id)
        compare("flows", a?.flows ?? [], b?.flows ?? [], id: \.id)
        compare("risks", a?.risks ?? [], b?.risks ?? [], id: \.id)
        self.entities = entities

        // An element renamed keeps its callouts and findings: old paths are
        // read as their new names before comparing.
        let renames = entities.compactMap { e in e.oldPath.map { ($0, e.path) } }
        func renamed(_ path: String) -> String {
            for (old, new) in renames where path == old || path.hasPrefix(old + ".") || path.hasPrefix(old + "[") {
                return new + path.dropFirst(old.count)
            }
            return path
        }
        func renamedFlows<V>(_ byID: [String: V]) -> [String: V] {
            Dictionary(byID.map { (String(renamed("flows.\($0.key)").dropFirst("flows.".count)), $0.value) }, uniquingKeysWith: { a, _ in a })
        }

        // Callouts, computed on each version's graph.
        let oldForeign = renamedFlows(oldAnalysis.graph.map(Self.foreignDestinations) ?? [:])
        let newForeign = newAnalysis.graph.map(Self.foreignDestinations) ?? [:]
        newTransfers = newForeign.keys.sorted().compactMap { id in
            guard let to = newForeign[id], oldForeign[id] == nil else { return nil }
            return ("flows.\(id)", to)
        }
        let oldSensitive = renamedFlows(oldAnalysis.graph.map(Self.sensitiveData) ?? [:])
        let newSensitive = newAnalysis.graph.map(Self.sensitiveData) ?? [:]
        newSensitiveFlows = newSensitive.keys.sorted().compactMap { id in
            let added = (newSensitive[id] ?? []).filter { !(oldSensitive[id] ?? []).contains($0) }
            return added.isEmpty ? nil : ("flows.\(id)", added.joined(separator: ", "))
        }

        // Findings, matched by rule and path (lines move), as multisets.
        func oldKey(_ f: Finding) -> String { "\(f.rule)|\(renamed(f.path))" }
        func newKey(_ f: Finding) -> String { "\(f.rule)|\(f.path)" }
        func counted(_ findings: [Finding], _ key: (Finding) -> String) -> [String: Int] {
            findings.filter { !$0.excepted }.reduce(into: [:]) { $0[key($1), default: 0] += 1 }
        }
        func unmatched(_ findings: [Finding], _ key: (Finding) -> String, against other: [String: Int]) -> [Finding] {
            var remaining = other
            return findings.filter { !$0.excepted }.sorted(by: Finding.outputOrder).filter { f in
                let key = key(f)
                if let n = remaining[key], n > 0 {
                    remaining[key] = n - 1
                    return false
                }
                return true
            }
        }
        newFindings = unmatched(newAnalysis.findings, newKey, against: counted(oldAnalysis.findings, oldKey))
        resolvedFindings = unmatched(oldAnalysis.findings, oldKey, against: counted(newAnalysis.findings, newKey))
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

    static func text(_ value: Any, ignoring extra: Set<String>) -> String {
        let m = Mirror(reflecting: value)
        return "{" + m.children.filter { !ignored.contains($0.label ?? "") && !extra.contains($0.label ?? "") }
            .map { "\($0.label ?? ""):\(text($0.value))" }.joined(separator: ",") + "}"
    }

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

    /// Every value that differs, to the deepest key that holds it, with its
    /// old and new text: `retention.contact.period`, "P7Y" -> "P20Y".
    static func differences(_ a: Any, _ b: Any, prefix: String = "") -> [ProgrammeDiff.FieldChange] {
        if text(a) == text(b) { return [] }
        let ma = Mirror(reflecting: a)
        let mb = Mirror(reflecting: b)
        // Optionals: unwrap both, or compare present with absent as a leaf.
        if ma.displayStyle == .optional || mb.displayStyle == .optional {
            let ua: Any? = ma.displayStyle == .optional ? ma.children.first?.value : a
            let ub: Any? = mb.displayStyle == .optional ? mb.children.first?.value : b
            if let ua, let ub { return differences(ua, ub, prefix: prefix) }
            return [leaf(prefix, ua, ub)]
        }
        // Lists of keyed entries (a system's retention, keyed by data id).
        if ma.displayStyle == .collection, mb.displayStyle == .collection,
            let ka = keyed(ma), let kb = keyed(mb)
        {
            var out: [ProgrammeDiff.FieldChange] = []
            for key in Set(ka.keys).union(kb.keys).sorted() {
                out += differences(ka[key] as Any?, kb[key] as Any?, prefix: join(prefix, key))
            }
            return out
        }
        if ma.displayStyle == .struct, mb.displayStyle == .struct, !isLeaf(a), !isLeaf(b), !ma.children.isEmpty {
            let children = ma.children.filter { !ignored.contains($0.label ?? "") }
            // A located value: its value is the field.
            if children.count == 1, children.first?.label == "value" {
                let other = mb.children.first { $0.label == "value" }?.value
                return [leaf(prefix, children.first?.value, other)]
            }
            var out: [ProgrammeDiff.FieldChange] = []
            for (x, y) in zip(ma.children, mb.children) {
                guard let label = x.label, !ignored.contains(label), !label.hasSuffix("ID") else { continue }
                out += differences(x.value, y.value, prefix: join(prefix, kebab(label)))
            }
            return out
        }
        return [leaf(prefix, a, b)]
    }

    static func join(_ prefix: String, _ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }

    static func leaf(_ field: String, _ a: Any?, _ b: Any?) -> ProgrammeDiff.FieldChange {
        ProgrammeDiff.FieldChange(field: field, old: a.map(display) ?? "(none)", new: b.map(display) ?? "(none)")
    }

    /// Values shown whole: text, enumerations, and values with their own
    /// spelling (dates, countries, durations).
    static func isLeaf(_ value: Any) -> Bool {
        value is String || value is any RawRepresentable || value is CustomStringConvertible
    }

    /// The entries of a list keyed by an id (`dataID` or `id`), or nil.
    static func keyed(_ m: Mirror) -> [String: Any]? {
        var out: [String: Any] = [:]
        for child in m.children {
            let entry = Mirror(reflecting: child.value)
            guard entry.displayStyle == .struct,
                let key = entry.children.first(where: { $0.label == "dataID" || $0.label == "id" })?.value as? String
            else { return nil }
            out[key] = child.value
        }
        return out
    }

    /// A value as a person reads it: `P20Y`, `public-task`, `[a, b]`, `{period: P7Y, ...}`.
    static func display(_ value: Any) -> String {
        if let s = value as? String { return s }
        if let r = value as? any RawRepresentable, let raw = r.rawValue as? String { return raw }
        let m = Mirror(reflecting: value)
        switch m.displayStyle {
        case .optional?:
            return m.children.first.map { display($0.value) } ?? "(none)"
        case .collection?, .set?:
            return "[" + m.children.map { display($0.value) }.joined(separator: ", ") + "]"
        case .dictionary?:
            return "{" + m.children.map { display($0.value) }.sorted().joined(separator: ", ") + "}"
        case .struct?:
            let children = m.children.filter { !ignored.contains($0.label ?? "") }
            if children.count == 1, children.first?.label == "value", let v = children.first?.value { return display(v) }
            if value is CustomStringConvertible { return String(describing: value) }
            let parts = children.compactMap { c -> String? in
                guard let label = c.label, !label.hasSuffix("ID") else { return nil }
                let inner = Mirror(reflecting: c.value)
                if inner.displayStyle == .optional && inner.children.isEmpty { return nil }
                if inner.displayStyle == .collection && inner.children.isEmpty { return nil }
                return "\(kebab(label)): \(display(c.value))"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        default:
            return String(describing: value)
        }
    }

    /// `lawfulBasis` -> `lawful-basis`, as the file spells it.
    /// Stored properties whose name is not the file's key spelled in camel case.
    static let fileKeys = ["locations": "location"]

    /// `lawfulBasis` -> `lawful-basis`, `article6` -> `article-6`, as the file spells it.
    static func kebab(_ s: String) -> String {
        if let key = fileKeys[s] { return key }
        var out = ""
        var previous: Character?
        for c in s {
            if c.isUppercase {
                out += "-" + c.lowercased()
            } else if c.isNumber, let p = previous, !p.isNumber {
                out += "-" + String(c)
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }
}
