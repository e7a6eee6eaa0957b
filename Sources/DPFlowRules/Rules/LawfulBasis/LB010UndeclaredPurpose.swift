import DPFlowModel
import DPFlowDiagnostics

/// LB010: a flow's purpose is not declared.
struct UndeclaredPurpose: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB010", name: "undeclared-purpose", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 5(1)(b) purpose limitation: purposes are specified, explicit and legitimate",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/purpose-limitation/",
        triggers: "A flow whose `purpose` is not declared under `programme.purposes`.",
        fix: "Declare the purpose, with its lawful basis, under programme.purposes, or correct the flow's purpose.",
        triggering: [
            RuleExample(
                "A flow for an undeclared purpose",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: suport, notice: https://example.gov.uk/privacy, encrypted: true}")
        ],
        nonTriggering: [RuleExample("The flow's purpose is declared")])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        // The graph resolved each flow's purpose once: -1 is none, or one not declared.
        guard context.graph.flowPurpose[f] < 0, let p = context.model.flows[f].purpose else { return }
        let declared = context.model.programme.purposes.map(\.id)
        let flow = context.model.flows[f]
        findings.add(
            at: p.mark, path: flow.path,
            "flow '\(flow.id)' is for purpose '\(p.value)', which programme.purposes does not declare\(Suggestions.didYouMean(p.value, in: declared))")
    }
}
