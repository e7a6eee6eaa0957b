import DPFlowModel
import DPFlowDiagnostics

/// TR010: data moving between organisations without encryption in transit.
struct UnencryptedTransfer: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR010", name: "unencrypted-transfer", severity: .warning, area: .transfers),
        law: "UK GDPR Article 32(1)(a): encryption as an appropriate security measure",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/security/a-guide-to-data-security/encryption/",
        triggers: "A flow between systems of different parties whose `encrypted` is false or not stated.",
        fix: "Encrypt the transfer (TLS, SFTP, encrypted files) and set `encrypted: true`.",
        triggering: [
            RuleExample(
                "A share with no encryption stated",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem)
        ],
        nonTriggering: [
            RuleExample(
                "The share is encrypted",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1, encrypted: true}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem)
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        guard context.model.flows[f].encrypted?.value != true else { return }
        guard let a = g.party(ofNode: g.flowFrom[f]), let b = g.party(ofNode: g.flowTo[f]), a != b else { return }
        let flow = context.model.flows[f]
        let stated = flow.encrypted == nil ? "does not say it is encrypted" : "is not encrypted"
        findings.add(
            at: flow.encrypted?.mark ?? flow.mark, path: flow.path,
            "flow '\(flow.id)' from '\(context.model.parties[a].id)' to '\(context.model.parties[b].id)' \(stated) in transit")
    }
}
