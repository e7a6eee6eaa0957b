import DPFlowModel
import DPFlowDiagnostics

/// TR007: data into a processor's system with no Article 28 contract.
struct MissingProcessorContract: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR007", name: "missing-processor-contract", severity: .error, area: .transfers),
        law: "UK GDPR Article 28(3): processing by a processor is governed by a contract",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/contracts-and-liabilities-between-controllers-and-processors-multi/",
        triggers: "A flow into a system that acts as processor or sub-processor (by its party's role, or its own `role`) with no `contract` on the system or its party. A processor acting only for controllers outside the programme's record is not judged.",
        fix: "Put an Article 28 contract in place and give its reference in `contract`; between Crown bodies, a memorandum of understanding or other legal act (Art 28(3)).",
        triggering: [
            RuleExample(
                "A hosting processor with no contract",
                flows: RuleExample.baseFlows + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council]}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Instructions, disposal: delete}}}"),
            RuleExample(
                "A government service acting as processor with no MoU",
                flows: RuleExample.baseFlows + "\n  notify: {from: crm, to: notify, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  gds: {name: Government Digital Service, type: public-authority, role: controller, country: GB}",
                systemsExtra: "  notify: {name: GOV.UK Notify, party: gds, role: processor, processor-for: [council], location: GB, stores: false}"),
        ],
        nonTriggering: [
            RuleExample(
                "The processor's contract is recorded",
                flows: RuleExample.baseFlows + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-2026-01}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-2026-01, disposal: delete}}}"),
            RuleExample(
                "A government service acting as processor under an MoU given on the system",
                flows: RuleExample.baseFlows + "\n  notify: {from: crm, to: notify, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  gds: {name: Government Digital Service, type: public-authority, role: controller, country: GB}",
                systemsExtra: "  notify: {name: GOV.UK Notify, party: gds, role: processor, processor-for: [council], contract: MOU-NOTIFY-1, location: GB, stores: false}"),
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        guard let s = g.systemIndex(ofNode: g.flowTo[f]), !g.systemExternal[s], let role = g.systemRole[s], role.isProcessor,
            let party = context.party(ofNode: g.flowTo[f]), (g.contract(ofSystem: s)?.value ?? "").isEmpty
        else { return }
        let flow = context.model.flows[f]
        let ownRole = context.model.systems[s].role != nil
        let crown = party.isPublicAuthority
            && g.systemControllers[s].allSatisfy { context.model.parties[$0].isPublicAuthority }
        findings.add(
            at: flow.to?.mark ?? flow.mark, path: flow.path,
            "flow '\(flow.id)' sends data to \(role.rawValue) '\(party.id)'\(ownRole ? " (for system '\(context.model.systems[s].id)')" : ""), which has no Article 28 contract recorded",
            fix: crown
                ? "Record the memorandum of understanding or other legal act (Art 28(3)) under which this public body processes for the controller, in `contract` on the party or the system."
                : nil)
    }
}
