import DPFlowModel
import DPFlowDiagnostics

/// TR008: a sub-processor not authorised by every controller whose data reaches it.
struct UnauthorisedSubProcessor: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR008", name: "unauthorised-sub-processor", severity: .error, area: .transfers),
        law: "UK GDPR Article 28(2) and 28(4): a processor engages another only with the controller's prior written authorisation",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/contracts-and-liabilities-between-controllers-and-processors-multi/",
        triggers: "A flow into a sub-processor's system where the sub-processor is not `authorised-by` every controller whose data reaches it: the controllers at the top of its processor chain and those of the sending system.",
        fix: "Obtain written authorisation from each controller and list them in the sub-processor's `authorised-by`.",
        triggering: [
            RuleExample(
                "A backup sub-processor nobody authorised",
                flows: RuleExample.baseFlows
                    + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}"
                    + "\n  to-backup: {from: hosting, to: backup, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}\n"
                    + "  backup-co: {name: Example Backup Ltd, type: company, role: sub-processor, country: GB, sub-processor-of: [host], contract: SC-1}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-1, disposal: delete}}}\n"
                    + "  backup: {name: Backup, party: backup-co, location: GB, retention: {contact: {period: P30D, from: backup-taken, basis: Contract SC-1, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The council authorised the sub-processor",
                flows: RuleExample.baseFlows
                    + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}"
                    + "\n  to-backup: {from: hosting, to: backup, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}\n"
                    + "  backup-co: {name: Example Backup Ltd, type: company, role: sub-processor, country: GB, sub-processor-of: [host], authorised-by: [council], contract: SC-1}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-1, disposal: delete}}}\n"
                    + "  backup: {name: Backup, party: backup-co, location: GB, retention: {contact: {period: P30D, from: backup-taken, basis: Contract SC-1, disposal: delete}}}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        guard let s = g.systemIndex(ofNode: g.flowTo[f]), !g.systemExternal[s], g.systemRole[s] == .subProcessor,
            let sub = g.party(ofNode: g.flowTo[f])
        else { return }
        let flow = model.flows[f]
        var controllers = Set(g.systemControllers[s])
        controllers.formUnion(context.controllers(ofNode: g.flowFrom[f]))
        let authorised = Set(g.authorisedBy(ofSystem: s).compactMap { model.partyIndex[$0.value] })
        let missing = controllers.subtracting(authorised).sorted()
        guard !missing.isEmpty else { return }
        let engagedBy = model.systems[s].subProcessorOf ?? model.parties[sub].subProcessorOf
        let chain = [g.nodePath(g.flowTo[f]), model.parties[sub].path] + engagedBy.map { "parties.\($0.value)" }
        findings.add(
            at: flow.to?.mark ?? flow.mark, path: flow.path,
            "flow '\(flow.id)' sends data to sub-processor '\(model.parties[sub].id)', which \(missing.map { "'\(model.parties[$0].id)'" }.joined(separator: ", ")) did not authorise",
            trace: chain + missing.map { model.parties[$0].path })
    }
}
