import DPFlowDiagnostics
import DPFlowModel

/// TR003: an Article 46 safeguard without a transfer risk assessment.
struct MissingTransferRiskAssessment: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR003", name: "missing-transfer-risk-assessment", severity: .warning, area: .transfers),
        law: "UK GDPR Article 46(1A) as inserted by DUAA 2025: the data protection test, assessed reasonably and proportionately (the TRA)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
        triggers: "An Article 46 mechanism (idta, addendum, bcr, public-body-instrument, code-of-conduct, certification) with no `tra`.",
        fix: "Carry out the transfer risk assessment and give its reference in transfer.tra.",
        triggering: [
            RuleExample(
                "The IDTA without a TRA",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: idta}}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: US, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The IDTA with its TRA",
                flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: idta, tra: TRA-2026-01}}",
                partiesExtra: "  host: {name: Example Cloud Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1}",
                systemsExtra: "  cloud: {name: Cloud backup, party: host, location: US, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        guard let t = context.model.flows[f].transfer, let m = t.mechanism, TransferMechanisms.basis(of: m.value) == .safeguards,
            (t.tra?.value ?? "").isEmpty
        else { return }
        let flow = context.model.flows[f]
        findings.add(
            at: m.mark, path: flow.path,
            "flow '\(flow.id)' relies on \(m.value.rawValue) (an Article 46 safeguard) with no transfer risk assessment")
    }
}
