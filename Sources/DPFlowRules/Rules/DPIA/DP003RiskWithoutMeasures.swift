import DPFlowModel
import DPFlowDiagnostics

/// DP003: a medium or high risk with no measures.
struct RiskWithoutMeasures: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "DP003", name: "risk-without-measures", severity: .warning, area: .dpia),
        law: "UK GDPR Article 35(7)(d): the measures envisaged to address the risks; ICO DPIA template step 6",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/how-do-we-do-a-dpia/",
        triggers: "A declared risk whose overall risk (likelihood x severity) is medium or high and which lists no measures.",
        fix: "Add the measures that reduce or eliminate the risk, each with its effect and owner; accept it explicitly with effect: accepted where nothing more can be done.",
        triggering: [
            RuleExample(
                "A possible, significant risk with no measures",
                risks: "  breach: {description: Residents' details exposed, likelihood: possible, severity: significant}")
        ],
        nonTriggering: [
            RuleExample(
                "A low risk needs none",
                risks: "  typo: {description: A misspelt name, likelihood: possible, severity: minimal}"),
            RuleExample(
                "The medium risk has a measure",
                risks: "  breach:\n    description: Residents' details exposed\n    likelihood: possible\n    severity: significant\n    measures: [{description: Role-based access, effect: reduced, owner: IG lead}]"),
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for risk in context.model.risks where risk.measures.isEmpty {
            guard let level = risk.level, level >= .medium else { continue }
            findings.add(at: risk.mark, path: risk.path, "risk '\(risk.id)' is \(level.rawValue) and lists no measures")
        }
    }
}
