import DPFlowModel
import DPFlowDiagnostics

/// DP002: high residual risk with no prior consultation of the ICO.
struct PriorConsultationRequired: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "DP002", name: "prior-consultation-required", severity: .error, area: .dpia),
        law: "UK GDPR Article 36(1): consult the ICO before processing when a DPIA shows high risk that measures do not reduce",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/do-we-need-to-consult-the-ico/",
        triggers: "A risk whose residual overall risk (likelihood x severity; the inherent risk where no residual is given) is high, and `programme.dpia.prior-consultation` is absent.",
        fix: "Reduce the risk with further measures, or consult the ICO and record the reference in programme.dpia.prior-consultation.",
        triggering: [
            RuleExample(
                "A probable, severe risk remains",
                risks: "  breach:\n    description: Residents' details exposed\n    likelihood: probable\n    severity: severe\n    measures: [{description: Staff training, effect: accepted}]\n    residual: {likelihood: probable, severity: severe}")
        ],
        nonTriggering: [
            RuleExample(
                "Measures bring it down to medium",
                risks: "  breach:\n    description: Residents' details exposed\n    likelihood: probable\n    severity: severe\n    measures: [{description: Encryption and access control, effect: reduced}]\n    residual: {likelihood: remote, severity: severe}")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        guard (context.model.programme.dpia?.priorConsultation?.value ?? "").isEmpty else { return }
        for risk in context.model.risks {
            let level = risk.residual?.level ?? (risk.residual == nil ? risk.level : nil)
            guard level == .high else { continue }
            findings.add(
                at: risk.residual?.mark ?? risk.mark, path: risk.path,
                "risk '\(risk.id)' remains high\(risk.residual == nil ? " (no residual risk is given)" : " after its measures"), and the ICO has not been consulted")
        }
    }
}
