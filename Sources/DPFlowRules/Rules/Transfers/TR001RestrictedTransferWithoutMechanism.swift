import DPFlowModel
import DPFlowDiagnostics

/// TR001: a restricted transfer with no transfer mechanism.
struct RestrictedTransferWithoutMechanism: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR001", name: "restricted-transfer-without-mechanism", severity: .error, area: .transfers),
        law: "UK GDPR Chapter V, Articles 44, 45A, 46 and 49 (as amended by the Data (Use and Access) Act 2025)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
        triggers: "A flow to a system any of whose places is outside the UK (each place of its `location` list, `unknown` among them) or whose party is established outside the UK, with no `transfer.mechanism`.",
        fix: "Add transfer.mechanism (adequacy, idta, addendum, ...) or keep the data in the UK.",
        triggering: [
            RuleExample(
                "Backups to a US host with no mechanism",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: US, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
            RuleExample(
                "A UK host that may also hold the data in the US",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: [GB, US], retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
            RuleExample(
                "A host whose location is not known",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: unknown, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
        ],
        nonTriggering: [
            RuleExample(
                "The same backups under the IDTA",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: idta, tra: TRA-1}}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: US, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
            RuleExample(
                "A host in the UK and the EEA under adequacy",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: adequacy}}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: [GB, EEA], retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}"),
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        guard context.model.flows[f].transfer?.mechanism == nil else { return }
        let flow = context.model.flows[f]
        let places = context.foreignDestinations(ofFlow: f)
        guard !places.isEmpty else { return }
        let data = flow.data.map(\.value).joined(separator: ", ")
        findings.add(
            at: flow.transfer?.mark ?? flow.to?.mark ?? flow.mark, path: flow.path,
            "flow '\(flow.id)' sends \(data) to \(context.destinationLabel(ofFlow: f)) with no transfer mechanism")
    }
}
