import DPFlowDiagnostics
import DPFlowModel

/// TR004: an Article 49 derogation used for regular transfers, or explicit consent by a public authority.
struct DerogationMisuse: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR004", name: "derogation-misuse", severity: .warning, area: .transfers),
        law: "UK GDPR Article 49; ICO: derogations suit occasional transfers, and explicit consent does not apply to public authorities exercising public powers",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
        triggers: "An Article 49 derogation on a flow whose `frequency` is not one-off or occasional (or is not stated); `derogation-explicit-consent` relied on by a public authority.",
        fix: "Use adequacy or an Article 46 safeguard for regular transfers; state `frequency: occasional` or `one-off` where that is true.",
        triggering: [
            RuleExample(
                "Daily transfers on a public-interest derogation",
                flows: RuleExample.baseFlows + "\n  to-embassy: {from: crm, to: embassy, data: [contact], purpose: support, encrypted: true, frequency: daily, agreement: MoU-1, transfer: {mechanism: derogation-public-interest}}",
                partiesExtra: "  mission: {name: Example Embassy, type: public-authority, role: controller, country: IN}",
                systemsExtra: "  embassy: {name: Consular records, party: mission, location: IN, retention: {contact: {period: P1Y, from: received, basis: Consular policy, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "An occasional transfer on a public-interest derogation",
                flows: RuleExample.baseFlows + "\n  to-embassy: {from: crm, to: embassy, data: [contact], purpose: support, encrypted: true, frequency: occasional, agreement: MoU-1, transfer: {mechanism: derogation-public-interest}}",
                partiesExtra: "  mission: {name: Example Embassy, type: public-authority, role: controller, country: IN}",
                systemsExtra: "  embassy: {name: Consular records, party: mission, location: IN, retention: {contact: {period: P1Y, from: received, basis: Consular policy, disposal: delete}}}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        guard let m = context.model.flows[f].transfer?.mechanism, TransferMechanisms.basis(of: m.value) == .derogation else { return }
        let flow = context.model.flows[f]
        if let freq = flow.frequency?.value {
            if !TransferMechanisms.occasionalFrequencies.contains(freq) {
                findings.add(
                    at: flow.frequency?.mark ?? m.mark, path: flow.path,
                    "flow '\(flow.id)' relies on \(m.value.rawValue), an Article 49 derogation, for \(freq.rawValue) transfers; derogations suit occasional transfers only")
            }
        } else {
            findings.add(
                at: m.mark, path: flow.path,
                "flow '\(flow.id)' relies on \(m.value.rawValue), an Article 49 derogation, but does not state that it is one-off or occasional")
        }
        if m.value == .derogationExplicitConsent, context.actsAsPublicAuthority(node: context.graph.flowFrom[f]) {
            findings.add(
                at: m.mark, path: flow.path,
                "flow '\(flow.id)' relies on explicit consent for a transfer by public authority '\(context.party(ofNode: context.graph.flowFrom[f])?.id ?? "?")'; it does not apply to public powers")
        }
    }
}
