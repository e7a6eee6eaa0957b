import Foundation
import Testing

/// `--max-file-mb` and `load-limits:` end to end (issue 13 part 4).
@Suite("Load limits on the command line")
struct LoadLimitCommandTests {
    /// The small valid programme with comments to make it about 1.5 MiB.
    static let padded = CheckCommandTests.valid + String(repeating: "# padding padding padding padding padding padding\n", count: 31_000)

    @Test func maxFileMBLowersAndRaisesTheLimit() throws {
        let dir = try CLI.scratch(["p.yaml": Self.padded])
        #expect(try CLI.run(["check", "--no-config", "p.yaml"], in: dir).status == 0)
        let lowered = try CLI.run(["check", "--no-config", "p.yaml", "--max-file-mb", "1"], in: dir)
        #expect(lowered.status == 1)
        #expect(lowered.stdout.contains("p.yaml:1:1: error: [ST006] the file is 1,550,"), "\(lowered.stdout)")
        #expect(lowered.stdout.contains("over the limit of 1 MiB (max-file-mb)"), "\(lowered.stdout)")
        #expect(lowered.stdout.contains("--max-file-mb 2, or `load-limits: {max-file-mb: 2}` in .dpflow.yaml"), "\(lowered.stdout)")
        #expect(try CLI.run(["check", "--no-config", "p.yaml", "--max-file-mb", "2"], in: dir).status == 0)
        // Standard input too.
        let stdin = try CLI.run(
            ["-c", "'\(CLI.binary.path)' check --no-config --max-file-mb 1 - < p.yaml"], in: dir, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(stdin.status == 1 && stdin.stdout.contains("over the limit of 1 MiB (max-file-mb)"), "\(stdin.stdout)")
        // Out of range is a usage error (exit 2).
        for bad in ["0", "4097", "-1"] {
            let r = try CLI.run(["check", "p.yaml", "--max-file-mb=\(bad)"], in: dir)
            #expect(r.status == 2, "\(bad): \(r.stderr)")
        }
    }

    @Test func aFileOverTheDefaultChecksWithTheLimitRaised() throws {
        let dir = try CLI.scratch(["p.yaml": CheckCommandTests.valid])
        let big = dir.appendingPathComponent("p.yaml")
        let handle = try FileHandle(forWritingTo: big)
        handle.seekToEndOfFile()
        let chunk = Data(String(repeating: "# padding padding padding padding padding padding\n", count: 20_000).utf8)
        for _ in 0..<18 { handle.write(chunk) }  // about 17.2 MiB
        try handle.close()
        let refused = try CLI.run(["check", "--no-config", "p.yaml"], in: dir)
        #expect(refused.status == 1 && refused.stdout.contains("over the limit of 16 MiB (max-file-mb)"), "\(refused.stdout)")
        #expect(refused.stdout.contains("--max-file-mb 32"), "\(refused.stdout)")
        let raised = try CLI.run(["check", "--no-config", "p.yaml", "--max-file-mb", "32"], in: dir)
        #expect(raised.status == 0, "\(raised.stdout)\(raised.stderr)")
    }

    @Test func theConfigurationSetsTheLimitAndTheOptionOverridesIt() throws {
        let dir = try CLI.scratch(["p.yaml": Self.padded, ".dpflow.yaml": "load-limits: {max-file-mb: 1}\n"])
        let configured = try CLI.run(["check", "p.yaml"], in: dir)
        #expect(configured.status == 1 && configured.stdout.contains("over the limit of 1 MiB (max-file-mb)"), "\(configured.stdout)")
        #expect(try CLI.run(["check", "p.yaml", "--max-file-mb", "2"], in: dir).status == 0)
        // The other limits come from the configuration only.
        try Data("load-limits: {max-nodes: 20}\n".utf8).write(to: dir.appendingPathComponent(".dpflow.yaml"))
        let nodes = try CLI.run(["check", "p.yaml"], in: dir)
        #expect(nodes.status == 1 && nodes.stdout.contains("[ST006] the file has more than 20 nodes, the limit (max-nodes)"), "\(nodes.stdout)")
        try Data("load-limits: {max-depth: 2}\n".utf8).write(to: dir.appendingPathComponent(".dpflow.yaml"))
        let depth = try CLI.run(["check", "p.yaml"], in: dir)
        #expect(depth.status == 1 && depth.stdout.contains("nesting is deeper than the limit of 2 levels (max-depth)"), "\(depth.stdout)")
        try Data("load-limits: {max-dept: 2}\n".utf8).write(to: dir.appendingPathComponent(".dpflow.yaml"))
        let typo = try CLI.run(["check", "p.yaml"], in: dir)
        #expect(typo.status == 2 && typo.stderr.contains("unknown load limit 'max-dept'; did you mean 'max-depth'?"), "\(typo.stderr)")
    }

    @Test func everyCommandThatReadsFlowFilesTakesTheOption() throws {
        let dir = try CLI.scratch(["p.yaml": Self.padded])
        // Each command, and where the ST006 (naming max-file-mb) shows when the limit is lowered.
        let commands: [(args: [String], shows: (CLI.Result) -> String)] = [
            (["check", "p.yaml"], { $0.stdout }),
            (["diagram", "p.yaml"], { $0.stderr }),
            (["trace", "p.yaml", "--data", "contact"], { $0.stderr }),
            (["report", "p.yaml", "-o", "out", "--as-of", "2026-01-01"], { $0.stderr }),
            (["diff", "/dev/null", "p.yaml"], { $0.stdout }),
            (["map", "p.yaml", "-o", "map"], { _ in
                String(decoding: (try? Data(contentsOf: dir.appendingPathComponent("map/findings.json"))) ?? Data(), as: UTF8.self)
            }),
            // `where` leaves out a file that does not load: the subject is not found.
            (["where", "p.yaml", "--subject", "resident"], { $0.stderr.contains("no subject group") ? "max-file-mb" : $0.stderr }),
        ]
        for (args, shows) in commands {
            let ok = try CLI.run(args + ["--max-file-mb", "2"], in: dir)
            #expect(ok.status == 0, "\(args): \(ok.stdout)\(ok.stderr)")
            let lowered = try CLI.run(args + ["--max-file-mb", "1"], in: dir)
            #expect(lowered.status != 0, "\(args)")
            #expect(shows(lowered).contains("max-file-mb"), "\(args): \(lowered.stdout)\(lowered.stderr)")
        }
    }
}
