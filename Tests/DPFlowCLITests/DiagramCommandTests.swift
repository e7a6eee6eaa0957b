import Foundation
import Testing

@Suite("dpflow diagram and trace, end to end")
struct DiagramCommandTests {
    @Test func dotGoesToStandardOutputAndIsDeterministic() throws {
        let a = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--as-of", "2026-11-29"])
        let b = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--as-of", "2026-11-29"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("digraph dpflow {"))
        #expect(a.stdout == b.stdout)
    }

    @Test func everyFormatIsWrittenToAFile() throws {
        let dir = try CLI.scratch([:])
        for (format, magic) in [("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8))] {
            let out = dir.appendingPathComponent("d.\(format)").path
            let r = try CLI.run(["diagram", CLI.packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml").path, "--format", format, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
            #expect(Array(bytes.prefix(magic.count)) == magic, "\(format)")
        }
        // Overwriting an existing output works (rename replaces it).
        let again = try CLI.run(["diagram", CLI.packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml").path, "--format", "svg", "-o", dir.appendingPathComponent("d.svg").path])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func viewsAndBadArguments() throws {
        let data = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--data", "dbs-results"])
        #expect(data.status == 0)
        #expect(data.stdout.contains("DBS online checking"))
        #expect(!data.stdout.contains("Sponsor registration"))
        let parties = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--level", "parties"])
        #expect(parties.stdout.contains("· 3 systems") || parties.stdout.contains("systems"))
        let unknown = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--data", "guest-helth"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'guest-health'?"))
        let badFocus = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--focus", "nowhere"])
        #expect(badFocus.status == 2)
        let dir = try CLI.scratch(["broken.yaml": "dpflow: 1\nprogramme: [\n"])
        let broken = try CLI.run(["diagram", "broken.yaml"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("ST001"))
    }

    @Test func traceAnswersWhereTheDataGoes() throws {
        let r = try CLI.run(["trace", "Flows/homes-for-ukraine.yaml", "--data", "guest-identity"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Lineage of guest-identity"))
        #expect(r.stdout.contains("guest -> visa-casework -> case-management"))
        #expect(r.stdout.contains("backup-store"))
        #expect(r.stdout.contains("location: IE"))
        #expect(r.stdout.contains("retention: P35D from backup-taken, then delete"))
        let json = try CLI.run(["trace", "Flows/homes-for-ukraine.yaml", "--data", "guest-identity", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["paths"] as? [Any])?.isEmpty == false)
        #expect(try CLI.run(["trace", "Flows/homes-for-ukraine.yaml", "--data", "nope"]).status == 2)
    }
}

@Suite("Committed reports")
struct CommittedReportTests {
    /// The committed data-flows.svg is the report's (ReportCommandTests checks it is up to date);
    /// `dpflow diagram` draws the same programme as an accessible, deterministic SVG.
    @Test func diagramCommandSVGIsAccessibleAndDeterministic() throws {
        let a = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--as-of", "2026-11-29", "--format", "svg"])
        let b = try CLI.run(["diagram", "Flows/homes-for-ukraine.yaml", "--as-of", "2026-11-29", "--format", "svg"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("role=\"img\" aria-labelledby=\"dfd-title dfd-desc\""))
        #expect(a.stdout.contains("<title id=\"dfd-title\">Data-flow diagram of Homes for Ukraine</title>"))
        #expect(a.stdout.components(separatedBy: "<title").count == 2)
    }
}
