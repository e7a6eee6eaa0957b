import CGraphviz
import Foundation

/// Renders DOT in-process through Graphviz's libgvc: agmemread, gvLayout and
/// gvRenderData, with every matching free.
///
/// - One Graphviz context for the whole process, made on first use and never
///   freed: with a context per render, the pango plugin read a font name freed
///   with the previous context (a use-after-free that AddressSanitizer showed
///   on every second render).
/// - Graphviz keeps global state and is not thread-safe, so every call goes
///   through one lock.
/// - Nothing Graphviz says reaches stderr raw: its error callback (agseterrf,
///   at warning level) collects messages, and the plugins' own writes to
///   stderr (such as "graph is too large for cairo-renderer bitmaps") are
///   caught by pointing file descriptor 2 at an anonymous temporary file for
///   the duration of the call. Both come back as `warnings` (or in the
///   `RenderError`), for the caller to sanitise and show as its own messages.
public enum GraphvizRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, pdf
    }

    public struct RenderError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// A rendering and what Graphviz said while making it.
    public struct Rendered: Sendable {
        public let bytes: [UInt8]
        public let warnings: [String]
    }

    private static let lock = NSLock()
    /// Written only by the error callback, under `lock`.
    nonisolated(unsafe) private static var messages: [String] = []
    /// The process's one context, made under `lock` on first use.
    nonisolated(unsafe) private static var sharedContext: GVContext?

    public static func render(dot: String, format: Format, layoutEngine: String = "dot") throws(RenderError) -> [UInt8] {
        try renderCapturing(dot: dot, format: format, layoutEngine: layoutEngine).bytes
    }

    public static func renderCapturing(dot: String, format: Format, layoutEngine: String = "dot") throws(RenderError) -> Rendered {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        agseterr(AGWARN)
        let previous = agseterrf { text in
            if let text { GraphvizRenderer.messages.append(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        defer { agseterrf(previous) }
        let capture = StderrCapture()
        let result = Result { () throws(RenderError) -> [UInt8] in
            if sharedContext == nil { sharedContext = GVContext() }
            guard let context = sharedContext else { throw failure("Graphviz could not create a context") }
            guard let graph = CGraph(dot: dot) else { throw failure("Graphviz could not read the diagram") }
            guard let layout = GVLayout(context: context, graph: graph, engine: layoutEngine) else {
                throw failure("Graphviz could not lay out the diagram")
            }
            guard let bytes = layout.render(format: format.rawValue) else {
                throw failure("Graphviz could not render \(format.rawValue)")
            }
            return bytes
        }
        let printed = capture.finish()
        let warnings = (messages + printed).filter { !$0.isEmpty }
        switch result {
        case .success(let bytes): return Rendered(bytes: bytes, warnings: warnings)
        case .failure(let error):
            let extra = printed.filter { !$0.isEmpty }.joined(separator: "; ")
            throw RenderError(message: extra.isEmpty ? error.message : "\(error.message); \(extra)")
        }
    }

    private static func failure(_ summary: String) -> RenderError {
        let detail = messages.filter { !$0.isEmpty }.joined(separator: "; ")
        return RenderError(message: detail.isEmpty ? summary : "\(summary): \(detail)")
    }
}

/// Points file descriptor 2 at an anonymous temporary file until `finish`,
/// which restores it and returns the lines written meanwhile. Used only under
/// the renderer's lock.
final class StderrCapture {
    private let saved: Int32
    private let file: UnsafeMutablePointer<FILE>?

    init() {
        fflush(nil)  // every stream, stderr among them
        file = tmpfile()
        saved = file == nil ? -1 : dup(STDERR_FILENO)
        if let file, saved >= 0 { dup2(fileno(file), STDERR_FILENO) }
    }

    func finish() -> [String] {
        guard let file, saved >= 0 else { return [] }
        fflush(nil)  // every stream, stderr among them
        dup2(saved, STDERR_FILENO)
        close(saved)
        defer { fclose(file) }
        let size = Int(lseek(fileno(file), 0, SEEK_END))
        guard size > 0 else { return [] }
        // At most 64 KB of it: a plugin cannot flood the output.
        var bytes = [UInt8](repeating: 0, count: min(size, 64 << 10))
        let n = bytes.withUnsafeMutableBytes { pread(fileno(file), $0.baseAddress, $0.count, 0) }
        return String(decoding: bytes.prefix(max(0, n)), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
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

    /// Read with `OrderedArena.discipline`, so that the order of clusters
    /// does not depend on the system allocator (see OrderedArena).
    init?(dot: String) {
        let bytes = Array(dot.utf8)
        guard !bytes.isEmpty else { return nil }
        let read: UnsafeMutablePointer<Agraph_t>? = bytes.withUnsafeBytes { raw in
            guard let file = fmemopen(UnsafeMutableRawPointer(mutating: raw.baseAddress), raw.count, "r") else { return nil }
            defer { fclose(file) }
            return agread(file, OrderedArena.discipline)
        }
        guard let read else { return nil }
        pointer = read
    }

    deinit { agclose(pointer) }
}

/// Graphviz's memory discipline for the graphs dpflow reads: a bump arena in
/// one reserved range of address space, so that successive allocations have
/// increasing addresses.
///
/// Why: cgraph identifies a named subgraph by the address of its interned name
/// and keeps subgraphs ordered by that identifier, and dot emits clusters in
/// that order. With glibc's malloc successive names happen to get increasing
/// addresses, but under another allocator (ThreadSanitizer's, jemalloc, ...)
/// the SVG's cluster order changed from run to run. From the arena, names
/// interned in the order they appear in the DOT text get increasing addresses
/// on every allocator, and the output is byte-identical.
///
/// Freeing is a no-op; the whole range is returned when the graph is closed.
/// If the range cannot be reserved (a `ulimit -v`), Graphviz's own discipline
/// is used.
enum OrderedArena {
    /// 4 GiB of address space, reserved not committed: pages cost memory only
    /// when touched.
    static let reserve = 4 << 30

    struct State {
        var base: UnsafeMutableRawPointer
        var used: Int
    }

    nonisolated(unsafe) static let memory: UnsafeMutablePointer<Agmemdisc_t> = {
        let m = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        m.initialize(to: Agmemdisc_t(
            open: { _ in
                let base = mmap(nil, OrderedArena.reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
                guard let base, base != MAP_FAILED else { return nil }
                let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
                state.initialize(to: State(base: base, used: 0))
                return UnsafeMutableRawPointer(state)
            },
            alloc: { state, size in
                guard let state else { return nil }
                return OrderedArena.take(state.assumingMemoryBound(to: State.self), size)
            },
            resize: { state, old, oldSize, size in
                guard let state else { return nil }
                // Memory from the arena is zeroed (fresh anonymous pages); copy the old part.
                guard let fresh = OrderedArena.take(state.assumingMemoryBound(to: State.self), size) else { return nil }
                if let old { fresh.copyMemory(from: old, byteCount: min(oldSize, size)) }
                return fresh
            },
            free: { _, _ in },
            close: { state in
                guard let state else { return }
                let s = state.assumingMemoryBound(to: State.self)
                munmap(s.pointee.base, OrderedArena.reserve)
                s.deinitialize(count: 1)
                s.deallocate()
            }))
        return m
    }()

    static func take(_ state: UnsafeMutablePointer<State>, _ size: Int) -> UnsafeMutableRawPointer? {
        let start = (state.pointee.used + 15) & ~15
        guard size >= 0, start + size <= reserve else { return nil }
        state.pointee.used = start + max(size, 1)
        return state.pointee.base + start
    }

    /// The discipline for `agread`: the arena when address space can be
    /// reserved, else Graphviz's default memory discipline.
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agdisc_t> = {
        let probe = mmap(nil, reserve, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        let usable = probe != nil && probe != MAP_FAILED
        if usable { munmap(probe, reserve) }
        let d = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        d.initialize(to: Agdisc_t(
            mem: usable ? memory : dpflow_default_mem_disc(),
            id: dpflow_default_id_disc(),
            io: dpflow_default_io_disc()))
        return d
    }()
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
