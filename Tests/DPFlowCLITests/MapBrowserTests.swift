import Foundation
import Testing

/// A small department for map.html: a registry and three programmes. Guests'
/// data is held in the council CRM and the department's casework system, and
/// the payments ledger holds only sponsors'
/// data, so an answer of "every system" would be wrong. One programme's name
/// and one system's name try to break out of the page (HTML, script, JSON).
enum MapDepartment {
    static let hostile = #"Sponsor payments </script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">"#

    static let registry = """
        dpflow: 1
        registry: {name: Department register, owner: Records Officer}
        subjects:
          guest: {name: Guests, count: 5000}
          sponsor: {name: Sponsors, count: 3000}
        data:
          guest-contact: {name: Guest contact details, subjects: [guest], category: personal}
          guest-health: {name: Guest health needs, subjects: [guest], category: special, special: [health]}
          sponsor-contact: {name: Sponsor contact details, subjects: [sponsor], category: personal}
          sponsor-bank: {name: Sponsor bank details, subjects: [sponsor], category: personal}
        parties:
          council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}
          dept: {name: The Department, type: public-authority, role: controller, country: GB}
        systems:
          crm:
            name: Council CRM
            party: council
            location: GB-ENG
            retention:
              guest-contact: {period: P6Y, from: case-closed, basis: Schedule 4.2, disposal: delete}
              guest-health: {period: P6Y, from: case-closed, basis: Schedule 4.3, disposal: delete}
              sponsor-contact: {period: P6Y, from: case-closed, basis: Schedule 4.2, disposal: delete}
          casework:
            name: Casework
            party: dept
            location: GB
            retention:
              guest-contact: {period: P2Y, from: case-closed, basis: Schedule 7.1, disposal: delete}
          payments:
            name: Payments ledger
            party: dept
            location: GB
            retention:
              sponsor-contact: {period: P7Y, from: end-of-financial-year, basis: Finance 1.1, disposal: delete}
              sponsor-bank: {period: P7Y, from: end-of-financial-year, basis: Finance 1.1, disposal: delete}
        """

    static func programme(_ name: String, flows: String, special: Bool = false) -> String {
        let a9 = special ? ", article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]" : ""
        return """
            dpflow: 1
            include: [registry.yaml]
            programme:
              name: '\(name.replacingOccurrences(of: "'", with: "''"))'
              description: A programme of the department.
              controllers: [council, dept]
              appropriate-policy-document: APD-1
              purposes:
                support:
                  lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1\(a9)}
              dpia: {status: approved, approved-by: SIRO, approved-on: 2026-01-15, review-by: 2027-12-31}
            flows:
            \(flows)
            """
    }

    static var files: [String: String] {
        [
            "registry.yaml": registry,
            "guests.yaml": programme("Guest support", flows: """
                  guest-intake: {from: guest, to: crm, data: [guest-contact, guest-health], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}
                  crm-to-casework: {from: crm, to: casework, data: [guest-contact], purpose: support, agreement: DSA-1, encrypted: true}
                """, special: true),
            "sponsors.yaml": programme(hostile, flows: """
                  sponsor-intake: {from: sponsor, to: crm, data: [sponsor-contact, sponsor-bank], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}
                  sponsor-bank: {from: sponsor, to: payments, data: [sponsor-contact, sponsor-bank], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}
                """),
        ]
    }

    /// A folder with the department (and a `.git` marker: includes stay inside the project).
    static func make(_ files: [String: String]) throws -> URL {
        let dir = try CLI.scratch(files)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return dir
    }
}

