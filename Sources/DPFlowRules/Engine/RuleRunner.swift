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
        var flowRules: [Int] = []
        var flowPass: [any FlowPassRunner] = []
        var retentionRules: [(rule: Int, check: any RetentionRule)] = []
        for (i, type) in rules.enumerated() {
            if let flowRule = type.init() as? any FlowRule {
                flowRules.append(i)
                flowPass.append(makeRunner(flowRule, context))
            } else if let retentionRule = type.init() as? any RetentionRule {
                retentionRules.append((i, retentionRule))
            } else {
                var sink = RuleFindings(description: type.description, file: context.file, model: context.model)
                type.init().check(context, into: &sink)
                byRule[i] = sink.findings
            }
        }
        if !flowPass.isEmpty {
            for f in context.recordFlows {
                for runner in flowPass { runner.visit(flow: f, context) }
            }
            for (r, runner) in zip(flowRules, flowPass) { byRule[r] = runner.finish(context) }
        }
        if !retentionRules.isEmpty {
            let runners = retentionRules.map { RetentionPassEntry($0.check, context) }
            RetentionPass.walk(context) { entry, s, d in
                for runner in runners { runner.visit(entry, system: s, data: d, context) }
            }
            for (r, runner) in zip(retentionRules, runners) { byRule[r.rule] = runner.sink.findings }
        }
        return byRule.flatMap { $0 }
    }

    private static func makeRunner<R: FlowRule>(_ rule: R, _ context: RuleContext) -> any FlowPassRunner {
        FlowPassEntry(rule, context)
    }
}
