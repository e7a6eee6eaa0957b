import DPFlowModel
import DPFlowDiagnostics

/// EX003: an exception without reason, approver or expiry.
struct IncompleteException: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "EX003", name: "exception-incomplete", severity: .error, area: .exceptions),
        law: "UK GDPR Art 5(2) accountability; ICO DPIA template step 7 (record who accepted a residual risk and why)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/",
        triggers: "An exception without a reason, a named approver or an expiry date. It excepts nothing until it is complete.",
        fix: "Give the exception `reason`, `approved-by` and `expires`.",
        triggering: [
            RuleExample(
                "An exception with no approver or expiry",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}",
                exceptions: "  - {rule: TR010, at: flows.share, reason: Secure link being built}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem)
        ],
        nonTriggering: [
            RuleExample(
                "A complete exception",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}",
                exceptions: "  - {rule: TR010, at: flows.share, reason: Secure link being built, approved-by: DPO, expires: 2027-01-31}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem)
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // applied by ExceptionApplier
}