/// Runs a program; returns status and output.
func spawn(_ args: [String], in dir: URL = CLI.packageRoot) throws -> CLI.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = dir
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// map.html in real headless Chromium (scripts/map_browser.py, DevTools protocol).
@Suite("map.html in a browser", .serialized)
struct MapBrowserTests {
    /// The systems `dpflow where DIR --subject ID --format json` lists.
    static func whereSystems(_ dir: URL, subject: String) throws -> [String] {
        let r = try CLI.run(["where", dir.path, "--subject", subject, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let places = try #require(json["places"] as? [[String: Any]])
        return places.compactMap { $0["system"] as? String }
    }

    static func drive(_ map: URL, subject: String) throws -> [String: Any] {
        let r = try spawn(["python3", CLI.packageRoot.appendingPathComponent("scripts/map_browser.py").path, map.path, "--subject", subject])
        try #require(r.status == 0, "map_browser.py failed (run scripts/bootstrap.sh --test to install chromium): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func searchingBySubjectThroughTheKeyboardListsExactlyWhereSystems() throws {
        let dir = try MapDepartment.make(MapDepartment.files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let map = try CLI.run(["map", dir.path, "-o", out.path, "--as-of", "2026-11-29"])
        #expect(map.status == 0 || map.status == 1, "\(map.stdout)\(map.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("map.html"), encoding: .utf8)

        // The hostile names are in the page only as escaped text.
        #expect(!html.contains("window.pwned=1</script>"))
        #expect(!html.contains("<img src=x"))
        #expect(html.components(separatedBy: "</script>").count == 3, "two script elements and no other </script>")

        for subject in ["guest", "sponsor"] {
            let expected = try Self.whereSystems(dir, subject: subject)
            #expect(!expected.isEmpty)
            let page = try Self.drive(out.appendingPathComponent("map.html"), subject: subject)
            #expect(page["focusedResult"] as? String == "0:\(subject)", "the subject group is in the results and reached by keyboard")
            #expect(page["listed"] as? [String] == expected, "the page lists \(page["listed"] ?? "nothing"), where lists \(expected)")
            #expect(page["tabsToSearch"] as? Int == 2, "skip link, then the search box")
            #expect(page["focusVisibleOnSearch"] as? Bool == true)
            #expect(page["focusAfterSelect"] as? String == "detail-heading")
            #expect((page["highlighted"] as? Int ?? 0) > 0, "the answer is highlighted on the diagram")
            #expect((page["hashAfterSelect"] as? String ?? "").contains("sel=subject%3A\(subject)"))
            let deep = page["deepLink"] as? [String: Any]
            #expect(deep?["input"] as? String == subject, "map.html#q=\(subject) fills the search")
            #expect((deep?["results"] as? [String] ?? []).contains("0:\(subject)"))
            let space = page["spaceSelects"] as? [String: Any]
            #expect(space?["focus"] as? String == "detail-heading" && space?["listed"] as? [String] == expected, "Space on the first result selects it")
            let change = page["hashChange"] as? [String: Any]
            #expect(change?["input"] as? String == subject)
            #expect(change?["listed"] as? [String] == expected, "#q=…&sel=subject:… selects the group on hashchange")
            let none = page["hashChangeNoMatch"] as? [String: Any]
            #expect((none?["results"] as? [String])?.isEmpty == true)
            #expect((none?["status"] as? String ?? "").hasPrefix("No results"))
            #expect((page["findingsAll"] as? Int ?? 0) > 0, "the findings panel lists findings (the CRM keeps sponsors' bank details with no retention)")
            #expect(page["findingsFilterWorks"] as? Bool == true, "filtering by rule leaves only that rule's rows")
            #expect(page["sawPageRequest"] as? Bool == true, "the request log saw the page itself, so an empty log means no request")
            #expect((page["requests"] as? [String]) == [], "the page made requests: \(page["requests"] ?? "")")
            #expect((page["consoleErrors"] as? [String]) == [], "console errors: \(page["consoleErrors"] ?? "")")
            #expect(page["injected"] as? Bool == false, "a name from a flow file ran as script or markup")
        }
        // The fixture's point: guests are not everywhere.
        #expect(try Self.whereSystems(dir, subject: "guest") == ["casework", "crm"])
    }
}
