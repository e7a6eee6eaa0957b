import DPFlowModel
import DPFlowDiagnostics

/// EX001: an exception past its expiry; the finding it covered counts again.
struct ExpiredException: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "EX001", name: "exception-expired", severity: .warning, area: .exceptions),
        law: "UK GDPR Art 5(2) accountability: an accepted risk is accepted for a stated time and then reviewed",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/",
        triggers: "An exception whose `expires` date is before the as-of date (today, or --as-of). The finding it covered is reported again beside this one.",
        fix: "Resolve the finding, or have the approver renew the exception with a new expiry.",
        triggering: [
            RuleExample(
                "An exception for an unencrypted flow that expired in 2025",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy}\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}",
                exceptions: "  - {rule: TR010, at: flows.share, reason: Secure link being built, approved-by: DPO, expires: 2025-01-31}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: partnerSystem)
        ],
        nonTriggering: [
            RuleExample(
                "The same exception, still in force",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy}\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}",
                exceptions: "  - {rule: TR010, at: flows.share, reason: Secure link being built, approved-by: DPO, expires: 2027-01-31}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: partnerSystem)
        ])

    static let partnerSystem = "  partner-crm: {name: Partner CRM, party: partner, location: GB-ENG, retention: {contact: {period: P2Y, from: received, basis: Schedule 1, disposal: delete}}}"

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // applied by ExceptionApplier
}
