import DPFlowDepartment
import DPFlowDiagnostics
import DPFlowModel
import DPFlowRender
import DPFlowReport
import DPFlowReporters
import DPFlowRules
import Foundation

/// `dpflow map PATH...`: every programme and registry of a department
/// together: each programme's rules, the DM rules across programmes, and the
/// department's outputs in `Reports/department/` (or `-o DIR`).
public enum MapRunner {
    public static let outputNames = ["map.html", "map.json", "ropa.csv", "data-map.svg", "findings.json"]

    public struct Result: Sendable {
        public let loaded: DepartmentLoader.Loaded
        /// Every finding: the programmes' and registries' own, then the DM rules', sorted.
        public let findings: [Finding]
    }

    /// Loads and checks the department (no files written).
    public static func analyse(paths: [String], options: CheckOptions) async throws(EngineError) -> Result {
        let loaded = try await DepartmentLoader.load(paths: paths, options: options)
        let configuration = options.configuration
        var dm = DepartmentRuleRegistry.run(loaded.department) { configuration.isEnabled($0) }
        for i in dm.indices {
            if let s = configuration.severities[dm[i].rule] { dm[i].severity = s }
        }
        var findings = loaded.findings
        var seen = FindingSet(findings)
        for f in dm where seen.insert(f) { findings.append(f) }
        findings.sort(by: Finding.outputOrder)
        return Result(loaded: loaded, findings: findings)
    }

    public static func run(paths: [String], output: String?, options: CheckOptions) async throws(EngineError) -> CommandOutcome {
        let result = try await analyse(paths: paths, options: options)
        let folder = output ?? "Reports/department"
        var failures: [String] = []
        for (name, bytes) in outputs(result, options: options, failures: &failures) {
            do {
                try AtomicFile.write(bytes, to: (folder as NSString).appendingPathComponent(name))
            } catch {
                failures.append("\(name): \(error.message)")
            }
        }
        let report = FindingReport(files: result.loaded.files, findings: result.findings, rulesRun: [])
        var summary = summaryText(result, folder: folder)
        for f in failures { summary += "dpflow: could not write \(f)\n" }
        if !failures.isEmpty { return CommandOutcome(output: summary, exitCode: 2) }
        return CommandOutcome(output: summary, exitCode: report.fails(at: options.failOn.severity) ? 1 : 0)
    }

    /// The department's outputs, each built on its own: one that fails is
    /// named in `failures` and the others are still written.
    static func outputs(_ result: Result, options: CheckOptions, failures: inout [String]) -> [(String, [UInt8])] {
        let d = result.loaded.department
        var out: [(String, [UInt8])] = []
        let ran = RuleRegistry.descriptions.map(\.info.id).filter { options.configuration.isEnabled($0) }
            + DepartmentRuleRegistry.descriptions.map(\.info.id).filter { options.configuration.isEnabled($0) }
        let mapJSON = MapJSON.document(d, findings: result.findings).rendered()
        out.append(("map.json", Array(mapJSON.utf8)))
        out.append(("findings.json", Array(JSONReporter.render(FindingReport(files: result.loaded.files, findings: result.findings, rulesRun: ran)).utf8)))
        out.append(("ropa.csv", Array(ropa(d, options: options).utf8)))
        var svg: [UInt8]?
        do {
            svg = try GraphvizRenderer.render(dot: DataMapDOT.dot(d), format: .svg, layoutEngine: DataMapDOT.layoutEngine(d))
        } catch {
            failures.append("data-map.svg: \(error.message)")
        }
        if let svg { out.append(("data-map.svg", svg)) }
        out.append(("map.html", Array(MapHTML.render(d, findings: result.findings, svg: svg.map { String(decoding: $0, as: UTF8.self) } ?? "").utf8)))
        return out
    }

    /// The department's Article 30 record: each programme's rows, one header.
    static func ropa(_ d: Department, options: CheckOptions) -> String {
        var out = ""
        for prog in d.programmes {
            let input = ReportInput(
                graph: prog.graph, findings: prog.findings, screening: ScreeningResult(graph: prog.graph, configuration: options.configuration),
                rulesRun: [], rulesOff: [], asOf: options.asOf, inputs: [], toolVersion: DPFlowTool.version, diagramSVG: "", diagramPNG: nil)
            let csv = RopaCSV.render(input)
            // The header line holds no quoted line break: it ends at the first CRLF.
            guard let end = csv.range(of: "\r\n") else { continue }
            if out.isEmpty { out += csv[..<end.upperBound] }
            out += csv[end.upperBound...]
        }
        return out.isEmpty ? RopaCSV.headers.joined(separator: ",") + "\r\n" : out
    }

    static func summaryText(_ r: Result, folder: String) -> String {
        let d = r.loaded.department
        let count = { (s: Severity) in r.findings.filter { $0.severity == s && !$0.excepted }.count }
        func n(_ k: Department.Kind) -> Int { d.entities(k).count }
        var out = "department map: \(d.programmes.count) programme\(d.programmes.count == 1 ? "" : "s"), \(d.registries.count) registr\(d.registries.count == 1 ? "y" : "ies"), "
        out += "\(n(.parties)) parties, \(n(.systems)) systems, \(n(.subjects)) subject groups, \(n(.data)) data categories, "
        out += "\(d.programmes.reduce(0) { $0 + $1.model.flows.count }) flows\n"
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        out += "findings: \(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(count(.info)) info"
        let dm = r.findings.filter { $0.rule.hasPrefix("DM") && !$0.excepted }
        let byRule = Dictionary(grouping: dm, by: \.rule)
        let perRule = byRule.keys.sorted().map { rule in "\(rule) x\(byRule[rule]?.count ?? 0)" }
        out += " (\(dm.count) across programmes\(perRule.isEmpty ? "" : ": " + perRule.joined(separator: ", ")))\n"
        out += "wrote \(outputNames.map { (folder as NSString).appendingPathComponent($0) }.joined(separator: ", "))\n"
        return out
    }
}

/// `dpflow where PATH... --subject|--data|--system|--party ID`.
public enum WhereRunner {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, csv
    }

    public static func run(paths: [String], target: WhereQuery.Target, format: Format, options: CheckOptions) async throws(EngineError) -> CommandOutcome {
        let loaded = try await DepartmentLoader.load(paths: paths, options: options, rules: false)
        let query: WhereQuery
        do {
            query = try WhereQuery(loaded.department, target)
        } catch {
            switch error {
            case .unknown(let message): throw EngineError(message)
            }
        }
        let text: String
        switch format {
        case .text: text = WhereWriter.text(query)
        case .json: text = WhereWriter.json(query)
        case .csv: text = WhereWriter.csv(query)
        }
        return CommandOutcome(output: text, exitCode: 0)
    }
}
