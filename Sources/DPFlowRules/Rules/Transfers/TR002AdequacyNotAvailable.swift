import DPFlowDiagnostics
import DPFlowModel

/// TR002: adequacy relied on where the destination has none, or only partial cover.
struct AdequacyNotAvailable: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR002", name: "adequacy-not-available", severity: .error, area: .transfers),
        law: "UK GDPR Article 45A (adequacy regulations, \"data bridges\"); the ICO's list of adequate destinations",
        link: Adequacy.source.url,
        triggers: "`mechanism: adequacy` to a destination without UK adequacy regulations (error); a warning where coverage is partial and not confirmed: the US needs the receiving party to be `dpf-certified: true`; Canada (PIPEDA) and Japan (APPI private sector) cover only some recipients.",
        fix: "Use an Article 46 safeguard (IDTA or Addendum with a TRA), or confirm the recipient is covered (for the US, set dpf-certified: true once checked on the DPF list).",
        triggering: [
            RuleExample(
                "Adequacy claimed for India",
                flows: RuleExample.baseFlows + "\n  support-desk: {from: crm, to: desk, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: adequacy}}",
                partiesExtra: "  vendor: {name: Example Services Pvt Ltd, type: company, role: processor, country: IN, processor-for: [council], contract: C-2}",
                systemsExtra: "  desk: {name: Support desk, party: vendor, location: IN, retention: {contact: {period: P1Y, from: ticket-closed, basis: Contract C-2, disposal: delete}}}"),
            RuleExample(
                "Adequacy for a US company not certified to the DPF",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: adequacy}}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: US, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
        ],
        nonTriggering: [
            RuleExample(
                "Adequacy for Ireland",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: adequacy}}",
                partiesExtra: "  host: {name: Example Cloud Ltd, type: company, role: processor, country: IE, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: IE, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
            RuleExample(
                "Adequacy for a DPF-certified US company",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: adequacy}}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1, dpf-certified: true}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: US, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        guard let m = context.model.flows[f].transfer?.mechanism, m.value == .adequacy else { return }
        let flow = context.model.flows[f]
        let receiver = context.party(ofNode: context.graph.flowTo[f])
        for place in context.foreignDestinations(ofFlow: f) {
            guard let entry = Adequacy.entry(for: place) else {
                findings.add(
                    at: m.mark, path: flow.path,
                    place.isUnknown
                        ? "flow '\(flow.id)' relies on adequacy, but where the data goes is not known, so no adequacy regulations can be shown to cover it"
                        : "flow '\(flow.id)' relies on adequacy, but \(place.name) (\(place.code)) has no UK adequacy regulations")
                continue
            }
            guard case .partial(let condition) = entry.coverage else { continue }
            if place.code == "US", receiver?.dpfCertified?.value == true { continue }
            findings.add(
                at: m.mark, path: flow.path,
                "flow '\(flow.id)' relies on adequacy for \(place.name), which covers \(condition); '\(receiver?.id ?? "?")' is not confirmed as covered",
                severity: .warning)
        }
    }
}
