import DPFlowDiagram
import DPFlowEngine
import DPFlowModel
import DPFlowRender
import Foundation
import Testing

/// Generated programmes (bench/generate.py) of 20, 200 and 1,000 systems
/// render through libgvc without Graphviz errors.
@Suite("Large diagrams", .serialized)
struct LargeDiagramTests {
    static func generated(flows: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("bench/generate.py").path, String(flows)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [(100, DiagramOptions.Level.systems), (1000, .systems), (5000, .systems), (5000, .parties)])
    func rendersWithoutGraphvizErrors(flows: Int, level: DiagramOptions.Level) throws {
        let g = try graph(try Self.generated(flows: flows))
        #expect(g.model.systems.count == flows / 5)
        var o = options()
        o.level = level
        let diagram = try DOTGenerator.diagram(graph: g, options: o)
        let svg = try GraphvizRenderer.render(dot: diagram.text, format: .svg, layoutEngine: diagram.engine)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains(level == .systems ? "System \(flows / 5 - 1)" : "Public body"))
    }
    /// What bounds the layout of a large systems view, each from its threshold
    /// and not before (the times are in docs/performance.md; nothing here is
    /// timed): dot's searches are bounded from 60 lines, edge labels are left
    /// out past 150 (straight lines, a note in the title), and past 400 lines
    /// the layout is sfdp. Below 60 a small programme's DOT has none of them.
    @Test(arguments: [59, 60, 150, 151, 400, 401])
    func largeGraphAttributesApplyFromTheirThresholdsOnly(flows: Int) throws {
        let g = try graph(try Self.generated(flows: flows))
        #expect(g.model.flows.count == flows)
        let diagram = try DOTGenerator.diagram(graph: g, options: options())
        let header = try #require(diagram.text.split(separator: "\n").first { $0.hasPrefix("  graph [") })
        #expect(header.contains("mclimit=0.1, nslimit=1, nslimit1=1, searchsize=10, remincross=false") == (flows >= 60), "\(flows): \(header)")
        #expect(header.contains("splines=line") == (flows > 150), "\(flows): \(header)")
        #expect(diagram.text.contains("\(flows) flows: labels left out") == (flows > 150))
        #expect(diagram.text.contains("label=<data ") == (flows <= 150), "\(flows): lines labelled up to 150")
        #expect(header.contains("layout=sfdp") == (flows > 400), "\(flows): \(header)")
        #expect(diagram.engine == (flows > 400 ? "sfdp" : "dot"))
    }
}
