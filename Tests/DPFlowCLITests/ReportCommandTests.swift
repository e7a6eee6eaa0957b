import Foundation
import Testing

@Suite("dpflow report, end to end")
struct ReportCommandTests {
    static let files = ["data-flows.dot", "data-flows.svg", "dpia.docx", "dpia.html", "dpia.md", "findings.json", "risk-matrix.svg", "ropa.csv"]

    @Test func writesEveryOutputDeterministicallyAndAtomically() throws {
        let dir = try CLI.scratch(try CLI.example(as: "Flows/p.yaml"))
        let first = try CLI.run(["report", "Flows/p.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("wrote Reports/p/dpia.html"))
        let folder = dir.appendingPathComponent("Reports/p")
        let before = try Self.files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let second = try CLI.run(["report", "Flows/p.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(second.status == 0)
        let after = try Self.files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        for (i, name) in Self.files.enumerated() { #expect(before[i] == after[i], "\(name) differs between two runs") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        let findings = try JSONSerialization.jsonObject(with: try Data(contentsOf: folder.appendingPathComponent("findings.json"))) as? [String: Any]
        #expect(findings?["files"] as? [String] == ["Flows/p.yaml"])
    }

    /// A diagram part an earlier run wrote (data-flows-<part>.svg) does not outlive the set it
    /// belonged to; a file dpflow never writes stays.
    @Test func diagramPartsOfAnEarlierRunAreNotKept() throws {
        var files = try CLI.example(as: "Flows/p.yaml")
        files["Reports/p/data-flows-gone.svg"] = "<svg/>"
        files["Reports/p/notes.txt"] = "mine"
        let dir = try CLI.scratch(files)
        let r = try CLI.run(["report", "Flows/p.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports/p").path)
        #expect(!names.contains("data-flows-gone.svg"))
        #expect(names.contains("notes.txt"))
        // However many drawings the page holds inline, no id is used twice.
        let html = String(decoding: try Data(contentsOf: dir.appendingPathComponent("Reports/p/dpia.html")), as: UTF8.self)
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "duplicate ids in dpia.html")
        // The parts this run drew (the example's systems view does not fit a page) are listed among the files it wrote.
        #expect(names.contains("data-flows-mhclg.svg"))
        for name in names where name.hasPrefix("data-flows-") {
            #expect(r.stdout.contains("wrote Reports/p/\(name)"))
        }
    }

    @Test func oneFailingOutputDoesNotStopTheOthers() throws {
        // A house-style Markdown template that does not parse makes dpia.md fail.
        var files = try CLI.example(as: "p.yaml")
        files["style/dpia.md.mustache"] = "{{#unclosed}} section\n"
        let dir = try CLI.scratch(files)
        let r = try CLI.run(["report", "p.yaml", "-o", "out", "--template", "style", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("dpia.md"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/p/dpia.html").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/p/ropa.csv").path))
    }

    @Test func neverOverwritesTheFlowFile() throws {
        // A flow file named and placed where an output would go: out/ropa/ropa.csv.
        let flow = String(decoding: try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml")), as: UTF8.self)
        let dir = try CLI.scratch(["out/ropa/ropa.csv": flow])
        let r = try CLI.run(["report", "out/ropa/ropa.csv", "-o", "out", "--as-of", "2026-11-29"], in: dir)
        let after = String(decoding: try Data(contentsOf: dir.appendingPathComponent("out/ropa/ropa.csv")), as: UTF8.self)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("refusing to overwrite the flow file"))
        #expect(after == flow)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/ropa/dpia.html").path))
    }

    /// Every example's committed report is what the current build writes: the
    /// department's programme in Flows/, the other departments' examples in Examples/.
    @Test(arguments: ["Flows/homes-for-ukraine.yaml", "Examples/blue-badge-digital-service.yaml", "Examples/shielded-patient-list.yaml"])
    func committedExampleReportIsUpToDate(_ file: String) throws {
        let example = String(file.split(separator: "/").last?.dropLast(".yaml".count) ?? "")
        let dir = try CLI.scratch([:])
        let r = try CLI.run(["report", file, "-o", dir.path, "--as-of", "2026-11-29"], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        // The whole set, the diagram's parts (data-flows-<party>.svg) included: no file more, none fewer.
        let freshNames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(example).path).sorted()
        let committedNames = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("Reports/\(example)").path).sorted()
        #expect(freshNames == committedNames, "Reports/\(example) has other files than a fresh run: run 'make reports' and commit it")
        #expect(Set(Self.files).isSubset(of: freshNames))
        for name in freshNames where committedNames.contains(name) {
            let fresh = try Data(contentsOf: dir.appendingPathComponent("\(example)/\(name)"))
            let committed = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Reports/\(example)/\(name)"))
            // Compared as one Bool: a byte-by-byte diff of a DOCX takes minutes to print.
            let same = fresh == committed
            #expect(same, "Reports/\(example)/\(name) is out of date: run 'make reports' and commit it")
        }
    }
}
