import CGraphviz
import Foundation

/// Renders DOT in-process through Graphviz's libgvc: gvContext, agmemread,
/// gvLayout and gvRenderData, with every matching free. Graphviz keeps global
/// state and is not thread-safe, so every call goes through one lock; its
/// error messages are captured (agseterrf) and returned as a `RenderError`,
/// never printed to stderr.
public enum GraphvizRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, pdf
    }

    public struct RenderError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private static let lock = NSLock()
    /// Written only by the error callback, under `lock`.
    nonisolated(unsafe) private static var messages: [String] = []

    public static func render(dot: String, format: Format, layoutEngine: String = "dot") throws(RenderError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        agseterr(AGERR)
        let previous = agseterrf { text in
            if let text { GraphvizRenderer.messages.append(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        defer { agseterrf(previous) }

        guard let context = GVContext() else { throw failure("Graphviz could not create a context") }
        guard let graph = CGraph(dot: dot) else { throw failure("Graphviz could not read the diagram") }
        guard let layout = GVLayout(context: context, graph: graph, engine: layoutEngine) else {
            throw failure("Graphviz could not lay out the diagram")
        }
        guard let bytes = layout.render(format: format.rawValue) else {
            throw failure("Graphviz could not render \(format.rawValue)")
        }
        return bytes
    }

    private static func failure(_ summary: String) -> RenderError {
        let detail = messages.filter { !$0.isEmpty }.joined(separator: "; ")
        return RenderError(message: detail.isEmpty ? summary : "\(summary): \(detail)")
    }
}

/// Owns a `GVC_t`: freed with gvFreeContext.
final class GVContext {
    let pointer: OpaquePointer

    init?() {
        guard let p = gvContext() else { return nil }
        pointer = p
    }

    deinit { gvFreeContext(pointer) }
}

/// Owns an `Agraph_t` read from DOT text: closed with agclose.
final class CGraph {
    let pointer: UnsafeMutablePointer<Agraph_t>

    init?(dot: String) {
        guard let p = dot.withCString({ agmemread($0) }) else { return nil }
        pointer = p
    }

    deinit { agclose(pointer) }
}

/// Owns a layout of a graph in a context: freed with gvFreeLayout before the
/// graph and context it keeps alive.
final class GVLayout {
    let context: GVContext
    let graph: CGraph

    init?(context: GVContext, graph: CGraph, engine: String) {
        self.context = context
        self.graph = graph
        guard gvLayout(context.pointer, graph.pointer, engine) == 0 else { return nil }
    }

    deinit { gvFreeLayout(context.pointer, graph.pointer) }

    /// Renders into memory; the buffer Graphviz allocates is copied and freed.
    func render(format: String) -> [UInt8]? {
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context.pointer, graph.pointer, format, &data, &length) == 0, let data else { return nil }
        defer { gvFreeRenderData(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }
}
