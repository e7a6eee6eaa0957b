import DPFlowDiagnostics
import DPFlowDiagram
import DPFlowReport
import DPFlowReporters
import DPFlowYAML
import Foundation

/// `dpflow report FILE [-o DIR] [--template DIR] [--as-of DATE]`: writes
/// `<DIR>/<name>/` (default `Reports/<name>/`): dpia.html, dpia.md, dpia.docx,
/// data-flows.dot, data-flows.svg (and data-flows-<party>.svg for each
/// organisation's systems when the whole does not fit a page), risk-matrix.svg, ropa.csv and findings.json.
/// The folder is written as a set (ReportFolder): built beside the old one and
/// swapped into place. One output failing does not stop the others, and makes
/// the exit status 2.
public enum ReportRunner {
    public static func run(
        file: String, outputRoot: String?, templateDir: String?, configFile: String?, options: CheckOptions
    ) throws(EngineError) -> CommandOutcome {
        let (analysis, graph) = try DiagramRunner.analyse(file, options: options)
        guard let screening = analysis.screening else { throw EngineError("cannot report on \(file): it does not load") }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        // Paths stay relative as given: no absolute paths of the machine in the output.
        var root = outputRoot ?? "Reports"
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        let folder = root + "/" + name
        // The set is built in a temporary folder beside this one from now on
        // (ReportFolder), and swapped in at the end.
        // The diagram's parts of an earlier run (data-flows-<part>.svg) are this
        // run's to replace or drop, never kept beside the new set.
        let set = try ReportFolder(folder: folder, alsoOurs: { $0.hasPrefix("data-flows-") && $0.hasSuffix(".svg") })

        var failures: [String] = []
        var outputs: [(String, [UInt8])] = []

        // The diagram, drawn once for the HTML, the DOCX and the companion files:
        // the most detailed view a page can hold readably (ReportDiagram).
        var view = DiagramOptions()
        view.asOf = options.asOf
        view.errorRules = DiagramRunner.errorRules(analysis.findings)
        view.warningRules = DiagramRunner.errorRules(analysis.findings, severity: .warning)
        let drawn = ReportDiagram.draw(graph: graph, view: view)
        failures += drawn.failures
        if let dot = drawn.dot {
            outputs.append(("data-flows.dot", Array(dot.text.utf8)))
            outputs.append(("data-flows.svg", drawn.svg))
        }
        // Each organisation's part beside it (data-flows-<party>.svg), when the whole does not fit a page.
        var parts: [ReportInput.DiagramPart] = []
        for part in drawn.parts {
            if !part.svg.isEmpty { outputs.append((part.file, part.svg)) }
            parts.append(ReportInput.DiagramPart(
                title: part.title, note: part.note,
                svg: part.svg.isEmpty ? "" : Self.prefixingIDs(Self.inlineSVG(String(decoding: part.svg, as: UTF8.self)),
                                                               with: String(part.file.dropLast(".svg".count))),
                file: part.svg.isEmpty ? "" : part.file, png: part.png))
        }
        let svg = Self.inlineSVG(String(decoding: drawn.svg, as: UTF8.self))
        let png = drawn.png

        // The programme file and every registry it includes (1.1).
        var inputs = graph.model.files.map { ReportInput.InputFile(path: $0, bytes: Self.bytes($0)) }
        if let configFile = options.configuration.source ?? configFile {
            inputs.append(ReportInput.InputFile(path: configFile, bytes: Self.bytes(configFile)))
        }
        let input = ReportInput(
            graph: graph, findings: analysis.findings, screening: screening, rulesRun: analysis.rulesRun,
            rulesOff: analysis.rulesOff, asOf: options.asOf, inputs: inputs, toolVersion: DPFlowTool.version,
            diagramSVG: svg, diagramPNG: png, diagramNote: drawn.note, diagramParts: parts)
        let document = DPIABuilder.build(input)
        let generator = "dpflow \(DPFlowTool.version)"

        let templates = try Self.templates(templateDir)
        do {
            outputs.append(("dpia.html", Array(try DocumentRenderer.html(document, template: templates.html, generator: generator).utf8)))
        } catch { failures.append("dpia.html: \(error.message)") }
        do {
            outputs.append(("dpia.md", Array(try DocumentRenderer.markdown(document, template: templates.markdown, generator: generator).utf8)))
        } catch { failures.append("dpia.md: \(error.message)") }
        do {
            outputs.append(("dpia.docx", try DocxWriter.docx(document, creator: generator)))
        } catch { failures.append("dpia.docx: \(error.message)") }
        outputs.append(("risk-matrix.svg", Array(DocumentRenderer.riskMatrixSVG(input).utf8)))
        outputs.append(("ropa.csv", Array(RopaCSV.render(input).utf8)))
        outputs.append(("findings.json", Array(JSONReporter.render(FindingReport(files: [file], findings: analysis.findings)).utf8)))

        let flowFile = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
        for (name, bytes) in outputs.sorted(by: { $0.0 < $1.0 }) {
            let path = folder + "/" + name
            if URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path == flowFile {
                failures.append("\(name): refusing to overwrite the flow file \(file)")
                continue
            }
            set.add(name, bytes)
        }
        // Written as one set: a reader sees the old report or the new, never a mix.
        let result = try set.commit()
        failures += result.failures
        let written = result.written
        if !failures.isEmpty {
            StandardStreams.writeError(failures.map { "dpflow: report output failed: \(TerminalText.visible($0))\n" }.joined())
        }
        return CommandOutcome(output: written.map { "wrote \($0)\n" }.joined(), exitCode: failures.isEmpty ? 0 : 2)
    }

    static func bytes(_ path: String) -> [UInt8] {
        (try? InputFile.contents(of: path)) ?? []
    }

    /// Graphviz's SVG without its XML prologue, for inlining in HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }

    /// Graphviz numbers its ids from 1 in every drawing (graph0, node1, clust1):
    /// in a page with several inline drawings each part's are prefixed, so no
    /// id appears twice. Its accessible title and description (dfd-...) are unique already.
    static func prefixingIDs(_ svg: String, with prefix: String) -> String {
        var out = ""
        var rest = Substring(svg)
        while let r = rest.range(of: " id=\"") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            if !rest.hasPrefix("dfd-") { out += prefix + "-" }
        }
        return out + rest
    }

    static func templates(_ dir: String?) throws(EngineError) -> (html: String, markdown: String) {
        guard let dir else { return (Templates.html, Templates.markdown) }
        func load(_ name: String, _ fallback: String) throws(EngineError) -> String {
            let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { return fallback }
            do {
                return String(decoding: try InputFile.contents(of: path), as: UTF8.self)
            } catch {
                throw EngineError("cannot read template \(TerminalText.visible(path)): \(error.message)")
            }
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw EngineError("no template folder \(dir)")
        }
        return (try load("dpia.html.mustache", Templates.html), try load("dpia.md.mustache", Templates.markdown))
    }
}
