import Foundation
import Testing

/// check's output, streamed as bytes, is byte for byte what the reporters that
/// built one `String` wrote: the golden files in StreamGolden/ were written by
/// the binary built from main before the change (StreamGolden/regenerate.sh),
/// for a programme with awkward text in its keys and file name (quotes,
/// backslashes, controls, non-ASCII, emoji, bidi, separators, `]]>`, `%`,
/// newlines) and one with many findings. Keep these runs and the script's the same.
@Suite("check output streamed: byte-identical to the String reporters")
struct StreamedOutputTests {
    static let golden = CLI.packageRoot.appendingPathComponent("Tests/DPFlowCLITests/StreamGolden")
    static let awkward = "awk\"ward %,: \u{E9} \u{202E}]]>.yaml"
    static let common = ["check", "--no-config", "--as-of", "2026-06-01", "--fail-on", "warning"]

    static func scratch() throws -> URL {
        try CLI.scratch([
            awkward: String(decoding: try Data(contentsOf: golden.appendingPathComponent("awkward.yaml")), as: UTF8.self),
            "many.yaml": String(decoding: try Data(contentsOf: golden.appendingPathComponent("many.yaml")), as: UTF8.self),
        ])
    }

    static func expected(_ name: String) throws -> Data {
        try Data(contentsOf: golden.appendingPathComponent(name))
    }

    /// Runs dpflow with the raw bytes of standard output kept.
    static func run(_ args: [String], in dir: URL) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = args
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github", "codeclimate", "checkstyle"])
    func everyFormatIsByteIdentical(format: String) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, out) = try Self.run(Self.common + ["--max-findings", "0", "--format", format, Self.awkward, "many.yaml"], in: dir)
        #expect(status == 1)
        let expected = try Self.expected("\(format).out")
        #expect(out == expected, "\(format): \(out.count) bytes, golden \(expected.count)")
        // Several chunks: the stream is flushed as it goes, not built whole.
        if ["json", "sarif", "junit", "codeclimate"].contains(format) { #expect(out.count > 65_536, "\(format)") }
    }

    @Test func colourQuietAndCappedTextAreByteIdentical() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [(String, [String])] = [
            ("text-color.out", ["--max-findings", "0", "--format", "text", "--color"]),
            ("github-quiet.out", ["--max-findings", "0", "--format", "github", "--quiet"]),
            ("text-capped.out", ["--max-findings", "7", "--format", "text"]),
        ]
        for (golden, args) in runs {
            let (_, out) = try Self.run(Self.common + args + [Self.awkward, "many.yaml"], in: dir)
            #expect(out == (try Self.expected(golden)), "\(golden)")
        }
    }

    /// `-o` and `--report` stream through the safe file (temporary file, then
    /// rename) and give the same bytes as standard output.
    @Test func filesGetTheSameBytes() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, out) = try Self.run(
            Self.common + ["--max-findings", "0", "--format", "json", "-o", "out/findings.json", "--report", "sarif:out/r.sarif",
                           "--report", "junit:out/r.xml", Self.awkward, "many.yaml"], in: dir)
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/findings.json")) == (try Self.expected("json.out")))
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/r.sarif")) == (try Self.expected("sarif.out")))
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/r.xml")) == (try Self.expected("junit.out")))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(left.sorted() == ["findings.json", "r.sarif", "r.xml"], "no temporary file is left: \(left)")
    }
}
