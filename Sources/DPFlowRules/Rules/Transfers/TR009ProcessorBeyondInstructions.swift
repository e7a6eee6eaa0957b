import DPFlowModel
import DPFlowDiagnostics

/// TR009: a processor sending data somewhere other than its controllers or its sub-processors.
struct ProcessorBeyondInstructions: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR009", name: "processor-beyond-instructions", severity: .error, area: .transfers),
        law: "UK GDPR Article 28(3)(a) and Article 29: a processor acts only on the controller's documented instructions",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/contracts-and-liabilities-between-controllers-and-processors-multi/",
        triggers: "A processor's or sub-processor's system sends data to a party that is neither one of its controllers (through its chain) nor a sub-processor engaged by it.",
        fix: "Route the data through the controller, or make the recipient an authorised sub-processor (sub-processor-of the processor, authorised-by the controllers).",
        triggering: [
            RuleExample(
                "The host passes data to a marketing firm",
                flows: RuleExample.baseFlows
                    + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}"
                    + "\n  to-marketing: {from: hosting, to: mailing-list, data: [contact], purpose: support, encrypted: true, agreement: DSA-9}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}\n"
                    + "  marketing: {name: Example Marketing Ltd, type: company, role: controller, country: GB}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-1, disposal: delete}}}\n"
                    + "  mailing-list: {name: Mailing list, party: marketing, location: GB, retention: {contact: {period: P2Y, from: received, basis: Marketing policy, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The host returns data to the council",
                flows: RuleExample.baseFlows
                    + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}"
                    + "\n  restore: {from: hosting, to: crm, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-1, disposal: delete}}}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        guard let from = g.systemIndex(ofNode: g.flowFrom[f]), !g.systemExternal[from], let role = g.systemRole[from], role.isProcessor,
            let p = g.party(ofNode: g.flowFrom[f]), let to = g.systemIndex(ofNode: g.flowTo[f]), let q = g.party(ofNode: g.flowTo[f]),
            q != p
        else { return }
        let flow = model.flows[f]
        if g.systemControllers[from].contains(q) { return }
        let processorID = model.parties[p].id
        if g.systemRole[to] == .subProcessor,
            (model.systems[to].subProcessorOf ?? model.parties[q].subProcessorOf).contains(where: { $0.value == processorID })
        {
            return
        }
        findings.add(
            at: flow.to?.mark ?? flow.mark, path: flow.path,
            "\(role.rawValue) '\(processorID)' sends data to '\(model.parties[q].id)', which is neither its controller nor a sub-processor it engaged",
            trace: [g.nodePath(g.flowFrom[f]), model.parties[p].path, model.parties[q].path])
    }
}
