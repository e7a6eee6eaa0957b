import DPFlowDiagnostics
import DPFlowYAML

/// The keys of one mapping, checked against the schema: unknown keys and
/// missing required keys are reported once, here.
struct Fields {
    let node: YAMLNode
    /// Paths and descriptions are built only when a finding needs them:
    /// on a valid file they are never built.
    private let pathThunk: () -> String
    /// The mapping's own pairs, shared, not copied. Unknown keys were reported
    /// when the fields were made, and no lookup asks for them.
    let pairs: [YAMLPair]

    fileprivate init(node: YAMLNode, path: @escaping () -> String, pairs: [YAMLPair]) {
        self.node = node
        self.pathThunk = path
        self.pairs = pairs
    }

    var path: String { pathThunk() }

    subscript(_ key: String) -> YAMLPair? {
        // Compare in place: iterating by value would copy (retain and release) every pair.
        pairs.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where buffer[i].key.hasText(key) { return buffer[i] }
            return nil
        }
    }

    /// Present with a value (not null), checked in place.
    func has(_ key: String) -> Bool {
        pairs.withUnsafeBufferPointer { buffer in
            buffer.contains { $0.key.hasText(key) && !$0.value.isNull }
        }
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// Reads positioned YAML nodes into typed values, reporting every problem as
/// ST002 and carrying on, so that one run shows them all.
struct SchemaReader {
    var sink: FindingSink
    /// "Did you mean" is computed for at most this many misses: hostile files
    /// with thousands of typos stay fast.
    private var suggestionBudget = 500

    init(file: String) { sink = FindingSink(file: file) }

    mutating func schemaError(at mark: SourceMark, path: String, _ message: String, fix: String) {
        sink.report(StructureRule.schema, at: mark, path: path, message, fix: fix)
    }

    mutating func suggestion<S: Sequence>(for word: String, in candidates: S, loose: Bool = false) -> String?
    where S.Element == String {
        guard suggestionBudget > 0 else { return nil }
        suggestionBudget -= 1
        return Suggestions.nearest(to: word, in: candidates, loose: loose)
    }

    /// Checks a mapping's keys. Returns nil (after reporting) when `node` is not a mapping.
    mutating func fields(
        _ node: YAMLNode, path: @autoclosure @escaping () -> String, what: @autoclosure () -> String,
        allowed: [String], required: [String] = [], ownerMark: SourceMark? = nil
    ) -> Fields? {
        guard let pairs = node.pairs else {
            let path = path(), what = what()
            schemaError(
                at: node.mark, path: path, "\(what) must be a mapping of keys to values, not \(node.kindName)",
                fix: "write it as 'key: value' lines indented under its name")
            return nil
        }
        // The common case, every key known, is checked in place without copies.
        let allKnown = pairs.withUnsafeBufferPointer { buffer in
            buffer.allSatisfy { pair in allowed.contains { pair.key.hasText($0) } }
        }
        for pair in pairs where !allKnown {
            guard let key = pair.keyText else {
                let path = path(), what = what()
                schemaError(
                    at: pair.key.mark, path: path, "a key in \(what) must be text, not \(pair.key.kindName)",
                    fix: "use one of: \(allowed.joined(separator: ", "))")
                continue
            }
            if !allowed.contains(key) {
                let hint = suggestion(for: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                let path = path(), what = what()
                schemaError(
                    at: pair.key.mark, path: path.isEmpty ? key : "\(path).\(key)",
                    "unknown key '\(key)' in \(what)\(hint)",
                    fix: "use one of: \(allowed.joined(separator: ", "))")
            }
        }
        let f = Fields(node: node, path: path, pairs: pairs)
        for key in required where !f.has(key) {
            if let p = f[key] {
                if p.value.isNull {
                    let what = what()
                    schemaError(
                        at: p.key.mark, path: f.childPath(key), "'\(key)' in \(what) has no value",
                        fix: "give '\(key)' a value; it is required")
                }
            } else {
                let path = path(), what = what()
                schemaError(
                    at: ownerMark ?? node.mark, path: path, "\(what) is missing the required key '\(key)'",
                    fix: "add '\(key)'")
            }
        }
        return f
    }

    /// The entries of an id-keyed mapping (`flows`, `systems`, ...), with malformed
    /// ids reported (and skipped).
    mutating func entries(
        _ node: YAMLNode, path: @autoclosure () -> String, what: String
    ) -> [(id: String, key: SourceMark, value: YAMLNode)] {
        if node.isNull { return [] }
        guard let pairs = node.pairs else {
            let path = path()
            schemaError(
                at: node.mark, path: path, "'\(path)' must be a mapping of ids to \(what), not \(node.kindName)",
                fix: "write each entry as 'an-id:' with its keys indented below")
            return []
        }
        var out: [(id: String, key: SourceMark, value: YAMLNode)] = []
        out.reserveCapacity(pairs.count)
        for pair in pairs {
            if let e = entry(pair, path: path()) { out.append(e) }
        }
        return out
    }

    /// One entry of an id-keyed mapping; nil (after reporting) when its id is malformed.
    mutating func entry(_ pair: YAMLPair, path: @autoclosure () -> String) -> (id: String, key: SourceMark, value: YAMLNode)? {
        guard let id = pair.keyText else {
            let path = path()
            schemaError(
                at: pair.key.mark, path: path, "an id in '\(path)' must be text, not \(pair.key.kindName)",
                fix: "use a lower-case kebab-case id such as 'case-system'")
            return nil
        }
        guard Identifier.isValid(id) else {
            let better = Identifier.suggestion(for: id)
            let hint = better.isEmpty ? "" : "; did you mean '\(better)'?"
            let path = path()
            schemaError(
                at: pair.key.mark, path: "\(path).\(id)",
                "malformed id '\(id)': ids are lower-case kebab-case (a-z, 0-9 and single hyphens)\(hint)",
                fix: "rename it, for example to '\(better.isEmpty ? "an-id" : better)'")
            return nil
        }
        return (id, pair.key.mark, pair.value)
    }

    /// A user value shown in a hint, trimmed to stay readable.
    static func trim(_ value: String) -> String {
        value.count > 40 ? String(value.prefix(40)) + "…" : value
    }

    // MARK: scalars

    /// A text value; nil when absent or empty. Lists and mappings are ST002.
    mutating func text(_ f: Fields, _ key: String) -> Located<String>? {
        // Read in place (no pair copied): absent or null is nil, a scalar its text.
        var notScalar = false
        let found: Located<String>? = f.pairs.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where buffer[i].key.hasText(key) {
                if buffer[i].value.isNull { return nil }
                guard let text = buffer[i].value.text else {
                    notScalar = true
                    return nil
                }
                return Located(text, at: buffer[i].value.mark, key: buffer[i].key.mark)
            }
            return nil
        }
        guard notScalar else { return found }
        // Not a scalar: reported, with the path.
        guard let p = f[key], !p.value.isNull else { return nil }
        return scalarText(p.value, key: p.key.mark, path: f.childPath(key), name: key)
    }

    mutating func scalarText(
        _ node: YAMLNode, key: SourceMark, path: @autoclosure () -> String, name: @autoclosure () -> String
    ) -> Located<String>? {
        guard let text = node.text else {
            let name = name()
            schemaError(
                at: node.mark, path: path(), "'\(name)' must be text, not \(node.kindName)",
                fix: "give '\(name)' a single value")
            return nil
        }
        return Located(text, at: node.mark, key: key)
    }

    mutating func enumValue<E: SchemaEnum>(_ f: Fields, _ key: String, _ type: E.Type = E.self) -> Located<E>? {
        guard let t = text(f, key) else { return nil }
        return enumValue(t, path: f.childPath(key), name: key)
    }

    mutating func enumValue<E: SchemaEnum>(
        _ t: Located<String>, path: @autoclosure () -> String, name: String
    ) -> Located<E>? {
        if let v = E(rawValue: t.value) { return Located(v, at: t.mark, key: t.keyMark) }
        let hint = suggestion(for: t.value, in: E.allowedValues).map { "; did you mean '\($0)'?" } ?? ""
        schemaError(
            at: t.mark, path: path(), "'\(t.value)' is not a valid \(name)\(hint)",
            fix: "use one of: \(E.allowedValues.joined(separator: " | "))")
        return nil
    }

    mutating func bool(_ f: Fields, _ key: String) -> Located<Bool>? {
        guard let t = text(f, key) else { return nil }
        switch t.value {
        case "true", "True", "TRUE": return Located(true, at: t.mark, key: t.keyMark)
        case "false", "False", "FALSE": return Located(false, at: t.mark, key: t.keyMark)
        default:
            schemaError(
                at: t.mark, path: f.childPath(key), "'\(key)' must be true or false, not '\(t.value)'",
                fix: "write true or false (YAML 1.1 words such as yes, no, on and off are not read as booleans)")
            return nil
        }
    }

    mutating func count(_ f: Fields, _ key: String) -> Located<Int>? {
        guard let t = text(f, key) else { return nil }
        let digits = t.value.filter { $0 != "_" && $0 != "," }
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits)
        else {
            schemaError(
                at: t.mark, path: f.childPath(key), "'\(key)' must be a whole number, not '\(t.value)'",
                fix: "write a number such as 200000")
            return nil
        }
        return Located(n, at: t.mark, key: t.keyMark)
    }

    /// A text value parsed into a type; when it does not parse, ST002 with
    /// `problem` (what is wrong with the text) and `fix`.
    private mutating func parsed<T>(
        _ f: Fields, _ key: String, _ parse: (String) -> T?, problem: (String) -> String, fix: String
    ) -> Located<T>? {
        guard let t = text(f, key) else { return nil }
        guard let value = parse(t.value) else {
            schemaError(at: t.mark, path: f.childPath(key), problem(t.value), fix: fix)
            return nil
        }
        return Located(value, at: t.mark, key: t.keyMark)
    }

    mutating func date(_ f: Fields, _ key: String) -> Located<CalendarDate>? {
        parsed(
            f, key, { CalendarDate(iso: $0) }, problem: { "'\($0)' is not a valid date for '\(key)'" },
            fix: "write an ISO 8601 calendar date, YYYY-MM-DD, such as 2025-03-31")
    }

    mutating func period(_ f: Fields, _ key: String) -> Located<RetentionPeriod>? {
        parsed(
            f, key, { RetentionPeriod(text: $0) }, problem: { "'\($0)' is not a valid retention period" },
            fix: "write an ISO 8601 duration such as P30D, P6M, P7Y or P1Y6M, 'indefinite', or 'criteria' (with 'criteria' and 'review-every')")
    }

    mutating func country(_ f: Fields, _ key: String) -> Located<Country>? {
        parsed(
            f, key, { Country(code: $0) },
            problem: { text in
                let hint = Country.suggestion(for: text).map { "; did you mean '\($0)'?" } ?? ""
                return "'\(text)' is not an ISO 3166 country code\(hint)"
            },
            fix: "use an ISO 3166-1 alpha-2 code (GB, IE, US, ...) or a UK nation: GB-ENG, GB-SCT, GB-WLS, GB-NIR")
    }

    /// A list of text values (`[a, b]` or a block list).
    mutating func textList(_ f: Fields, _ key: String) -> [Located<String>]? {
        guard let p = f[key] else { return nil }
        return textList(p, name: key, path: f.childPath(key))
    }

    mutating func textList(_ p: YAMLPair, name key: String, path: String? = nil) -> [Located<String>]? {
        guard !p.value.isNull else { return nil }
        let path = path ?? key
        guard let items = p.value.items else {
            schemaError(
                at: p.value.mark, path: path, "'\(key)' must be a list, not \(p.value.kindName)",
                fix: "write a list, for example '\(key): [\(Self.trim(p.value.scalar?.text ?? "a"))]'")
            return nil
        }
        var out: [Located<String>] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let t = scalarText(item, key: item.mark, path: "\(path)[\(i)]", name: "\(key)[\(i)]") {
                out.append(t)
            }
        }
        return out
    }

    /// (1.1) One text value or a list of them (`location: GB` or `location: [GB, IE]`).
    mutating func oneOrMany(_ f: Fields, _ key: String) -> [Located<String>]? {
        guard let p = f[key], !p.value.isNull else { return nil }
        if p.value.items != nil { return textList(f, key) }
        return text(f, key).map { [$0] }
    }

    /// One enumeration value or a list of them (`article-6`).
    mutating func enumOneOrMany<E: SchemaEnum>(_ f: Fields, _ key: String, _ type: E.Type = E.self) -> [Located<E>]? {
        guard let list = oneOrMany(f, key) else { return nil }
        let isList = f[key]?.value.items != nil
        var out: [Located<E>] = []
        for (i, t) in list.enumerated() {
            let path = isList ? "\(f.childPath(key))[\(i)]" : f.childPath(key)
            if let v: Located<E> = enumValue(t, path: path, name: key) { out.append(v) }
        }
        return out
    }

    /// (1.1) Where a system's data is: one place or a list of them.
    mutating func locations(_ f: Fields, _ key: String) -> [Located<Country>] {
        guard let list = oneOrMany(f, key) else { return [] }
        if list.isEmpty, let p = f[key] {
            schemaError(
                at: p.value.mark, path: f.childPath(key), "'\(key)' lists no place",
                fix: "give at least one country code, EEA, EU, or unknown")
        }
        var out: [Located<Country>] = []
        for t in list {
            guard let c = Country(location: t.value) else {
                let hint = Country.suggestion(for: t.value).map { "; did you mean '\($0)'?" } ?? ""
                schemaError(
                    at: t.mark, path: f.childPath(key), "'\(t.value)' is not a place dpflow knows\(hint)",
                    fix: "use an ISO 3166-1 alpha-2 code (GB, IE, US, ...), a UK nation (GB-ENG, GB-SCT, GB-WLS, GB-NIR), EEA, EU, or unknown")
                continue
            }
            if !out.contains(where: { $0.value == c }) { out.append(Located(c, at: t.mark, key: t.keyMark)) }
        }
        return out
    }

    mutating func partyCountry(_ f: Fields, _ key: String) -> Located<Country>? {
        parsed(
            f, key, { Country(partyCountry: $0) },
            problem: { text in
                let hint = Country.suggestion(for: text).map { "; did you mean '\($0)'?" } ?? ""
                return "'\(text)' is not an ISO 3166 country code\(hint)"
            },
            fix: "use an ISO 3166-1 alpha-2 code (GB, IE, US, ...), a UK nation (GB-ENG, GB-SCT, GB-WLS, GB-NIR), or unknown")
    }

    mutating func duration(_ f: Fields, _ key: String) -> Located<ISODuration>? {
        parsed(
            f, key, { ISODuration(iso: $0) }, problem: { "'\($0)' is not a valid ISO 8601 duration for '\(key)'" },
            fix: "write an ISO 8601 duration such as P6M or P1Y")
    }

    mutating func enumList<E: SchemaEnum>(_ f: Fields, _ key: String, _ type: E.Type = E.self) -> [Located<E>]? {
        guard let list = textList(f, key) else { return nil }
        var out: [Located<E>] = []
        for (i, t) in list.enumerated() {
            if let v: Located<E> = enumValue(t, path: "\(f.childPath(key))[\(i)]", name: key) { out.append(v) }
        }
        return out
    }

    /// A list of mappings (`consultation`, `measures`, `exceptions`).
    mutating func mappingList(_ f: Fields, _ key: String) -> [(index: Int, node: YAMLNode)] {
        guard let p = f[key] else { return [] }
        return mappingList(p, name: f.childPath(key))
    }

    mutating func mappingList(_ p: YAMLPair, name path: String) -> [(index: Int, node: YAMLNode)] {
        let key = p.keyText ?? path
        if p.value.isNull { return [] }
        guard let items = p.value.items else {
            schemaError(
                at: p.value.mark, path: path, "'\(key)' must be a list, not \(p.value.kindName)",
                fix: "write each entry on its own line starting with '- '")
            return []
        }
        return items.enumerated().map { ($0.offset, $0.element) }
    }
}

