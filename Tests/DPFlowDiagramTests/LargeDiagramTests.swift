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
}
