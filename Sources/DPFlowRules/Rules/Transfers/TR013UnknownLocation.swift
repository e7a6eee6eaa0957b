import DPFlowDiagnostics
import DPFlowModel

/// TR013: data goes to a place that is not known.
struct UnknownLocation: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR013", name: "unknown-location", severity: .warning, area: .transfers),
        law: "UK GDPR Articles 30(1)(e), 44 and 46: a restricted transfer must be identified to be safeguarded",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
        triggers: "A flow into a system whose `location`, or whose party's `country`, is `unknown`. TR001 also treats the place as outside the UK.",
        fix: "Find out where the recipient holds the data (ask the supplier or the receiving body), then record the country, and a transfer mechanism if it is outside the UK.",
        triggering: [
            RuleExample(
                "Mail merge by a supplier whose hosting is not known",
                flows: RuleExample.baseFlows + "\n  mailing: {from: crm, to: mailer, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: idta, tra: TRA-1}}",
                partiesExtra: "  print-co: {name: Print Co Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-9}",
                systemsExtra: "  mailer: {name: Mailing platform, party: print-co, location: unknown, stores: false}")
        ],
        nonTriggering: [
            RuleExample(
                "The same supplier, hosting in the UK",
                flows: RuleExample.baseFlows + "\n  mailing: {from: crm, to: mailer, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  print-co: {name: Print Co Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-9}",
                systemsExtra: "  mailer: {name: Mailing platform, party: print-co, location: GB, stores: false}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        guard let s = g.systemIndex(ofNode: g.flowTo[f]), g.systemPlaces[s].contains(where: \.isUnknown) else { return }
        let flow = context.model.flows[f]
        let system = context.model.systems[s]
        let whose = system.locations.contains(where: { $0.value.isUnknown }) ? "where system '\(system.id)' holds the data" : "where party '\(context.party(ofNode: g.flowTo[f])?.id ?? "?")' is established"
        findings.add(
            at: flow.to?.mark ?? flow.mark, path: flow.path,
            "flow '\(flow.id)' sends data to '\(system.id)', but \(whose) is not known")
    }
}
