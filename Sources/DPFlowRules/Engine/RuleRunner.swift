import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// What running the rules on one programme gives.
public struct RuleRunResult: Sendable {
    /// Every finding: the load findings given in, the rules', and the
    /// exceptions' verdicts, with severities as configured.
    public var findings: [Finding]
    public var screening: ScreeningResult?
    /// Rule ids that ran, and those switched off by the configuration.
    public var rulesRun: [String]
    public var rulesOff: [String]
}

public enum RuleRunner {
    /// Runs every enabled rule on a programme's graph, applies the
    /// configuration's severities, then the file's exceptions.
    public static func run(
        graph: FlowGraph?, loadFindings: [Finding], configuration: RuleConfiguration = .standard, asOf: CalendarDate
    ) -> RuleRunResult {
        let all = RuleRegistry.rules
        let off = all.map { $0.description.info.id }.filter { !configuration.isEnabled($0) }
        var findings = loadFindings.filter { configuration.isEnabled($0.rule) }
        var screening: ScreeningResult?
        if let graph {
            let context = RuleContext(graph: graph, configuration: configuration, asOf: asOf)
            screening = context.screening
            for rule in all where configuration.isEnabled(rule.description.info.id) {
                var sink = RuleFindings(description: rule.description, file: graph.model.file, model: graph.model)
                rule.init().check(context, into: &sink)
                findings += sink.findings
            }
        }
        for i in findings.indices {
            if let s = configuration.severities[findings[i].rule] { findings[i].severity = s }
        }
        if let model = graph?.model {
            findings = ExceptionApplier.apply(model.exceptions, to: findings, file: model.file, asOf: asOf, configuration: configuration)
        }
        let ran = all.map { $0.description.info.id }.filter { configuration.isEnabled($0) }
        return RuleRunResult(findings: findings, screening: screening, rulesRun: ran, rulesOff: off)
    }
}
