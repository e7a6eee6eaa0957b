import DPFlowModel
import DPFlowDiagnostics

/// TR012: a flow that crosses UK nations.
struct DevolvedBoundary: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR012", name: "devolved-boundary", severity: .info, area: .transfers),
        law: "Devolved records and freedom of information law: Public Records (Scotland) Act 2011, FOI (Scotland) Act 2002, Public Records Act (Northern Ireland) 1923",
        link: "https://www.legislation.gov.uk/asp/2011/12/contents",
        triggers: "A flow between systems in different UK nations (for example GB-ENG to GB-SCT).",
        fix: "Nothing may be wrong: check that the receiving body's records and FOI duties are reflected in the agreement and retention.",
        triggering: [
            RuleExample(
                "England to Scotland",
                flows: RuleExample.baseFlows + "\n  rematch: {from: crm, to: scottish-crm, data: [contact], purpose: support, encrypted: true, agreement: DSA-SCT-1}",
                partiesExtra: "  scottish-council: {name: A Scottish Council, type: public-authority, role: controller, country: GB-SCT}",
                systemsExtra: "  scottish-crm: {name: Scottish CRM, party: scottish-council, location: GB-SCT, retention: {contact: {period: P5Y, from: case-closed, basis: SCARRS, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "England to England",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1, encrypted: true}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem)
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        guard let a = g.systemIndex(ofNode: g.flowFrom[f]), let b = g.systemIndex(ofNode: g.flowTo[f]),
            let from = g.systemPlaces[a].lazy.compactMap(\.ukNation).first,
            let to = g.systemPlaces[b].lazy.compactMap(\.ukNation).first, from != to
        else { return }
        let flow = context.model.flows[f]
        findings.add(
            at: flow.mark, path: flow.path,
            "flow '\(flow.id)' crosses from \(from) to \(to): records and FOI law differ between the UK nations")
    }
}
