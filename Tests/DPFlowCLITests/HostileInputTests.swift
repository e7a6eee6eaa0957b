import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, hostile inputs: each is made here (smaller than bench/hostile.py's
/// full-size files where size only costs test time) and the tests assert what
/// the run does (bounded output, the finding present), never how long it takes.
@Suite("Hostile inputs: caps, non-regular files, folders, injection, configuration")
struct HostileInputTests {
    static let valid = CheckCommandTests.valid

    static func lines(_ s: String) -> [Substring] { s.split(separator: "\n") }

    /// Runs the binary with a watchdog: a hang is a failure, not a stuck suite.
    static func runBounded(_ args: [String], in dir: URL, seconds: Int = 60) throws -> CLI.Result {
        return try CLI.run(["-c", "exec timeout -s KILL \(seconds) \"$0\" \"$@\"", CLI.binary.path] + args, in: dir, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    // Defect 4: a file of unknown keys printed a finding per key without bound.
    @Test func findingsAreCappedPerFileAndTheRunSaysHowManyWereLeftOut() throws {
        func keys(_ n: Int) -> String { (0..<n).map { String(format: "k%07d: 1\n", $0) }.joined() }
        let dir = try CLI.scratch(["some.yaml": keys(3000), "many.yaml": keys(200_000), "few.yaml": keys(40)])
        // 3,007 findings (3,000 keys and the missing sections): 1,000 shown, the rest counted.
        let some = try Self.runBounded(["check", "some.yaml"], in: dir)
        #expect(some.status == 1)
        #expect(Self.lines(some.stdout).filter { $0.hasPrefix("some.yaml:") }.count == 1000)
        #expect(some.stdout.hasSuffix("2007 more findings in some.yaml left out (at most 1000 a file; see --max-findings)\n"), "\(some.stdout.suffix(300))")
        // Past ten times the cap the file is not read further: bounded work, one ST006.
        let many = try Self.runBounded(["check", "many.yaml"], in: dir)
        #expect(many.status == 1)
        #expect(many.stdout.contains("many.yaml:11001:11: error: [ST006] the file has more than 11000 problems; it was not read past this point"))
        #expect(many.stdout.contains("11001 more findings in many.yaml left out"))
        #expect(many.stdout.utf8.count < 2_000)
        let few = try CLI.run(["check", "--max-findings", "5", "--format", "json", "few.yaml"], in: dir)
        #expect(few.status == 1)
        let doc = try JSONSerialization.jsonObject(with: Data(few.stdout.utf8)) as? [String: Any]
        #expect((doc?["findings"] as? [Any])?.count == 5)
        #expect(few.stderr.contains("42 more findings in few.yaml left out (at most 5 a file"), "\(few.stderr)")
    }

    // Defect 4: aliases repeating a mapping of bad keys (the 18 KB and 40 KB amplifiers).
    @Test func aliasAmplifiersGiveBoundedOutput() throws {
        var text = "dpflow: 1\nprogramme: {name: amplifier}\nx-bad: &bad\n"
        text += (0..<100).map { "  unknown-key-\($0): \($0)\n" }.joined()
        text += "x-l0: &l0 [" + Array(repeating: "*bad", count: 10).joined(separator: ", ") + "]\n"
        text += "x-l1: &l1 [" + Array(repeating: "*l0", count: 10).joined(separator: ", ") + "]\nflows:\n"
        text += (0..<4000).map { "  f\($0): *l1\n" }.joined()
        #expect(text.utf8.count > 40_000)
        let dir = try CLI.scratch(["amp.yaml": text])
        let r = try Self.runBounded(["check", "amp.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.utf8.count < 400_000, "\(r.stdout.utf8.count) bytes of output")
        #expect(r.stdout.contains("[ST006]") || r.stdout.contains("left out"))
    }

    // Defects 4, 11: a million anchors, and a file over the size limit.
    @Test func manyAnchorsAndOversizedFilesAreHandled() throws {
        let anchors = "dpflow: 1\nx:\n" + (0..<300_000).map { "- &a\($0) v\n" }.joined()
        let dir = try CLI.scratch(["anchors.yaml": anchors])
        let r = try Self.runBounded(["check", "anchors.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("[ST002]"))
        // 17 MB of one duplicated key: over the 16 MiB limit, rejected on its size.
        let big = dir.appendingPathComponent("dup.yaml")
        let chunk = Data(String(repeating: "a: 1\n", count: 100_000).utf8)
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        for _ in 0..<35 { handle.write(chunk) }
        try handle.close()
        let dup = try Self.runBounded(["check", "dup.yaml"], in: dir)
        #expect(dup.status == 1)
        #expect(dup.stdout.contains("[ST006] the file is 17,500,000 bytes, over the limit of 16 MiB (max-file-mb)"), "\(dup.stdout)")
    }

    // Defect 5: 1 GB on standard input was read whole; the limit is counted as read.
    @Test func standardInputIsReadWithTheByteLimit() throws {
        let dir = try CLI.scratch(["p.yaml": Self.valid])
        let r = try CLI.run(
            ["-c", "yes 'a: 1' | head -c 1073741824 | '\(CLI.binary.path)' check -"], in: dir, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(r.status == 1, "\(r.stderr)")
        // Standard input is shown as <stdin> (or --stdin-filename); at most the limit and one chunk is read.
        #expect(r.stdout.contains("<stdin>:1:1: error: [ST006]") && r.stdout.contains("over the limit of 16 MiB (max-file-mb)"), "\(r.stdout)")
        let named = try CLI.run(["-c", "'\(CLI.binary.path)' check /dev/stdin < p.yaml"], in: dir, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(named.status == 0, "\(named.stdout)\(named.stderr)")
    }

    // Defect 5: a FIFO with no writer hung forever, named or inside a scanned folder.
    @Test func fifosAndDevicesAreRefusedWithoutHanging() throws {
        let dir = try CLI.scratch(["flows/good.yaml": Self.valid])
        #expect(mkfifo(dir.appendingPathComponent("flows/x.yaml").path, 0o600) == 0)
        #expect(mkfifo(dir.appendingPathComponent("named.yaml").path, 0o600) == 0)
        let named = try Self.runBounded(["check", "named.yaml"], in: dir)
        #expect(named.status == 2)
        #expect(named.stderr.contains("cannot read named.yaml: it is a FIFO (named pipe)"), "\(named.stderr)")
        let scanned = try Self.runBounded(["check", "flows"], in: dir)
        #expect(scanned.status == 0, "\(scanned.stdout)\(scanned.stderr)")
        #expect(scanned.stderr.contains("skipped flows/x.yaml: a FIFO (named pipe), not a regular file"))
        #expect(scanned.stdout.hasSuffix("in 1 file\n"))
        let device = try Self.runBounded(["check", "/dev/zero"], in: dir)
        #expect(device.status == 2)
        #expect(device.stderr.contains("it is a device"))
    }

    // Defect 13: a link in a scanned folder was followed outside it, and ST005 echoed a secret.
    @Test func linksOutOfAScannedFolderAreSkippedAndST005EchoesNothing() throws {
        let dir = try CLI.scratch(["flows/good.yaml": Self.valid, "outside/secret.yaml": "dpflow: \"hunter2-token\"\n"])
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("flows/leak.yaml").path, withDestinationPath: "../outside/secret.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("flows/same.yaml").path, withDestinationPath: "good.yaml")
        let r = try CLI.run(["check", "flows"], in: dir)
        #expect(r.stderr.contains("skipped flows/leak.yaml: a symbolic link to a file outside flows"), "\(r.stderr)")
        #expect(!r.stdout.contains("hunter2"))
        #expect(r.stdout.hasSuffix("in 2 files\n"), "a link inside the folder is read: \(r.stdout)")
        let direct = try CLI.run(["check", "outside/secret.yaml"], in: dir)
        #expect(direct.status == 1)
        #expect(direct.stdout.contains("[ST005]"))
        #expect(!direct.stdout.contains("hunter2"), "\(direct.stdout)")
    }

    // Defect 7: names and file names reached the terminal and CI logs raw.
    @Test func controlCharactersNeverReachTheTerminalOrTheLog() throws {
        let text = Self.valid.replacingOccurrences(of: "name: Residents", with: "name: \"Res\\e]0;pwned\\a\\r\\n::set-env name=X::1\\u202e\\x9b2J\\b\"")
        let broken = text.replacingOccurrences(of: "to: crm,", with: "to: crn,")
        let badName = "bad\n::error file=x::forged.yaml"
        let dir = try CLI.scratch(["p.yaml": text, "broken.yaml": broken, badName: broken])
        func clean(_ s: String, _ what: String) {
            #expect(!s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }, "\(what)")
            #expect(!s.split(separator: "\n").contains { $0.hasPrefix("::set-env") || $0.hasPrefix("::error file=x") }, "\(what): \(s)")
        }
        let trace = try CLI.run(["trace", "p.yaml", "--data", "contact"], in: dir)
        #expect(trace.status == 0)
        #expect(trace.stdout.contains("Res\\u{1B}]0;pwned\\u{7}\\u{D}\\u{A}::set-env name=X::1\\u{202E}\\u{9B}2J\\u{8}"), "\(trace.stdout)")
        clean(trace.stdout, "trace")
        for format in ["text", "github"] {
            let r = try CLI.run(["check", "--format", format, "broken.yaml", badName], in: dir)
            #expect(r.status == 1)
            clean(r.stdout, format)
            clean(r.stderr, format)
        }
        let text1 = try CLI.run(["check", badName], in: dir)
        #expect(text1.stdout.hasPrefix("bad\\u{A}::error file=x::forged.yaml:"), "\(text1.stdout)")
        let diff = try CLI.run(["diff", "p.yaml", "broken.yaml"], in: dir)
        clean(diff.stdout, "diff")
        let missing = try CLI.run(["check", "no\u{1B}[2Jsuch.yaml"], in: dir)
        #expect(missing.status == 2)
        clean(missing.stderr, "error message")
    }

    // Defect 8: a .dpflow.yaml in a parent switched ST rules off silently.
    @Test func configurationCannotSwitchStructureRulesOffAndIsNamed() throws {
        let dir = try CLI.scratch([
            ".dpflow.yaml": "rules:\n  ST001: {enabled: false}\n",
            "sub/p.yaml": "dpflow: 1\nprogramme: [\n",
        ])
        let sub = dir.appendingPathComponent("sub")
        let off = try CLI.run(["check", "p.yaml"], in: sub)
        #expect(off.status == 2)
        #expect(off.stderr.contains("ST001 is a structure rule and cannot be switched off"), "\(off.stderr)")
        try Data("rules:\n  ST002: {severity: info}\n".utf8).write(to: dir.appendingPathComponent(".dpflow.yaml"))
        #expect(try CLI.run(["check", "p.yaml"], in: sub).status == 2)
        let ignored = try CLI.run(["check", "--no-config", "p.yaml"], in: sub)
        #expect(ignored.status == 1)
        #expect(ignored.stdout.contains("[ST001]"))
        #expect(!ignored.stdout.contains("configuration:"))
        try Data("rules:\n  TR012: {enabled: false}\n".utf8).write(to: dir.appendingPathComponent(".dpflow.yaml"))
        let named = try CLI.run(["check", "p.yaml"], in: sub)
        #expect(named.status == 1)
        #expect(named.stdout.hasPrefix("configuration: ../.dpflow.yaml\n"), "\(named.stdout)")
        #expect(try CLI.run(["check", "--no-config", "--config", "x.yaml", "p.yaml"], in: sub).status == 2)
        // A FIFO planted as the parent's configuration cannot hang the run.
        try FileManager.default.removeItem(at: dir.appendingPathComponent(".dpflow.yaml"))
        #expect(mkfifo(dir.appendingPathComponent(".dpflow.yaml").path, 0o600) == 0)
        let fifo = try Self.runBounded(["check", "p.yaml"], in: sub)
        #expect(fifo.status == 2)
        #expect(fifo.stderr.contains("cannot read configuration ../.dpflow.yaml: it is a FIFO"), "\(fifo.stderr)")
    }
}
