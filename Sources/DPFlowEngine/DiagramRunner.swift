import DPFlowDiagnostics
import DPFlowDiagram
import DPFlowGraph
import DPFlowModel
import DPFlowRender
import Foundation

/// The output formats of `dpflow diagram`.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case dot, svg, png, pdf
}

/// `dpflow diagram FILE` and `dpflow trace FILE --data ID`.
public enum DiagramRunner {
    /// Loads a flow file that must be drawable: one that does not load is exit 2.
    static func analyse(_ file: String, options: CheckOptions) throws(EngineError) -> (ProgrammeAnalysis, FlowGraph) {
        let analysis = try ProgrammeAnalysis.analyse(file: file, options: options)
        guard let graph = analysis.graph else {
            if analysis.model?.isRegistry == true {
                throw EngineError(
                    "\(TerminalText.visible(file)) is a registry, not a programme: draw, trace or report on a programme that includes it, or map the department (dpflow map)")
            }
            let first = analysis.findings.sorted(by: Finding.outputOrder).first
            let detail = first.map { ": \($0.file):\($0.line):\($0.column): [\($0.rule)] \($0.message)" } ?? ""
            throw EngineError("cannot draw \(file): it does not load\(detail)")
        }
        return (analysis, graph)
    }

    /// Flows with error findings, by flow id: what the diagram highlights.
    static func errorRules(_ findings: [Finding], severity: Severity = .error) -> [String: [String]] {
        var out: [String: Set<String>] = [:]
        for f in findings where f.severity == severity && !f.excepted && f.path.hasPrefix("flows.") {
            let id = String(f.path.dropFirst("flows.".count).prefix { $0 != "." })
            out[id, default: []].insert(f.rule)
        }
        return out.mapValues { $0.sorted() }
    }

    public static func dot(file: String, view: DiagramOptions, options: CheckOptions) throws(EngineError) -> DOTDiagram {
        let (analysis, graph) = try analyse(file, options: options)
        var view = view
        view.asOf = options.asOf
        view.errorRules = errorRules(analysis.findings)
        view.warningRules = errorRules(analysis.findings, severity: .warning)
        do {
            return try DOTGenerator.diagram(graph: graph, options: view)
        } catch {
            throw EngineError(error.message)
        }
    }

    /// The SVG as one accessible image: a title and description of what it shows, no internal ids read aloud.
    static func accessible(_ svg: [UInt8], graph: FlowGraph, view: DiagramOptions, what: String? = nil, idPrefix: String = "dfd") -> [UInt8] {
        let name = graph.model.programme.name?.value ?? "the programme"
        let title = "Data-flow diagram of \(name)" + (what.map { " (\($0))" } ?? "")
        return Array(AccessibleSVG.make(String(decoding: svg, as: UTF8.self), title: title,
                                        description: AccessibleSVG.description(graph: graph, options: view), idPrefix: idPrefix).utf8)
    }

    public static func render(_ diagram: DOTDiagram, format: DiagramFormat) throws(EngineError) -> [UInt8] {
        guard let rendered = GraphvizRenderer.Format(rawValue: format.rawValue) else { return Array(diagram.text.utf8) }
        do {
            let result = try GraphvizRenderer.renderCapturing(dot: diagram.text, format: rendered, layoutEngine: diagram.engine)
            // Graphviz's own words, never raw: one sanitised line each.
            for warning in Set(result.warnings).sorted() {
                StandardStreams.writeError("dpflow: Graphviz: \(TerminalText.visible(warning))\n")
            }
            return result.bytes
        } catch {
            throw EngineError("rendering failed: \(TerminalText.visible(error.message))")
        }
    }

    public static func run(
        file: String, format: DiagramFormat, output: String?, view: DiagramOptions, options: CheckOptions
    ) throws(EngineError) -> CommandOutcome {
        let (analysis, graph) = try analyse(file, options: options)
        var view = view
        view.asOf = options.asOf
        view.errorRules = errorRules(analysis.findings)
        view.warningRules = errorRules(analysis.findings, severity: .warning)
        let diagram: DOTDiagram
        do { diagram = try DOTGenerator.diagram(graph: graph, options: view) } catch { throw EngineError(error.message) }
        var bytes = try render(diagram, format: format)
        if format == .svg { bytes = accessible(bytes, graph: graph, view: view) }
        if let output {
            try AtomicFile.write(bytes, to: output)
            return CommandOutcome(output: "", exitCode: 0)
        }
        return format == .dot || format == .svg
            ? CommandOutcome(output: String(decoding: bytes, as: UTF8.self), exitCode: 0)
            : CommandOutcome(output: "", exitCode: 0, binary: bytes)
    }

    public static func trace(file: String, data: String, format: CatalogueFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let (_, graph) = try analyse(file, options: options)
        do {
            let trace = try LineageTrace(graph: graph, data: data)
            return CommandOutcome(output: format == .json ? TraceReporter.json(trace) : TraceReporter.text(trace), exitCode: 0)
        } catch {
            throw EngineError(error.message)
        }
    }
}
