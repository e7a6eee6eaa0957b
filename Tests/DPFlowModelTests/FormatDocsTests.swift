import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import Foundation
import Testing

/// docs/format.md is the user's reference of the format. These tests keep it
/// whole and true: every key the decoder reads and every value it allows is
/// documented, and every YAML example in it loads with no structure finding.
@Suite("Format docs")
struct FormatDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: keys and values

    /// The key lists of `FormatKeys`, as compiled.
    static let compiledKeyLists: [String: [String]] = [
        "topLevel": FormatKeys.topLevel, "topLevelRequired": FormatKeys.topLevelRequired,
        "programmeWithIncludesRequired": FormatKeys.programmeWithIncludesRequired,
        "registryTopLevel": FormatKeys.registryTopLevel, "registry": FormatKeys.registry,
        "registryRequired": FormatKeys.registryRequired, "programme": FormatKeys.programme,
        "programmeRequired": FormatKeys.programmeRequired, "dpo": FormatKeys.dpo, "purpose": FormatKeys.purpose,
        "automatedDecision": FormatKeys.automatedDecision, "automatedDecisionRequired": FormatKeys.automatedDecisionRequired,
        "lawfulBasis": FormatKeys.lawfulBasis, "screening": FormatKeys.screening, "dpia": FormatKeys.dpia,
        "consultation": FormatKeys.consultation, "subject": FormatKeys.subject, "data": FormatKeys.data,
        "dataRequired": FormatKeys.dataRequired, "party": FormatKeys.party, "partyRequired": FormatKeys.partyRequired,
        "system": FormatKeys.system, "systemRequired": FormatKeys.systemRequired, "retention": FormatKeys.retention,
        "flow": FormatKeys.flow, "flowRequired": FormatKeys.flowRequired, "transfer": FormatKeys.transfer,
        "risk": FormatKeys.risk, "riskRequired": FormatKeys.riskRequired, "measure": FormatKeys.measure,
        "residual": FormatKeys.residual, "exception": FormatKeys.exception, "exceptionRequired": FormatKeys.exceptionRequired,
    ]

    /// The names of the lists declared in `enum FormatKeys`, read from the
    /// decoder's source, so that a list added there is noticed here too.
    static func declaredKeyListNames() throws -> [String] {
        let source = try read("Sources/DPFlowModel/Decoding/ProgrammeDecoder.swift")
        let start = try #require(source.range(of: "public enum FormatKeys {"))
        let body = source[start.upperBound...]
        let end = try #require(body.range(of: "\n}\n"))
        var names: [String] = []
        for line in body[..<end.lowerBound].split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let let_ = words.firstIndex(of: "let"), words.contains("static"), let_ + 1 < words.count else { continue }
            names.append(String(words[let_ + 1]))
        }
        return names
    }

    @Test func everyKeyListOfTheDecoderIsCheckedHere() throws {
        let declared = try Self.declaredKeyListNames()
        #expect(declared.count >= 30, "read \(declared.count) lists from FormatKeys: the source parser is broken")
        for name in declared {
            #expect(Self.compiledKeyLists[name] != nil, "FormatKeys.\(name) is new: add it to compiledKeyLists so that its keys are checked in docs/format.md")
        }
    }

    @Test func everyKeyTheDecoderReadsIsDocumented() throws {
        let doc = try Self.read("docs/format.md")
        var missing: [String] = []
        for (name, keys) in Self.compiledKeyLists.sorted(by: { $0.key < $1.key }) {
            #expect(!keys.isEmpty, "FormatKeys.\(name) is empty")
            for key in keys where !doc.contains("`\(key)`") { missing.append("\(name): \(key)") }
        }
        #expect(missing.isEmpty, "keys the decoder reads but docs/format.md does not document (as `key`): \(missing)")
    }

    @Test func everyAllowedValueIsDocumented() throws {
        let doc = try Self.read("docs/format.md")
        let enumerations: [(String, [String])] = [
            ("DataKind", DataKind.allowedValues), ("SpecialCategory", SpecialCategory.allowedValues),
            ("Classification", Classification.allowedValues), ("PartyType", PartyType.allowedValues),
            ("PartyRole", PartyRole.allowedValues), ("DPIAStatus", DPIAStatus.allowedValues),
            ("Article6Basis", Article6Basis.allowedValues), ("Article9Condition", Article9Condition.allowedValues),
            ("Article10Basis", Article10Basis.allowedValues), ("TransferMechanism", TransferMechanism.allowedValues),
            ("Frequency", Frequency.allowedValues), ("Disposal", Disposal.allowedValues),
            ("Likelihood", Likelihood.allowedValues), ("RiskSeverity", RiskSeverity.allowedValues),
            ("MeasureEffect", MeasureEffect.allowedValues), ("PartyScope", PartyScope.allowedValues),
            ("Safeguard", Safeguard.allowedValues),
            ("places", Country.regionCodes + [Country.unknownCode, "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"]),
        ]
        var missing: [String] = []
        for (name, values) in enumerations {
            for v in values where !doc.contains("`\(v)`") { missing.append("\(name): \(v)") }
        }
        #expect(missing.isEmpty, "values the decoder allows but docs/format.md does not list (as `value`): \(missing)")
    }

    @Test func thisTestNoticesAnUndocumentedKey() throws {
        // The check above is real: a key missing from the text is found.
        let doc = try Self.read("docs/format.md")
        #expect(!doc.contains("`not-a-format-key`"))
        #expect(doc.contains("`review-every`"))
    }

    // MARK: examples

    struct Example {
        let line: Int
        let text: String
        /// `# Flows/x.yaml` as the first line: the file's place in a project.
        var path: String? {
            guard let first = text.split(separator: "\n").first, first.hasPrefix("# "), first.hasSuffix(".yaml") else { return nil }
            return String(first.dropFirst(2))
        }
        var isWholeFile: Bool {
            text.split(separator: "\n").first { !$0.hasPrefix("#") }.map { $0 == "dpflow: 1" } ?? false
        }
    }

    /// Every ```yaml block of docs/format.md, with the line it starts on.
    static func examples() throws -> [Example] {
        let lines = try read("docs/format.md").components(separatedBy: "\n")
        var out: [Example] = []
        var current: [String]?
        var start = 0
        for (i, line) in lines.enumerated() {
            if current == nil, line == "```yaml" {
                current = []
                start = i + 2
            } else if let block = current {
                if line == "```" {
                    out.append(Example(line: start, text: block.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current = block + [line]
                }
            }
        }
        return out
    }

    /// A file split into its top-level sections (`key:` at column 0), each
    /// with its header line and the lines below it.
    static func sections(_ text: String) -> [(key: String, header: String, body: [String])] {
        var out: [(key: String, header: String, body: [String])] = []
        for line in text.components(separatedBy: "\n") {
            if let c = line.first, c.isLetter, let colon = line.firstIndex(of: ":") {
                out.append((String(line[..<colon]), line, []))
            } else if !out.isEmpty {
                out[out.count - 1].body.append(line)
            }
        }
        return out
    }

    /// The section example added to the minimal file: entries of id-keyed
    /// sections and exceptions join the file's own; `programme` (or a section
    /// the file lacks) replaces or is added.
    static func merge(_ fragment: String, into base: String) -> String? {
        var merged = sections(base)
        for section in sections(fragment) {
            guard FormatKeys.topLevel.contains(section.key) else { return nil }
            let extendable = ["subjects", "data", "parties", "systems", "flows", "risks", "exceptions"].contains(section.key)
            if extendable, let i = merged.firstIndex(where: { $0.key == section.key }) {
                guard merged[i].header == "\(section.key):", section.header == "\(section.key):" else { return nil }
                merged[i].body = merged[i].body.filter { !$0.isEmpty } + section.body
            } else if let i = merged.firstIndex(where: { $0.key == section.key }) {
                merged[i] = section
            } else {
                merged.append(section)
            }
        }
        return merged.map { ([$0.header] + $0.body.filter { !$0.isEmpty }).joined(separator: "\n") }.joined(separator: "\n") + "\n"
    }

    static func structureFindings(_ loaded: LoadedProgramme) -> [String] {
        loaded.findings.filter { $0.rule.hasPrefix("ST") }.map { "\($0.line):\($0.column) [\($0.rule)] \($0.path): \($0.message)" }
    }

    @Test func wholeFileExamplesHaveNoStructureFindings() throws {
        let wholes = try Self.examples().filter { $0.isWholeFile && $0.path == nil }
        #expect(!wholes.isEmpty, "docs/format.md has no whole-file example")
        for example in wholes {
            let loaded = ProgrammeLoader.load(bytes: Array(example.text.utf8), file: "format.md:\(example.line)")
            #expect(loaded.model != nil, "the example at docs/format.md:\(example.line) does not decode")
            #expect(Self.structureFindings(loaded).isEmpty, "docs/format.md:\(example.line): \(Self.structureFindings(loaded))")
        }
    }

    @Test func registryAndIncludingProgrammeExamplesCheckTogether() throws {
        let placed = try Self.examples().filter { $0.isWholeFile && $0.path != nil }
        #expect(placed.count >= 2, "docs/format.md should show a registry and a programme that includes it")
        #expect(placed.contains { $0.text.contains("\nregistry:") })
        #expect(placed.contains { $0.text.contains("\ninclude:") })
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-format-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("# project root for the format.md examples\n".utf8).write(to: project.appendingPathComponent(".dpflow.yaml"))
        for example in placed {
            let url = project.appendingPathComponent(try #require(example.path))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(example.text.utf8).write(to: url)
        }
        for example in placed {
            let loaded = try ProgrammeLoader.load(file: project.appendingPathComponent(try #require(example.path)).path)
            let model = try #require(loaded.model, "the example at docs/format.md:\(example.line) does not decode")
            #expect(Self.structureFindings(loaded).isEmpty, "docs/format.md:\(example.line): \(Self.structureFindings(loaded))")
            if !model.includes.isEmpty {
                #expect(model.files.count > 1, "docs/format.md:\(example.line): the include was not followed")
            }
        }
    }

    @Test func sectionExamplesHaveNoStructureFindingsInTheMinimalFile() throws {
        let examples = try Self.examples()
        let base = try #require(examples.first { $0.isWholeFile && $0.path == nil }, "no minimal file to add section examples to")
        #expect(Self.structureFindings(ProgrammeLoader.load(bytes: Array(base.text.utf8), file: "base.yaml")).isEmpty)
        let fragments = examples.filter { !$0.isWholeFile }
        #expect(fragments.count >= 8, "expected an example for each section, found \(fragments.count)")
        for example in fragments {
            let merged = try #require(
                Self.merge(example.text, into: base.text),
                "the example at docs/format.md:\(example.line) is neither a whole file nor top-level sections that can join the minimal file")
            #expect(merged != base.text)
            let loaded = ProgrammeLoader.load(bytes: Array(merged.utf8), file: "format.md:\(example.line)")
            #expect(loaded.model != nil)
            #expect(Self.structureFindings(loaded).isEmpty, "docs/format.md:\(example.line) added to the minimal file: \(Self.structureFindings(loaded))\n\(merged)")
        }
    }

    @Test func aBrokenExampleWouldBeCaught() throws {
        // The merge really loads what it is given: a typo in a section example is found.
        let base = try #require(try Self.examples().first { $0.isWholeFile })
        let merged = try #require(Self.merge("subjects:\n  carer: {name: Carers, cout: 3}\n", into: base.text))
        let findings = Self.structureFindings(ProgrammeLoader.load(bytes: Array(merged.utf8), file: "t.yaml"))
        #expect(findings.contains { $0.contains("did you mean 'count'") }, "\(findings)")
    }

    @Test func everyRuleTheFormatNamesIsInTheCatalogue() throws {
        let doc = try Self.read("docs/format.md")
        let ids = Set(doc.matches(of: /\b(ST|LB|TP|RT|TR|DP|GR|DM|EX)[0-9]{3}\b/).map { String($0.output.0) })
        #expect(ids.count >= 30, "found \(ids.count) rule ids in docs/format.md")
        for id in ids.sorted() {
            #expect((try? CatalogueCommands.explain(id: id, format: .text)) != nil, "docs/format.md names \(id), which is not in the catalogue")
        }
    }

    @Test func docsStayInsideTheRepository() throws {
        let doc = try Self.read("docs/format.md")
        #expect(!doc.contains("../shared"))
        #expect(!doc.contains("FORMAT.md"))
        #expect(doc.contains("](rules.md)"))
        #expect(doc.contains("](examples.md)"))
    }
}
