import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import DPFlowReporters
import DPFlowRules
import Foundation
import Testing

/// The JSON Schema (`dpflow schema`) and `dpflow check` must give the same
/// verdict on a flow file's structure. A corpus of mutations of one valid file
/// that uses every key of the format is run through both:
///
/// - the schema, with Python jsonschema (scripts/validate_json.py, installed by
///   scripts/bootstrap.sh --test), reading YAML as editors do (YAML 1.2 core);
/// - the decoder (`ProgrammeLoader.load(bytes:file:)`): invalid when it gives
///   ST002, ST003 or ST005; and the exceptions' check (`RuleRunner`): invalid
///   when an exception is incomplete (EX003) or names a rule not in the
///   catalogue (ST004 at the exception).
///
/// The mutations are generated from the base file's lines: every key deleted,
/// every scalar value replaced by each value of a pool (null, wrong types,
/// quoted numbers and booleans, bad and good dates, durations, countries,
/// enum words), every mapping replaced by null/scalar/list/empty, an unknown
/// key added to every mapping; then targeted cases for the conditional
/// requirements, ids, lists against scalars, and versions. A decoder rule
/// added without the schema following changes the decoder's verdict on some
/// mutation, and this test fails naming it.
///
/// Not compared, because a JSON Schema cannot express them (check still reports them):
/// - cross-references (ST004: a flow to an unknown system, a party that is not
///   a controller, ...): the schema cannot look up other entries;
/// - duplicate keys (ST003): the YAML loader keeps one, so the schema never sees them;
/// - `programme.ends` before `starts`: a schema cannot compare two values;
/// - `dpflow: 1.0` and `count: 2.0`: YAML reads them as numbers equal to 1 and 2,
///   and JSON Schema does not tell 1.0 from 1;
/// - registry files and `include` (they read other files), tested elsewhere.
@Suite("JSON Schema and check agree")
struct SchemaParityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Valid for both, block style (one key a line) so that lines can be mutated.
    static let base = """
        dpflow: 1
        programme:
          name: Parity programme
          version: v1
          description: A programme that uses every key
          controllers: [council]
          external: [partner]
          dpo:
            name: Data Protection Officer
            email: dpo@example.gov.uk
          starts: 2020-01-01
          ends: 2040-12-31
          purposes:
            support:
              description: Support residents
              lawful-basis:
                article-6: public-task
                legal-power: Housing Act 1996
                article-9: substantial-public-interest
                schedule-1: [statutory-purposes]
                article-10: official-authority
              automated-decision:
                decision: Eligibility
                special-category: false
                safeguards: [inform, human-intervention]
          screening:
            innovative-technology: false
            automated-decisions: true
            profiling: false
            systematic-monitoring: false
            invisible-processing: false
            tracking: false
            denial-of-service: false
            physical-harm: false
          dpia:
            status: approved
            owner: Head of Service
            approved-by: Director
            approved-on: 2024-02-29
            review-by: 2030-01-01
            dpo-advice: Proceed
            prior-consultation: Not needed
          appropriate-policy-document: APD-1
          consultation:
            - with: Residents panel
              on: 2023-06-30
              outcome: Supportive
        subjects:
          resident:
            name: Residents
            count: 500
            vulnerable: true
            children: false
        data:
          contact:
            name: Contact details
            subjects: [resident]
            category: personal
            reveals: [health]
            classification: OFFICIAL
            residency: GB
            fields: [name, address]
          medical:
            name: Medical notes
            subjects: [resident]
            category: special
            special: [health]
          offences:
            name: Offences
            subjects: [resident]
            category: criminal-offence
        parties:
          council:
            name: Council
            type: public-authority
            role: controller
            country: GB-ENG
            scope: in
            group: false
            contact:
              name: Information governance
              email: ig@example.gov.uk
            dpo:
              name: DPO
              email: dpo@example.gov.uk
          partner:
            name: Partner
            type: charity
            role: controller
            country: GB-SCT
            scope: external
          host:
            name: Host
            type: company
            role: processor
            country: US
            processor-for: [council]
            contract: C-1
            dpf-certified: true
          sub:
            name: Sub
            type: company
            role: sub-processor
            country: IE
            sub-processor-of: [host]
            authorised-by: [council]
        systems:
          crm:
            name: CRM
            party: council
            location: GB-ENG
            classification: OFFICIAL-SENSITIVE
            stores: true
            security: [MFA, encryption at rest]
            creates: [offences]
            retention:
              contact:
                period: P6Y
                from: case closure
                until: appeal ends
                basis: Retention schedule 4.2
                disposal: delete
              medical:
                period: criteria
                criteria: while the case is open
                review-every: P1Y
          cloud:
            name: Cloud
            party: host
            location: [US, IE]
            role: processor
            processor-for: [council]
            contract: C-2
          backup:
            name: Backup
            party: sub
            location: EEA
            role: sub-processor
            sub-processor-of: [host]
            authorised-by: [council]
        flows:
          intake:
            from: resident
            to: crm
            data: [contact, medical]
            purpose: support
            lawful-basis:
              article-6: [public-task, legal-obligation]
            notice: PN-1
            encrypted: true
            frequency: daily
            automated-decision:
              decision: Priority
          upload:
            from: crm
            to: cloud
            data: [contact]
            purpose: support
            transfer:
              mechanism: idta
              tra: TRA-1
            agreement: DSA-1
            encrypted: false
        risks:
          breach:
            description: Data breach
            affects: [upload]
            likelihood: possible
            severity: significant
            measures:
              - description: Encrypt
                effect: reduced
                owner: CISO
                due: 2025-03-31
                status: in-progress
            residual:
              likelihood: remote
              severity: significant
        exceptions:
          - rule: TR010
            at: flows.upload
            reason: Link being rebuilt
            approved-by: DPO
            expires: 2030-01-01

        """

    /// What replaces each scalar value: null, wrong types, quoted numbers and
    /// booleans, dates good and bad, durations, countries, enum words.
    static let pool = [
        "~", "''", "[a]", "{a: b}", "\"500\"", "\"1,000\"", "-5", "1.5", "2.3", "true", "\"true\"", "TRUE", "yes",
        "2024-13-45", "2023-02-29", "2024-02-29", "2024-04-31", "0000-01-01", "P1Y", "P1X", "PT1H", "P", "P1D1Y", "P1234567D",
        "GB", "gb", "UK", "EEA", "unknown", "not-a-value", "criteria", "indefinite", "ST002", "XX999",
    ]

    struct Line {
        var indent: Int  // of the key
        var key: String
        var value: String  // empty when a block follows
        var item: Bool  // "- key: value": the first key of a list item
    }

    static func parse(_ text: String) -> [Line?] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            var s = Substring(raw)
            var indent = s.prefix { $0 == " " }.count
            s = s.dropFirst(indent)
            var item = false
            if s.hasPrefix("- ") {
                item = true
                s = s.dropFirst(2)
                indent += 2
            }
            guard let colon = s.firstIndex(of: ":") else { return nil }
            let value = s[s.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return Line(indent: indent, key: String(s[..<colon]), value: value, item: item)
        }
    }

    /// The mutations: (what, file text).
    static func mutations() -> [(String, String)] {
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let parsed = parse(base)
        var out: [(String, String)] = []
        /// The end of line i's block: the next line not indented more than its key.
        func blockEnd(_ i: Int) -> Int {
            var j = i + 1
            let indent = parsed[i]?.indent ?? 0
            while j < lines.count, let l = parsed[j], l.indent > indent { j += 1 }
            return j
        }
        func replacing(_ range: Range<Int>, with new: [String]) -> String {
            var copy = lines
            copy.replaceSubrange(range, with: new)
            return copy.joined(separator: "\n")
        }
        for (i, line) in parsed.enumerated() {
            guard let line else { continue }
            let pad = String(repeating: " ", count: line.indent)
            let lead = line.item ? String(repeating: " ", count: line.indent - 2) + "- " : pad
            let name = "line \(i + 1) '\(line.key)'"
            // Delete the key and its block (a list item keeps its dash).
            let end = line.value.isEmpty ? blockEnd(i) : i + 1
            out.append(("delete \(name)", replacing(i..<end, with: line.item ? [String(lead.dropLast())] : [])))
            if line.value.isEmpty {
                // A mapping or list: replaced whole; and an unknown key added inside.
                for v in ["~", "x", "[a]", "{}"] {
                    out.append(("\(name): \(v)", replacing(i..<end, with: ["\(lead)\(line.key): \(v)"])))
                }
                if let child = parsed[safe: i + 1] ?? nil, !child.item {
                    out.append(("unknown key in \(name)", replacing(i + 1..<i + 1, with: [String(repeating: " ", count: child.indent) + "unknown-key: 1"])))
                }
            } else {
                for v in pool where v != line.value {
                    out.append(("\(name): \(v)", replacing(i..<i + 1, with: ["\(lead)\(line.key): \(v)"])))
                }
                if line.item {
                    out.append(("unknown key in the item at \(name)", replacing(i + 1..<i + 1, with: [pad + "unknown-key: 1"])))
                }
            }
        }
        out.append(("unknown top-level key", base + "unknown-key: 1\n"))
        // Targeted: conditional requirements, ids, lists against scalars, versions.
        let targeted: [(String, String, String)] = [
            ("a controller made a processor without processor-for", "    role: controller\n    country: GB-ENG", "    role: processor\n    country: GB-ENG"),
            ("a controller made a sub-processor without sub-processor-of", "    role: controller\n    country: GB-SCT", "    role: sub-processor\n    country: GB-SCT"),
            ("a system made a processor without processor-for", "    location: GB-ENG\n", "    location: GB-ENG\n    role: processor\n"),
            ("a system made a sub-processor without sub-processor-of", "    location: GB-ENG\n", "    location: GB-ENG\n    role: sub-processor\n"),
            ("a system made a controller", "    location: GB-ENG\n", "    location: GB-ENG\n    role: controller\n"),
            ("special data made personal, keeping special", "    category: special", "    category: personal"),
            ("personal data made special, without special", "    category: personal\n    reveals: [health]", "    category: special"),
            ("personal data made special, keeping reveals", "    category: personal\n    reveals: [health]", "    category: special\n    special: [health]\n    reveals: [health]"),
            ("criminal-offence data with special", "    category: criminal-offence", "    category: criminal-offence\n    special: [health]"),
            ("criminal-offence data with special: ~", "    category: criminal-offence", "    category: criminal-offence\n    special: ~"),
            ("criminal-offence data with reveals", "    category: criminal-offence", "    category: criminal-offence\n    reveals: [health]"),
            ("period criteria without criteria", "        period: P6Y", "        period: criteria"),
            ("criteria with a duration period", "        period: criteria", "        period: P2Y"),
            ("criteria: ~ with a duration period", "        period: P6Y", "        period: P6Y\n        criteria: ~"),
            ("period criteria with criteria: ~", "        period: P6Y", "        period: criteria\n        criteria: ~"),
            ("a malformed subject id", "  resident:\n", "  Resident_1:\n"),
            ("a malformed flow id", "  intake:\n", "  intake--form:\n"),
            ("a numeric system id", "  backup:\n", "  42:\n"),
            ("location as an empty list", "    location: [US, IE]", "    location: []"),
            ("location as a list of one", "    location: [US, IE]", "    location: [GB-WLS]"),
            ("location with an unknown place", "    location: [US, IE]", "    location: [US, XX]"),
            ("article-6 as an empty list", "      article-6: [public-task, legal-obligation]", "      article-6: []"),
            ("article-6 with a bad basis in the list", "      article-6: [public-task, legal-obligation]", "      article-6: [public-task, vibes]"),
            ("flow data as an empty list", "    data: [contact, medical]", "    data: []"),
            ("purposes empty", "  purposes:\n    support:", "  purposes: {}\n  old-purposes:\n    support:"),
            ("count with underscores", "    count: 500", "    count: 1_000"),
            ("count of 16 digits", "    count: 500", "    count: \"1234567890123456\""),
            ("count of 15 digits", "    count: 500", "    count: 123456789012345"),
            ("count negative as text", "    count: 500", "    count: \"-5\""),
            ("dpflow as text", "dpflow: 1\n", "dpflow: \"1\"\n"),
            ("dpflow 2", "dpflow: 1\n", "dpflow: 2\n"),
            ("version as a number", "  version: v1", "  version: 2.3"),
            ("encrypted as False", "    encrypted: false", "    encrypted: False"),
            ("encrypted as off", "    encrypted: false", "    encrypted: off"),
            ("exception with an empty reason", "    reason: Link being rebuilt", "    reason: \"\""),
            ("exception with rule of another case", "  - rule: TR010", "  - rule: tr010"),
            ("screening true as text", "    tracking: false", "    tracking: \"TRUE\""),
            ("a second exception without its keys", "    expires: 2030-01-01\n", "    expires: 2030-01-01\n  - rule: TR010\n    at: flows.upload\n"),
            ("a consultation entry that is text", "      outcome: Supportive\n", "      outcome: Supportive\n    - Residents\n"),
            ("a measure without description", "        status: in-progress\n", "        status: in-progress\n      - effect: reduced\n"),
        ]
        for (what, find, replace) in targeted {
            let count = base.components(separatedBy: find).count - 1
            precondition(count >= 1, "targeted mutation '\(what)' finds nothing")
            out.append((what, base.replacingOccurrences(of: find, with: replace)))
        }
        return out
    }

    /// check's verdict on the structure: ST002, ST003, ST005 from loading, and
    /// an incomplete exception or one naming an unknown rule.
    static func checkRejects(_ text: String) -> [String] {
        let loaded = ProgrammeLoader.load(bytes: Array(text.utf8), file: "mutation.yaml")
        let structural = loaded.findings.filter { ["ST001", "ST002", "ST003", "ST005"].contains($0.rule) }
        if !structural.isEmpty { return structural.map { "\($0.rule) \($0.path): \($0.message)" } }
        let run = RuleRunner.run(graph: loaded.graph, loadFindings: loaded.findings, asOf: CalendarDate(year: 2026, month: 1, day: 1)!)
        return run.findings
            .filter { ($0.rule == "EX003" || $0.rule == "ST004") && $0.path.hasPrefix("exceptions[") }
            .map { "\($0.rule) \($0.path): \($0.message)" }
    }

    /// Starts the schema's verdict on each file, in one Python run writing to `output`.
    static func startSchemaVerdicts(_ files: [URL], schema: URL, output: URL) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent("scripts/validate_json.py").path, "flows", schema.path] + files.map(\.path)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: output)
        try p.run()
        return p
    }

    /// The verdicts by file: "valid FILE", "invalid FILE: where: why".
    static func schemaVerdicts(_ output: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in String(decoding: try Data(contentsOf: output), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            out[String(parts[1].prefix { $0 != ":" })] = String(line)
        }
        return out
    }

    @Test func baseUsesEveryKeyOfTheFormat() {
        let used = Set(Self.parse(Self.base).compactMap { $0?.key })
        let all = FormatKeys.topLevel + FormatKeys.programme + FormatKeys.dpo + FormatKeys.purpose + FormatKeys.automatedDecision
            + FormatKeys.lawfulBasis + FormatKeys.screening + FormatKeys.dpia + FormatKeys.consultation + FormatKeys.subject
            + FormatKeys.data + FormatKeys.party + FormatKeys.system + FormatKeys.retention + FormatKeys.flow + FormatKeys.transfer
            + FormatKeys.risk + FormatKeys.measure + FormatKeys.residual + FormatKeys.exception
        // `include` and `registry` read or make other files: not in a single programme.
        let missing = Set(all).subtracting(used).subtracting(["include", "registry"])
        #expect(missing.isEmpty, "the parity base does not use \(missing.sorted())")
    }

    @Test func schemaAndCheckGiveTheSameVerdictOnEveryMutation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let schema = dir.appendingPathComponent("schema.json")
        try Data(SchemaReporter.render().utf8).write(to: schema)

        let cases = [("the base file", Self.base)] + Self.mutations()
        var files: [URL] = []
        for (i, c) in cases.enumerated() {
            let url = dir.appendingPathComponent("m\(i).yaml")
            try Data(c.1.utf8).write(to: url)
            files.append(url)
        }
        // The schema in two Python runs (one a core), the decoder meanwhile.
        let half = files.count / 2
        let outputs = [dir.appendingPathComponent("verdicts-1.txt"), dir.appendingPathComponent("verdicts-2.txt")]
        let pythons = [
            try Self.startSchemaVerdicts(Array(files[..<half]), schema: schema, output: outputs[0]),
            try Self.startSchemaVerdicts(Array(files[half...]), schema: schema, output: outputs[1]),
        ]
        let checks = cases.map { Self.checkRejects($0.1) }
        var verdicts: [String: String] = [:]
        for (python, output) in zip(pythons, outputs) {
            python.waitUntilExit()
            #expect(python.terminationStatus == 0, "validate_json.py flows failed")
            verdicts.merge(try Self.schemaVerdicts(output)) { a, _ in a }
        }
        var disagreements: [String] = []
        var valid = 0, invalid = 0
        for (i, c) in cases.enumerated() {
            guard let line = verdicts[files[i].path] else {
                disagreements.append("\(c.0): no schema verdict")
                continue
            }
            let schemaValid = line.hasPrefix("valid ")
            let check = checks[i]
            if schemaValid { valid += 1 } else { invalid += 1 }
            if schemaValid != check.isEmpty {
                disagreements.append(
                    "\(c.0): schema says \(schemaValid ? "valid" : "invalid (\(line))"), check says "
                        + (check.isEmpty ? "valid" : "invalid (\(check.prefix(2).joined(separator: "; ")))"))
            }
        }
        // The cases of issue 11, pinned: parity alone would also pass if both sides drifted.
        let pinned: [(String, Bool)] = [
            ("'count': \"500\"", true), ("'encrypted': \"true\"", true), ("'version': 2.3", true), ("dpflow as text", true),
            ("location as a list of one", true), ("'starts': 2024-02-29", true),
            ("'starts': 2024-13-45", false), ("'starts': 2023-02-29", false), ("'review-every': P1X", false),
            ("'country': UK", false), ("line 3 'name': ~", false), ("line 9 'name': ~", true), ("delete line 97 'processor-for'", false),
            ("delete line 67 'special'", false), ("delete line 184 'expires'", false), ("'rule': XX999", false),
            ("a malformed subject id", false), ("'encrypted': yes", false),
        ]
        for (fragment, valid) in pinned {
            let matching = cases.indices.filter { cases[$0].0.contains(fragment) }
            #expect(!matching.isEmpty, "no mutation named like \(fragment)")
            for i in matching {
                #expect(verdicts[files[i].path]?.hasPrefix("valid ") == valid, "\(cases[i].0): the schema should say \(valid ? "valid" : "invalid")")
            }
        }
        #expect(cases.count >= 100)
        #expect(valid >= 50 && invalid >= 50, "the corpus should have both verdicts in number: \(valid) valid, \(invalid) invalid")
        let report = "\(disagreements.count) of \(cases.count) disagree:\n" + disagreements.prefix(80).joined(separator: "\n")
        #expect(disagreements.isEmpty, "\(report)")
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
