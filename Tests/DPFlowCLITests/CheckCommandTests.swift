import Foundation
import Testing

@Suite("dpflow check, end to end")
struct CheckCommandTests {
    static let valid = """
        dpflow: 1
        programme:
          name: Small
          description: Small programme
          controllers: [council]
          purposes:
            support: {lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}}
        subjects:
          resident: {name: Residents}
        data:
          contact: {name: Contact, subjects: [resident], category: personal}
        parties:
          council: {name: Council, type: public-authority, role: controller, country: GB-ENG}
        systems:
          crm:
            name: CRM
            party: council
            location: GB-ENG
            retention:
              contact: {period: P6Y, from: case-closed, basis: schedule, disposal: delete}
        flows:
          intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/p, encrypted: true}

        """

    @Test func exampleProgrammeChecksClean() throws {
        let r = try CLI.run(["check", "Flows/homes-for-ukraine.yaml", "--as-of", "2026-11-29"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix("in 1 file\n"))
        #expect(!r.stdout.contains("error:"))
    }

    @Test func textOutputHasPositionRuleAndFix() throws {
        let bad = Self.valid.replacingOccurrences(of: "to: crm,", with: "to: crn,")
        let dir = try CLI.scratch(["flows/p.yaml": bad])
        let r = try CLI.run(["check", "flows/p.yaml"], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let st004 = try #require(lines.firstIndex(of: "flows/p.yaml:22:32: error: [ST004] 'crn' is not a declared system; did you mean 'crm'?"))
        #expect(lines[st004 + 1].hasPrefix("    fix: "))
        // With the flow's target unresolved, the CRM is also isolated (GR001, info).
        #expect(lines.last == "1 error, 0 warnings, 1 info in 1 file")
        #expect(!r.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func jsonOutputFollowsCLImdFieldForField() throws {
        let bad = Self.valid.replacingOccurrences(of: "role: controller", with: "role: controler")
        let dir = try CLI.scratch(["p.yaml": bad])
        let r = try CLI.run(["check", "--format", "json", "p.yaml"], in: dir)
        #expect(r.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(doc.keys) == ["version", "tool", "files", "findings", "summary"])
        #expect(doc["version"] as? Int == 1)
        let tool = try #require(doc["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "dpflow")
        #expect(tool["version"] is String)
        #expect(doc["files"] as? [String] == ["p.yaml"])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let f = try #require(findings.first)
        #expect(Set(f.keys) == ["rule", "name", "severity", "message", "fix", "file", "line", "column", "path", "trace", "excepted"])
        #expect(f["rule"] as? String == "ST002")
        #expect(f["name"] as? String == "schema")
        #expect(f["severity"] as? String == "error")
        #expect(f["file"] as? String == "p.yaml")
        #expect(f["line"] as? Int == 13)
        #expect(f["column"] as? Int == 58)
        #expect(f["path"] as? String == "parties.council.role")
        #expect(f["trace"] as? [String] == [])
        #expect(f["excepted"] as? Bool == false)
        let summary = try #require(doc["summary"] as? [String: Int])
        #expect(summary == ["errors": 1, "warnings": 0, "info": 0, "files": 1])
    }

    @Test func folderSearchFindsYamlAndYmlSortedSkippingHidden() throws {
        let dir = try CLI.scratch([
            "Flows/b.yaml": Self.valid, "Flows/a.yml": Self.valid, "Flows/sub/c.yaml": Self.valid,
            "Flows/.hidden.yaml": "not: [valid", "Flows/readme.txt": "x",
        ])
        let r = try CLI.run(["check", "--format", "json", "Flows"], in: dir)
        #expect(r.status == 0, "\(r.stdout)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["files"] as? [String] == ["Flows/a.yml", "Flows/b.yaml", "Flows/sub/c.yaml"])
    }

    @Test func findingsSortByFileLineColumnAndOutputIsDeterministic() throws {
        let bad1 = Self.valid.replacingOccurrences(of: "to: crm,", with: "to: crn,").replacingOccurrences(of: "role: controller", with: "role: x")
        let bad2 = Self.valid.replacingOccurrences(of: "dpflow: 1\n", with: "")
        let dir = try CLI.scratch(["z.yaml": bad1, "a.yaml": bad2])
        let r1 = try CLI.run(["check", "z.yaml", "a.yaml"], in: dir)
        let r2 = try CLI.run(["check", "z.yaml", "a.yaml"], in: dir)
        #expect(r1.stdout == r2.stdout)
        let positions = r1.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains(": error: ") }.map {
            $0.split(separator: ":").prefix(3).joined(separator: ":")
        }
        #expect(positions == ["a.yaml:1:1", "z.yaml:13:58", "z.yaml:22:32"])
    }

    @Test func failOnThresholdsAndNever() throws {
        let bad = Self.valid.replacingOccurrences(of: "to: crm,", with: "to: crn,")
        let dir = try CLI.scratch(["p.yaml": bad, "ok.yaml": Self.valid])
        #expect(try CLI.run(["check", "p.yaml", "--fail-on", "never"], in: dir).status == 0)
        #expect(try CLI.run(["check", "p.yaml", "--fail-on", "warning"], in: dir).status == 1)
        #expect(try CLI.run(["check", "ok.yaml", "--fail-on", "info"], in: dir).status == 0)
    }

    @Test func exitTwoForBadArgumentsAndUnreadablePaths() throws {
        let dir = try CLI.scratch(["ok.yaml": Self.valid])
        let missing = try CLI.run(["check", "nope.yaml"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml"))
        #expect(try CLI.run(["check", "ok.yaml", "--format", "xml"], in: dir).status == 2)
        #expect(try CLI.run(["check", "ok.yaml", "--as-of", "2026-02-30"], in: dir).status == 2)
        #expect(try CLI.run(["check"], in: dir).status == 2)
        #expect(try CLI.run(["frobnicate"], in: dir).status == 2)
        #expect(try CLI.run(["--help"], in: dir).status == 0)
    }

    @Test func hostileFilesGiveFindingsQuickly() throws {
        var laughs = ["dpflow: 1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1...9 { laughs.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        var garbage = Data("dpflow: 1\nprogramme: ".utf8)
        garbage.append(contentsOf: [0xFF, 0xFE, 0x00, 0x01, 0xC3])
        let dir = try CLI.scratch([
            "deep.yaml": String(repeating: "[", count: 200_000),
            "laughs.yaml": laughs.joined(separator: "\n") + "\n",
            "syntax.yaml": "dpflow: 1\nprogramme: {name: [x\n",
        ])
        try garbage.write(to: dir.appendingPathComponent("garbage.yaml"))
        let expected = ["deep.yaml": "ST006", "laughs.yaml": "ST006", "syntax.yaml": "ST001", "garbage.yaml": "ST001"]
        for (file, rule) in expected {
            let r = try CLI.run(["check", file], in: dir)
            #expect(r.status == 1, "\(file): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("[\(rule)]"), "\(file): \(r.stdout)")
            #expect(r.stdout.hasPrefix("\(file):"))
        }
        let g = try CLI.run(["check", "garbage.yaml"], in: dir)
        #expect(g.stdout.hasPrefix("garbage.yaml:2:12: error: [ST001]"), "\(g.stdout)")
    }

    @Test func messagesCannotForgeLines() throws {
        let bad = Self.valid.replacingOccurrences(of: "to: crm,", with: "to: \"crn\\nfake.yaml:1:1: error: forged\",")
        let dir = try CLI.scratch(["p.yaml": bad])
        let r = try CLI.run(["check", "p.yaml"], in: dir)
        #expect(!r.stdout.contains("\nfake.yaml"))
    }
}
