import DPFlowRender
import Foundation
import Testing

@testable import DPFlowEngine

#if canImport(Glibc)
import Glibc
#endif

@Suite("Safe files and Graphviz, in process")
struct OutputAndRenderTests {
    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-sec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    // Defect 2: temporary names were predictable and the write followed links.
    @Test func temporaryFilesArePrivateUnpredictableAndShort() throws {
        let dir = try Self.scratch()
        var names = Set<String>()
        for _ in 0..<20 {
            let (fd, path, slot) = try SafeFile.createTemporary(in: dir, shown: dir)
            var info = stat()
            #expect(fstat(fd, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
            #expect(TemporaryFileRegistry.live.contains(path))
            let name = (path as NSString).lastPathComponent
            #expect(name.count == 19 && name.hasPrefix(".dpf-") && name.hasSuffix(".tmp"))
            names.insert(name)
            close(fd)
            unlink(path)
            TemporaryFileRegistry.unregister(slot)
            #expect(!TemporaryFileRegistry.live.contains(path))
        }
        #expect(names.count == 20)
    }

    @Test func writeReplacesOnlyRegularFiles() throws {
        let dir = try Self.scratch()
        try SafeFile.write(Array("one".utf8), to: dir + "/deep/new/out.txt")
        #expect(try String(contentsOfFile: dir + "/deep/new/out.txt", encoding: .utf8) == "one")
        try SafeFile.write(Array("two".utf8), to: dir + "/deep/new/out.txt")
        #expect(try String(contentsOfFile: dir + "/deep/new/out.txt", encoding: .utf8) == "two")
        #expect(symlink(dir + "/victim", dir + "/link") == 0)
        #expect(throws: EngineError.self) { try SafeFile.write(Array("x".utf8), to: dir + "/link") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/victim"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/deep/new") == ["out.txt"])
    }

    // Defect 14: "graph is too large for cairo-renderer bitmaps" reached stderr raw.
    @Test func graphvizWarningsAreCapturedNotPrinted() throws {
        let log = try Self.scratch() + "/stderr.txt"
        let fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let saved = dup(STDERR_FILENO)
        dup2(fd, STDERR_FILENO)
        let result = Result { try GraphvizRenderer.renderCapturing(dot: "digraph { graph [size=\"400,400!\", dpi=200]; a -> b }", format: .png) }
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(fd)
        let rendered = try result.get()
        #expect(!rendered.bytes.isEmpty)
        #expect(rendered.warnings.contains { $0.contains("too large") }, "\(rendered.warnings)")
        // Other tests run in parallel in this process, and what they print
        // while stderr points at the file lands there too: look for Graphviz's
        // words, not for an empty file.
        let printed = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!printed.contains("too large") && !printed.contains("cairo"), "Graphviz wrote to stderr: \(printed)")
    }

    // Defect 3: a second context read a font name freed with the first (ASan: `make sanitize`).
    @Test func repeatedRendersInOneProcessAgree() throws {
        // A named graph, as dpflow writes (an anonymous one gets a process-wide counter as its name).
        let dot = "digraph t { subgraph cluster_a { label=A; x } subgraph cluster_b { label=B; y } x -> y [label=\"flow\"] }"
        let first = try GraphvizRenderer.render(dot: dot, format: .svg)
        for format in [GraphvizRenderer.Format.png, .pdf, .svg, .png] { #expect(!(try GraphvizRenderer.render(dot: dot, format: format)).isEmpty) }
        #expect(try GraphvizRenderer.render(dot: dot, format: .svg) == first)
    }

    // Defect 12: cluster order followed the addresses of interned names (varied under TSan).
    @Test func clusterOrderFollowsTheDOTText() throws {
        // Names of different lengths land in different allocator size classes.
        let names = (0..<40).map { i in "cluster_" + String(repeating: "n", count: (i * 7) % 23) + "\(i)" }
        let dot = "digraph {\n" + names.enumerated().map { "  subgraph \($0.element) { label=\"c\($0.offset)\"; v\($0.offset) }\n" }.joined() + "}\n"
        let svg = String(decoding: try GraphvizRenderer.render(dot: dot, format: .svg), as: UTF8.self)
        let titles = svg.components(separatedBy: "<title>").dropFirst().compactMap { $0.components(separatedBy: "</title>").first }
        #expect(titles.filter { $0.hasPrefix("cluster_") } == names)
    }
}
