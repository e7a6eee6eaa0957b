import DPFlowDiagnostics
import DPFlowRules

/// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub and others).
/// `tool.driver.rules` comes from the catalogue; each result has one physical
/// location and a partial fingerprint from rule + file + path, so an alert
/// stays the same alert when lines move. Excepted findings carry a suppression.
public enum SARIFReporter {
    public static let informationURI = "https://github.com/dpflow/dpflow"

    public static func render(_ report: FindingReport, catalogue: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var out = ByteStream()
        write(report, catalogue: catalogue, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
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

    /// `messageText` as a JSON string value, written in parts.
    static func messageText(_ f: Finding, to json: inout JSONWriter) {
        guard !f.fix.isEmpty else { return json.string(f.message) }
        let ends = f.message.last.map { ".?!".contains($0) } ?? true
        json.beginString()
        json.part(f.message)
        json.part(ends ? " Fix: " : ". Fix: ")
        json.part(f.fix)
        json.endString()
    }

    public static let sourceRootId = "SRCROOT"

    /// A file's repository path and URI, worked out once per file.
    struct FileNames {
        let report: FindingReport
        var known: [String: (path: String, uri: String)] = [:]

        init(report: FindingReport) { self.report = report }

        mutating func names(_ file: String) -> (path: String, uri: String) {
            if let names = known[file] { return names }
            let path = report.repositoryPath(file)
            let names = (path, SARIFReporter.uri(path))
            known[file] = names
            return names
        }
    }

    public static func write(_ report: FindingReport, catalogue: [RuleDescription], to out: inout ByteStream) {
        // Only the rules that ran are listed (a rule switched off is not); a
        // rule with findings is always listed, so every result has its rule.
        let ran = Set(report.rulesRun.isEmpty ? catalogue.map(\.info.id) : report.rulesRun)
        var found = Set(report.findings.map(\.rule))
        found.formUnion(report.unchanged.map(\.rule))
        let listed = catalogue.filter { ran.contains($0.info.id) || found.contains($0.info.id) }
        let index = Dictionary(uniqueKeysWithValues: listed.enumerated().map { ($1.info.id, $0) })
        let inRepository = report.repositoryPrefix != nil
        var files = FileNames(report: report)
        func result(_ f: Finding, state: String?, _ json: inout JSONWriter) {
            let (path, uri) = files.names(f.file)
            let fingerprint = fingerprint(rule: f.rule, uri: uri, path: f.path)
            json.beginObject()
            json.member("ruleId", f.rule)
            if let i = index[f.rule] { json.member("ruleIndex", i) }
            json.member("level", level(f.severity))
            json.object("message") { json in
                json.key("text")
                messageText(f, to: &json)
            }
            json.array("locations") { json in
                json.beginObject()
                json.object("physicalLocation") { json in
                    json.object("artifactLocation") { json in
                        json.member("uri", uri)
                        if inRepository && !path.hasPrefix("/") { json.member("uriBaseId", sourceRootId) }
                    }
                    json.object("region") { json in
                        json.member("startLine", max(1, f.line))
                        json.member("startColumn", max(1, f.column))
                    }
                }
                json.array("logicalLocations") { json in
                    json.beginObject()
                    json.member("fullyQualifiedName", f.path)
                    json.member("kind", "element")
                    json.endObject()
                }
                json.endObject()
            }
            json.object("partialFingerprints") { json in
                json.member("dpflow/v1", fingerprint)
                // What GitHub code scanning matches alerts by. From rule,
                // file and element path, never the line's text, so editing
                // or moving the line keeps the alert.
                json.member("primaryLocationLineHash", fingerprint + ":1")
            }
            if !f.trace.isEmpty {
                json.array("codeFlows") { json in
                    json.beginObject()
                    json.object("message") { json in
                        json.key("text")
                        json.beginString()
                        json.part("The path behind the finding: ")
                        for (i, node) in f.trace.enumerated() {
                            if i > 0 { json.part(" -> ") }
                            json.part(node)
                        }
                        json.endString()
                    }
                    json.array("threadFlows") { json in
                        json.beginObject()
                        json.array("locations") { json in
                            for node in f.trace {
                                json.beginObject()
                                json.object("location") { json in
                                    json.object("message") { $0.member("text", node) }
                                    json.array("logicalLocations") { json in
                                        json.beginObject()
                                        json.member("fullyQualifiedName", node)
                                        json.member("kind", "element")
                                        json.endObject()
                                    }
                                }
                                json.endObject()
                            }
                        }
                        json.endObject()
                    }
                    json.endObject()
                }
            }
            if let state { json.member("baselineState", state) }
            if f.excepted {
                json.array("suppressions") { json in
                    json.beginObject()
                    json.member("kind", "inSource")
                    json.member("status", "accepted")
                    json.member("justification", "accepted by an exception in the flow file")
                    json.endObject()
                }
            }
            json.endObject()
        }
        out.writeJSON { json in
            json.beginObject()
            json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            json.member("version", "2.1.0")
            json.array("runs") { json in
                json.beginObject()
                json.object("tool") { json in
                    json.object("driver") { json in
                        json.member("name", DPFlowTool.name)
                        json.member("version", DPFlowTool.version)
                        json.member("semanticVersion", DPFlowTool.version)
                        json.member("informationUri", informationURI)
                        json.array("rules") { json in
                            for r in listed { rule(r, to: &json) }
                        }
                    }
                }
                if inRepository {
                    // No absolute path of the machine: the base is named, not located;
                    // code scanning resolves it to the repository's root.
                    json.object("originalUriBaseIds") { json in
                        json.object(sourceRootId) { json in
                            json.object("description") { $0.member("text", "The root of the git repository.") }
                        }
                    }
                }
                json.member("columnKind", "unicodeCodePoints")
                json.array("results") { json in
                    for f in report.findings { result(f, state: report.baselined ? "new" : nil, &json) }
                    for f in report.unchanged { result(f, state: "unchanged", &json) }
                }
                json.endObject()
            }
            json.endObject()
        }
    }

    /// One entry of `tool.driver.rules`.
    static func rule(_ r: RuleDescription, to json: inout JSONWriter) {
        json.beginObject()
        json.member("id", r.info.id)
        json.member("name", r.info.name)
        json.object("shortDescription") { $0.member("text", sentence(r.info.name)) }
        json.object("fullDescription") { $0.member("text", r.triggers) }
        if r.link.hasPrefix("http") { json.member("helpUri", r.link) }
        json.object("help") { json in
            json.member("text", "\(r.triggers)\nFix: \(r.fix)\nLaw: \(r.law)")
            json.member("markdown", "**Triggers:** \(r.triggers)\n\n**Fix:** \(r.fix)\n\n**Law:** \(r.law)")
        }
        json.object("defaultConfiguration") { $0.member("level", level(r.info.severity)) }
        json.object("properties") { json in
            json.array("tags") { json in
                json.string("security")
                json.string("data-protection")
                json.string(tag(r.info.area.title))
            }
            json.member("precision", precision(r.info.area))
            json.member("security-severity", securitySeverity(r.info.severity))
        }
        json.endObject()
    }

    /// A tag without spaces: "transfers and boundaries" -> "transfers-and-boundaries".
    static func tag(_ s: String) -> String { s.lowercased().replacing(" ", with: "-") }

    /// Repository-relative URIs: paths as given, with "./" removed and
    /// characters outside the URI set percent-encoded (each byte of a
    /// multi-byte character too).
    static func uri(_ file: String) -> String {
        var path = Substring(file)
        while path.hasPrefix("./") { path.removeFirst(2) }
        var out = ByteStream()
        for b in path.utf8 {
            if uriKeeps.contains(b) { out.append(b) } else { out.appendPercentEncoded(b) }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The bytes a URI path keeps as they are: ASCII letters, digits and "-._~/".
    static let uriKeeps = ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

    /// Stable across line moves: FNV-1a 64 of rule, file and element path.
    public static func fingerprint(_ f: Finding, report: FindingReport? = nil) -> String {
        fingerprint(rule: f.rule, uri: uri(report?.repositoryPath(f.file) ?? f.file), path: f.path)
    }

    /// FNV-1a 64 of `rule|uri|path`, as 16 hex digits.
    static func fingerprint(rule: String, uri: String, path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        mix(rule)
        mix("|")
        mix(uri)
        mix("|")
        mix(path)
        var digits = [UInt8](repeating: 0x30, count: 16)
        for i in 0..<16 { digits[15 - i] = lowerHex[Int((hash >> UInt64(4 * i)) & 0xF)] }
        return String(decoding: digits, as: UTF8.self)
    }

    static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)
}
