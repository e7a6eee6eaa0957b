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
            findings += runEnabled(all.filter { configuration.isEnabled($0.description.info.id) }, context)
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

    /// Runs rules on one programme. Flow rules share one pass over the flows
    /// and retention rules one pass over the retention entries; the others run
    /// on their own. Findings come back rule by rule, in catalogue order.
    static func runEnabled(_ rules: [any Rule.Type], _ context: RuleContext) -> [Finding] {
        var byRule = [[Finding]](repeating: [], count: rules.count)
        var flowPass: [(rule: Int, runner: any FlowPassRunner)] = []
        var retentionPass: [(rule: Int, runner: any RetentionPassRunner)] = []
        for (i, type) in rules.enumerated() {
            let rule = type.init()
            if let runner = rule.flowPassRunner(context) {
                flowPass.append((i, runner))
            } else if let runner = rule.retentionPassRunner(context) {
                retentionPass.append((i, runner))
            } else {
                var sink = RuleFindings(description: type.description, file: context.file, model: context.model)
                rule.check(context, into: &sink)
                byRule[i] = sink.findings
            }
        }
        if !flowPass.isEmpty {
            let runners = flowPass.map(\.runner)
            for f in context.recordFlows {
                for runner in runners { runner.visit(flow: f, context) }
            }
            for (i, runner) in flowPass { byRule[i] = runner.finish(context) }
        }
        if !retentionPass.isEmpty {
            let runners = retentionPass.map(\.runner)
            RetentionPass.walk(context) { entry, s, d in
                for runner in runners { runner.visit(entry, system: s, data: d, context) }
            }
            for (i, runner) in retentionPass { byRule[i] = runner.findings }
        }
        return byRule.flatMap { $0 }
    }
}
