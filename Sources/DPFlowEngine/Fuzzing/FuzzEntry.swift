import DPFlowDiagnostics
import DPFlowDiagram
import DPFlowModel
import DPFlowReport
import DPFlowReporters
import DPFlowRules

/// The one entry point the fuzzer and the corpus regression test share: takes
/// arbitrary bytes as a flow file through everything that does not need an
/// image renderer: load, model, graph, rules, every `check` format, the DOT
/// diagram (all levels), a lineage trace, and the report's document model
/// (HTML, Markdown, DOCX, risk-matrix SVG, Article 30 CSV). The same bytes are
/// also read as a configuration file. Graphviz rendering is left out: it is a
/// system library, exercised by `make sanitize`.
///
/// Returns a summary (for tests); any crash, hang or unbounded allocation is
/// the bug the fuzzer looks for.
public enum FuzzEntry {
    public struct Summary: Sendable {
        public var findings = 0
        public var loaded = false
        public var outputBytes = 0
    }

    public static let asOf = CalendarDate(year: 2026, month: 11, day: 29) ?? .unixEpoch

    @discardableResult
    public static func run(_ bytes: [UInt8]) -> Summary {
        var summary = Summary()
        let file = "fuzz.yaml"
        // The bytes as a configuration file: an error is a value, never a crash.
        _ = try? ConfigurationLoader.load(bytes: bytes, file: ".dpflow.yaml")

        let loaded = ProgrammeLoader.load(bytes: bytes, file: file)
        let result = RuleRunner.run(graph: loaded.graph, loadFindings: loaded.findings, asOf: asOf)
        let findings = FindingCap.apply(result.findings, limit: FindingCap.defaultLimit)
        summary.findings = findings.findings.count
        let report = FindingReport(files: [file], findings: findings.findings, rulesRun: result.rulesRun)
        for text in [
            TextReporter.render(report), TextReporter.render(report, color: true), JSONReporter.render(report),
            SARIFReporter.render(report), JUnitReporter.render(report), GitHubReporter.render(report),
        ] {
            summary.outputBytes += text.utf8.count
        }
        guard let graph = loaded.graph, let screening = result.screening else { return summary }
        summary.loaded = true

        for level in DiagramOptions.Level.allCases {
            var view = DiagramOptions()
            view.level = level
            view.asOf = asOf
            if let diagram = try? DOTGenerator.diagram(graph: graph, options: view) { summary.outputBytes += diagram.text.utf8.count }
        }
        if let first = graph.model.data.first {
            var view = DiagramOptions()
            view.data = first.id
            if let diagram = try? DOTGenerator.diagram(graph: graph, options: view) { summary.outputBytes += diagram.text.utf8.count }
            if let trace = try? LineageTrace(graph: graph, data: first.id, limit: 50) {
                summary.outputBytes += TraceReporter.text(trace).utf8.count + TraceReporter.json(trace).utf8.count
            }
        }
        if let first = graph.model.systems.first {
            var view = DiagramOptions()
            view.focus = first.id
            if let diagram = try? DOTGenerator.diagram(graph: graph, options: view) { summary.outputBytes += diagram.text.utf8.count }
        }

        let input = ReportInput(
            graph: graph, findings: findings.findings, screening: screening, rulesRun: result.rulesRun, rulesOff: result.rulesOff,
            asOf: asOf, inputs: [ReportInput.InputFile(path: file, bytes: bytes)], toolVersion: DPFlowTool.version,
            diagramSVG: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", diagramPNG: nil)
        let document = DPIABuilder.build(input)
        if let html = try? DocumentRenderer.html(document, generator: "dpflow fuzz") { summary.outputBytes += html.utf8.count }
        if let md = try? DocumentRenderer.markdown(document, generator: "dpflow fuzz") { summary.outputBytes += md.utf8.count }
        if let docx = try? DocxWriter.docx(document, creator: "dpflow fuzz") { summary.outputBytes += docx.count }
        summary.outputBytes += DocumentRenderer.riskMatrixSVG(input).utf8.count + RopaCSV.render(input).utf8.count
        return summary
    }
}
