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

    public static func document(_ report: FindingReport, catalogue: [RuleDescription]) -> JSONValue {
        let index = Dictionary(uniqueKeysWithValues: catalogue.enumerated().map { ($1.info.id, $0) })
        let rules: [JSONValue] = catalogue.map { r in
            var rule: [(String, JSONValue)] = [
                ("id", .string(r.info.id)),
                ("name", .string(r.info.name)),
                ("shortDescription", .object([("text", .string("\(r.info.name): \(r.info.area.title)"))])),
                ("fullDescription", .object([("text", .string(r.triggers))])),
                ("help", .object([
                    ("text", .string("\(r.triggers)\nFix: \(r.fix)\nLaw: \(r.law)")),
                    ("markdown", .string("**Triggers:** \(r.triggers)\n\n**Fix:** \(r.fix)\n\n**Law:** \(r.law)")),
                ])),
                ("defaultConfiguration", .object([("level", .string(level(r.info.severity)))])),
                ("properties", .object([("tags", .array([.string("data-protection"), .string(r.info.area.title)]))])),
            ]
            if r.link.hasPrefix("http") { rule.insert(("helpUri", .string(r.link)), at: 4) }
            return .object(rule)
        }
        let results: [JSONValue] = report.findings.map { f in
            var result: [(String, JSONValue)] = [("ruleId", .string(f.rule))]
            if let i = index[f.rule] { result.append(("ruleIndex", .int(i))) }
            result += [
                ("level", .string(level(f.severity))),
                ("message", .object([("text", .string(f.fix.isEmpty ? f.message : "\(f.message). Fix: \(f.fix)"))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri(f.file)))])),
                        ("region", .object([("startLine", .int(max(1, f.line))), ("startColumn", .int(max(1, f.column)))])),
                    ])),
                    ("logicalLocations", .array([.object([("fullyQualifiedName", .string(f.path)), ("kind", .string("element"))])])),
                ])])),
                ("partialFingerprints", .object([("dpflow/v1", .string(fingerprint(f)))])),
            ]
            if !f.trace.isEmpty {
                result.append(("properties", .object([("trace", .array(f.trace.map(JSONValue.string)))])))
            }
            if f.excepted {
                result.append(("suppressions", .array([.object([
                    ("kind", .string("inSource")),
                    ("justification", .string("accepted by an exception in the flow file")),
                ])])))
            }
            return .object(result)
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string(DPFlowTool.name)),
                    ("version", .string(DPFlowTool.version)),
                    ("semanticVersion", .string(DPFlowTool.version)),
                    ("informationUri", .string(informationURI)),
                    ("rules", .array(rules)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
    }

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
    public static func fingerprint(_ f: Finding) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(f.rule)|\(uri(f.file))|\(f.path)".utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
