import DPFlowDepartment
import DPFlowEngine
import Foundation
import Testing

/// map.html's size and safety without a browser (the browser test is in
/// DPFlowCLITests/MapBrowserTests.swift).
@Suite("map.html", .serialized)
struct MapHTMLTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A department of 200 programmes sharing one registry (bench/map_html_department.py).
    @Test func twoHundredProgrammesStayUnderTenMegabytes() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-map200-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.packageRoot.appendingPathComponent("bench/map_html_department.py").path, "200", "12", root]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let out = root + "/out"
        let r = try await MapRunner.run(paths: [root], output: out, options: CheckOptions(asOf: asOf))
        #expect(r.output.contains("200 programmes"), "\(r.output)")
        let html = try Data(contentsOf: URL(fileURLWithPath: out + "/map.html"))
        #expect(html.count < 10_000_000, "map.html is \(html.count) bytes")
        let text = String(decoding: html, as: UTF8.self)
        // Every programme is in the key, and the diagram drew bundled arrows (one per pair of parties).
        #expect(text.contains("<strong>200.</strong> Generated programme 199"))
        #expect(text.contains("class=\"edge p"))
        #expect(text.contains("one arrow per pair of parties"))
        #expect(!text.contains("http://") || !text.contains("src=\"http"), "no external resources")
    }

    @Test func namesFromFlowFilesCannotBreakOutOfThePage() async throws {
        // A plain YAML scalar: the name arrives exactly as written.
        let hostile = #"Evil </script><script>alert(1)</script> & "quotes" 'too'"#
        let files: [(path: String, yaml: String)] = [
            ("registry.yaml", DepartmentFixtures.registry), ("a.yaml", DepartmentFixtures.programme(hostile, data: ["contact"])),
        ]
        let root = try project(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let r = try await MapRunner.run(paths: [root], output: root + "/out", options: CheckOptions(asOf: asOf))
        let text = try String(contentsOfFile: root + "/out/map.html", encoding: .utf8)
        #expect(r.output.contains("1 programme"), "\(r.output)")
        #expect(text.components(separatedBy: "</script>").count == 3, "only the page's own two scripts close")
        #expect(!text.contains("<script>alert(1)"))
        #expect(text.contains("Evil \\u003c/script\\u003e"), "the name is in the data, escaped")
        #expect(text.contains("Evil &lt;/script&gt;"), "and in the key, as text")
    }
}
