import DPFlowModel
import DPFlowDiagnostics

/// TR006: data shared between controllers with no sharing agreement.
struct MissingSharingAgreement: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR006", name: "missing-sharing-agreement", severity: .warning, area: .transfers),
        law: "ICO data sharing code of practice (DPA 2018 s121); UK GDPR Article 26 for joint controllers",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/",
        triggers: "A flow between systems of two different controllers (for a processor's system, the controllers it acts for; for a system with its own `role`, that role's) with no `agreement`. Flows between two systems outside the programme's record are not judged.",
        fix: "Agree a data sharing agreement (or MoU between government bodies) and give its reference in `agreement`.",
        triggering: [
            RuleExample(
                "A council shares with the police without an agreement",
                flows: RuleExample.baseFlows + "\n  to-police: {from: crm, to: police-records, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  police: {name: A Police Force, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: "  police-records: {name: Police records, party: police, location: GB-ENG, retention: {contact: {period: P2Y, from: received, basis: MoPI, disposal: review}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The same share under an information sharing agreement",
                flows: RuleExample.baseFlows + "\n  to-police: {from: crm, to: police-records, data: [contact], purpose: support, encrypted: true, agreement: ISA-2026-04}",
                partiesExtra: "  police: {name: A Police Force, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: "  police-records: {name: Police records, party: police, location: GB-ENG, retention: {contact: {period: P2Y, from: received, basis: MoPI, disposal: review}}}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        guard (context.model.flows[f].agreement?.value ?? "").isEmpty else { return }
        let flow = context.model.flows[f]
        let from = context.controllers(ofNode: context.graph.flowFrom[f])
        let to = context.controllers(ofNode: context.graph.flowTo[f])
        guard !from.isEmpty, !to.isEmpty else { return }
        let newControllers = to.filter { !from.contains($0) }
        guard !newControllers.isEmpty else { return }
        let names = { (ids: [Int]) in ids.map { "'\(context.model.parties[$0].id)'" }.joined(separator: ", ") }
        let allPublic = (from + newControllers).allSatisfy { context.model.parties[$0].isPublicAuthority }
        findings.add(
            at: flow.mark, path: flow.path,
            "flow '\(flow.id)' shares data from controller \(names(from)) to controller \(names(newControllers)) with no data sharing agreement",
            fix: allPublic
                ? "Record the memorandum of understanding or data sharing agreement between these public bodies in `agreement` (between Crown bodies an MoU is the usual form)."
                : nil)
    }
}
