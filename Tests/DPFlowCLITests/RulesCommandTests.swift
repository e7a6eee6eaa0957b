import Foundation
import Testing

@Suite("rules, explain, configuration and --as-of, end to end")
struct RulesCommandTests {
    @Test func rulesListsTheWholeCatalogue() throws {
        let r = try CLI.run(["rules"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("TR001  restricted-transfer-without-mechanism"))
        #expect(r.stdout.hasSuffix("59 rules\n"))
        let json = try CLI.run(["rules", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["rules"] as? [[String: Any]])?.count == 59)
    }

    /// docs/rules.md is the catalogue's own output: a rule added or changed
    /// without regenerating it (`dpflow rules --format markdown > docs/rules.md`) fails here.
    @Test func docsRulesIsTheCatalogueAsGenerated() throws {
        let r = try CLI.run(["rules", "--format", "markdown"])
        #expect(r.status == 0)
        let committed = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(r.stdout == committed, "docs/rules.md is out of date: run `dpflow rules --format markdown > docs/rules.md`")
        for id in ["ST007", "LB011", "LB012", "LB013", "TP002", "TP003", "RT009", "RT010", "TR013", "DM001", "DM002", "DM003", "DM004"] {
            #expect(committed.contains("### \(id)"))
        }
    }

    @Test func explainShowsLawTriggersFixAndExamples() throws {
        let r = try CLI.run(["explain", "tr001"])
        #expect(r.status == 0)
        for part in ["TR001 restricted-transfer-without-mechanism (error", "Law:", "Triggers:", "Fix:", "Triggers on:", "Silent on:", "    dpflow: 1"] {
            #expect(r.stdout.contains(part), "\(part)")
        }
        let json = try CLI.run(["explain", "TR001", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["id"] as? String == "TR001")
        #expect((doc["triggering"] as? [Any])?.isEmpty == false)
        let unknown = try CLI.run(["explain", "TR0O1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'TR001'?"))
    }

    @Test func configurationIsFoundInAParentAndBadOnesExitTwo() throws {
        let dir = try CLI.scratch([
            ".dpflow.yaml": "rules:\n  TR012: {enabled: false}\n",
            "sub/p.yaml": String(decoding: try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml")), as: UTF8.self),
            "sub/registry/department.yaml": String(
                decoding: try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Flows/registry/department.yaml")), as: UTF8.self),
        ])
        let r = try CLI.run(["check", "p.yaml", "--as-of", "2026-11-29"], in: dir.appendingPathComponent("sub"))
        #expect(r.status == 0)
        #expect(!r.stdout.contains("TR012"))
        try Data("rules:\n  TR0012: {enabled: false}\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let bad = try CLI.run(["check", "sub/p.yaml", "--config", "bad.yaml"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean"))
        #expect(try CLI.run(["check", "sub/p.yaml", "--config", "missing.yaml"], in: dir).status == 2)
    }

    @Test func asOfDecidesReviewsAndExpiries() throws {
        let example = try CLI.run(["check", "Flows/homes-for-ukraine.yaml", "--as-of", "2027-06-01", "--format", "json"])
        // By mid-2027 the DPIA review (2027-01-10) is overdue and the police exception (2027-03-31) has expired.
        #expect(example.stdout.contains("\"rule\": \"DP004\""))
        #expect(example.stdout.contains("\"rule\": \"EX001\""))
        #expect(example.status == 0)  // warnings only
        #expect(try CLI.run(["check", "Flows/homes-for-ukraine.yaml", "--as-of", "2027-06-01", "--fail-on", "warning"]).status == 1)
    }

    @Test func exceptedFindingsStayInJSONButCountNowhere() throws {
        let r = try CLI.run(["check", "Flows/homes-for-ukraine.yaml", "--as-of", "2026-11-29", "--format", "json", "--fail-on", "warning"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let excepted = findings.filter { $0["excepted"] as? Bool == true }
        #expect(excepted.map { $0["rule"] as? String } == ["TR006"])
        #expect((doc["summary"] as? [String: Int])?["warnings"] == 0)
    }
}
