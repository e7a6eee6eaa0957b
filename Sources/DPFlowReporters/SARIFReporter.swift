import DPFlowDiagnostics
import DPFlowRules

/// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub and others).
/// `tool.driver.rules` comes from the catalogue; each result has one physical
/// location and a partial fingerprint from rule + file + path, so an alert
/// stays the same alert when lines move. Excepted findings carry a suppression.
public enum SARIFReporter {
    public static let informationURI = "https://github.com/dpflow/dpflow"

    public static func render(_ report: FindingReport, catalogue: [RuleDescription] = RuleRegistry.descriptions) -> String {
        document(report, catalogue: catalogue).rendered()
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// GitHub's scale for `security-severity` (critical > 9, high 7-8.9,
    /// medium 4-6.9, low below 4), from a rule's default severity.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .error: "7.5"
        case .warning: "5.0"
        case .info: "2.0"
        }
    }

    /// How often a rule's findings are right: structure rules read the file
    /// itself; graph-hygiene rules flag what is often deliberate.
    static func precision(_ area: RuleArea) -> String {
        switch area {
        case .structure: "very-high"
        case .graph: "medium"
        default: "high"
        }
    }

    /// `restricted-transfer-without-mechanism` -> "Restricted transfer without mechanism."
    static func sentence(_ name: String) -> String {
        let words = name.replacing("-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst() + "."
    }

    /// A message and its fix as one text, punctuated once.
    static func messageText(_ f: Finding) -> String {
        guard !f.fix.isEmpty else { return f.message }
        let ends = f.message.last.map { ".?!".contains($0) } ?? true
        return "\(f.message)\(ends ? "" : ".") Fix: \(f.fix)"
    }

    public static let sourceRootId = "SRCROOT"

    public static func document(_ report: FindingReport, catalogue: [RuleDescription]) -> JSONValue {
        // Only the rules that ran are listed (a rule switched off is not); a
        // rule with findings is always listed, so every result has its rule.
        let ran = Set(report.rulesRun.isEmpty ? catalogue.map(\.info.id) : report.rulesRun)
        let found = Set((report.findings + report.unchanged).map(\.rule))
        let listed = catalogue.filter { ran.contains($0.info.id) || found.contains($0.info.id) }
        let index = Dictionary(uniqueKeysWithValues: listed.enumerated().map { ($1.info.id, $0) })
        let rules: [JSONValue] = listed.map { r in
            var rule: [(String, JSONValue)] = [
                ("id", .string(r.info.id)),
                ("name", .string(r.info.name)),
                ("shortDescription", .object([("text", .string(sentence(r.info.name)))])),
                ("fullDescription", .object([("text", .string(r.triggers))])),
                ("help", .object([
                    ("text", .string("\(r.triggers)\nFix: \(r.fix)\nLaw: \(r.law)")),
                    ("markdown", .string("**Triggers:** \(r.triggers)\n\n**Fix:** \(r.fix)\n\n**Law:** \(r.law)")),
                ])),
                ("defaultConfiguration", .object([("level", .string(level(r.info.severity)))])),
                ("properties", .object([
                    ("tags", .array([.string("security"), .string("data-protection"), .string(tag(r.info.area.title))])),
                    ("precision", .string(precision(r.info.area))),
                    ("security-severity", .string(securitySeverity(r.info.severity))),
                ])),
            ]
            if r.link.hasPrefix("http") { rule.insert(("helpUri", .string(r.link)), at: 4) }
            return .object(rule)
        }
        let inRepository = report.repositoryPrefix != nil
        func result(_ f: Finding, state: String?) -> JSONValue {
            var result: [(String, JSONValue)] = [("ruleId", .string(f.rule))]
            if let i = index[f.rule] { result.append(("ruleIndex", .int(i))) }
            var artifact: [(String, JSONValue)] = [("uri", .string(uri(report.repositoryPath(f.file))))]
            if inRepository && !report.repositoryPath(f.file).hasPrefix("/") { artifact.append(("uriBaseId", .string(sourceRootId))) }
            result += [
                ("level", .string(level(f.severity))),
                ("message", .object([("text", .string(messageText(f)))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object(artifact)),
                        ("region", .object([("startLine", .int(max(1, f.line))), ("startColumn", .int(max(1, f.column)))])),
                    ])),
                    ("logicalLocations", .array([.object([("fullyQualifiedName", .string(f.path)), ("kind", .string("element"))])])),
                ])])),
                ("partialFingerprints", .object([
                    ("dpflow/v1", .string(fingerprint(f, report: report))),
                    // What GitHub code scanning matches alerts by. From rule,
                    // file and element path, never the line's text, so editing
                    // or moving the line keeps the alert.
                    ("primaryLocationLineHash", .string(fingerprint(f, report: report) + ":1")),
                ])),
            ]
            if !f.trace.isEmpty {
                let steps: [JSONValue] = f.trace.map { node in
                    .object([("location", .object([
                        ("message", .object([("text", .string(node))])),
                        ("logicalLocations", .array([.object([("fullyQualifiedName", .string(node)), ("kind", .string("element"))])])),
                    ]))])
                }
                result.append(("codeFlows", .array([.object([
                    ("message", .object([("text", .string("The path behind the finding: \(f.trace.joined(separator: " -> "))"))])),
                    ("threadFlows", .array([.object([("locations", .array(steps))])])),
                ])])))
            }
            if let state { result.append(("baselineState", .string(state))) }
            if f.excepted {
                result.append(("suppressions", .array([.object([
                    ("kind", .string("inSource")),
                    ("status", .string("accepted")),
                    ("justification", .string("accepted by an exception in the flow file")),
                ])])))
            }
            return .object(result)
        }
        var results = report.findings.map { result($0, state: report.baselined ? "new" : nil) }
        results += report.unchanged.map { result($0, state: "unchanged") }
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string(DPFlowTool.name)),
                ("version", .string(DPFlowTool.version)),
                ("semanticVersion", .string(DPFlowTool.version)),
                ("informationUri", .string(informationURI)),
                ("rules", .array(rules)),
            ]))])),
        ]
        if inRepository {
            // No absolute path of the machine: the base is named, not located;
            // code scanning resolves it to the repository's root.
            run.append(("originalUriBaseIds", .object([(sourceRootId, .object([
                ("description", .object([("text", .string("The root of the git repository."))])),
            ]))])))
        }
        run += [
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ]
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    /// A tag without spaces: "transfers and boundaries" -> "transfers-and-boundaries".
    static func tag(_ s: String) -> String { s.lowercased().replacing(" ", with: "-") }

    /// Repository-relative URIs: paths as given, with "./" removed and
    /// characters outside the URI set percent-encoded.
    static func uri(_ file: String) -> String {
        var path = file
        while path.hasPrefix("./") { path.removeFirst(2) }
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Stable across line moves: FNV-1a 64 of rule, file and element path.
    public static func fingerprint(_ f: Finding, report: FindingReport? = nil) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let file = report?.repositoryPath(f.file) ?? f.file
        for b in "\(f.rule)|\(uri(file))|\(f.path)".utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
