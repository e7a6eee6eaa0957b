import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, end to end: each hostile machine or input, reproduced against the
/// built binary. docs/security.md maps each defence to its test here.
@Suite("Hostile machines: output files, streams, signals")
struct SecurityCLITests {
    static let flow = String(decoding: (try? Data(contentsOf: CLI.packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml"))) ?? Data(), as: UTF8.self)

    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func leftovers(_ dir: URL) -> [String] {
        let all = (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String]) ?? []
        return all.filter { ($0 as NSString).lastPathComponent.hasPrefix(".dpf-") }
    }

    /// Runs a shell command line (for redirections, ulimit and pipes).
    static func shell(_ script: String, in dir: URL) throws -> CLI.Result {
        try CLI.run(["-c", script], in: dir, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    // Defect 1: -o replaced whatever was at the path (as root, /dev/null).
    @Test func outputRefusesDevicesFIFOsLinksAndFolders() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow, "secret.txt": "keep me\n"])
        #expect(mkfifo(dir.appendingPathComponent("fifo.svg").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.svg").path, withDestinationPath: "secret.txt")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.svg"), withIntermediateDirectories: true)
        for (target, why, kind) in [
            ("/dev/null", "it is a device", S_IFCHR), ("fifo.svg", "FIFO", S_IFIFO), ("link.svg", "symbolic link", S_IFLNK),
            ("folder.svg", "it is a folder", S_IFDIR),
        ] {
            let r = try CLI.run(["diagram", "p.yaml", "--format", "svg", "-o", target], in: dir)
            #expect(r.status == 2, "\(target): \(r.stderr)")
            #expect(r.stderr.contains("refusing to write \(target): ") && r.stderr.contains(why), "\(r.stderr)")
            let path = target.hasPrefix("/") ? target : dir.appendingPathComponent(target).path
            #expect(Self.kind(path) == kind, "\(target) was replaced")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("secret.txt"), encoding: .utf8) == "keep me\n")
        #expect(Self.leftovers(dir).isEmpty)
    }

    // Defects 1, 2: a regular file is replaced whole, through a private temporary file.
    @Test func regularFileIsReplacedWithItsModeKeptAndNoTemporaryLeft() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow, "out.dot": "old\n"])
        #expect(chmod(dir.appendingPathComponent("out.dot").path, 0o640) == 0)
        let r = try CLI.run(["diagram", "p.yaml", "-o", "out.dot"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("out.dot"), encoding: .utf8).hasPrefix("digraph"))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("out.dot").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(Self.leftovers(dir).isEmpty)
    }

    // `-o -` is standard output.
    @Test func dashIsStandardOutput() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        let r = try CLI.run(["diagram", "p.yaml", "-o", "-"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("digraph"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    }

    // Defect 10: a 244-character name failed (the temporary name added 18 characters).
    @Test func longOutputNamesWork() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        let name = String(repeating: "n", count: 240) + ".dot"
        #expect(name.count == 244)
        let r = try CLI.run(["diagram", "p.yaml", "-o", name], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
    }

    // Defect 6: `> /dev/full` crashed with SIGILL (a try! in FileHandle.write).
    @Test func failedWriteToStandardOutputIsExitTwo() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        let r = try Self.shell("'\(CLI.binary.path)' check p.yaml > /dev/full", in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write to standard output: No space left on device"), "\(r.stderr)")
    }

    // Defect 9: EPIPE is a quiet exit 2, not a crash or a message.
    @Test func closedPipeIsAQuietExitTwo() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        // Standard output is a pipe whose reader has gone before anything is written.
        let r = try CLI.run(
            [
                "python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGPIPE, signal.SIG_DFL); r, w = os.pipe(); os.close(r); os.dup2(w, 1); os.execv(sys.argv[1], sys.argv[1:])",
                CLI.binary.path, "diagram", "p.yaml",
            ], in: dir, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(r.status == 2)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    // Defect 9: `ulimit -f` killed the run with SIGXFSZ and left a truncated temporary file.
    @Test func fileSizeLimitIsAWriteError() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        let r = try Self.shell("ulimit -f 8; exec '\(CLI.binary.path)' diagram p.yaml --format svg -o out.svg", in: dir)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("file size limit"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.svg").path))
        #expect(Self.leftovers(dir).isEmpty)
    }

    // Defect 9: SIGTERM left temporary files; a killed report must leave the old set whole.
    @Test func signalRemovesTemporaryFilesAndLeavesTheOldReport() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        #expect(try CLI.run(["report", "p.yaml", "--as-of", "2026-11-29"], in: dir).status == 0)
        let folder = dir.appendingPathComponent("Reports/p")
        let before = try Data(contentsOf: folder.appendingPathComponent("findings.json"))
        // 300 flows, the most drawn system by system: rendering takes long
        // enough to stop the run while its temporary folder exists.
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", CLI.packageRoot.appendingPathComponent("bench/generate.py").path, "300"]
        let big = Pipe()
        generator.standardOutput = big
        try generator.run()
        let bytes = big.fileHandleForReading.readDataToEndOfFile()
        generator.waitUntilExit()
        try bytes.write(to: dir.appendingPathComponent("big.yaml"))

        // Started through python3 with no signals blocked, as from a shell: a
        // test runner's thread may block them, and a child inherits its mask.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
            CLI.binary.path, "report", "big.yaml", "-o", "Reports", "--as-of", "2026-11-29",
        ]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run has made its temporary folder, then stop it.
        var sawTemporary = false
        for _ in 0..<3000 where process.isRunning {
            if !Self.leftovers(dir.appendingPathComponent("Reports")).isEmpty {
                sawTemporary = true
                break
            }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(sawTemporary, "the run ended before it could be stopped")
        #expect(process.terminationReason == .uncaughtSignal, "status \(process.terminationStatus)")
        #expect(Self.leftovers(dir).isEmpty, "left behind: \(Self.leftovers(dir))")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports/big").path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("findings.json")) == before)
    }

    // Defect 9: two runs of one file must not leave a folder that mixes their files.
    @Test func reportFolderIsReplacedAsASetAndForeignFilesKept() throws {
        let dir = try CLI.scratch(["p.yaml": Self.flow])
        #expect(try CLI.run(["report", "p.yaml", "--as-of", "2026-11-29"], in: dir).status == 0)
        let folder = dir.appendingPathComponent("Reports/p")
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let old = try FileManager.default.attributesOfItem(atPath: folder.path)[.systemFileNumber] as? Int
        let renamed = Self.flow.replacingOccurrences(of: "name: Homes for Ukraine", with: "name: Homes for Ukraine Secondrun")
        #expect(renamed != Self.flow)
        try Data(renamed.utf8).write(to: dir.appendingPathComponent("p.yaml"))
        #expect(try CLI.run(["report", "p.yaml", "--as-of", "2026-11-29"], in: dir).status == 0)
        // A new folder (another inode) took the old one's place, whole.
        let new = try FileManager.default.attributesOfItem(atPath: folder.path)[.systemFileNumber] as? Int
        #expect(old != new)
        for name in ["dpia.md", "dpia.html"] {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).contains("Secondrun"), "\(name)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
        #expect(Self.leftovers(dir).isEmpty)
        // A link where the folder goes is refused.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("Reports/q").path, withDestinationPath: "p")
        try Data(Self.flow.utf8).write(to: dir.appendingPathComponent("q.yaml"))
        let linked = try CLI.run(["report", "q.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("symbolic link"))
    }
}
