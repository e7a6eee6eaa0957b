import DPFlowModel
import DPFlowDiagnostics

/// EX002: an exception that matches no finding.
struct UnmatchedException: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "EX002", name: "exception-unmatched", severity: .warning, area: .exceptions),
        law: "UK GDPR Art 5(2) accountability: the record of accepted risks should match the risks that exist",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/",
        triggers: "An exception whose rule and path match no finding: the problem was fixed, or the exception names the wrong path.",
        fix: "Remove the exception, or correct its `rule` or `at` (each finding prints its path).",
        triggering: [
            RuleExample(
                "An exception for a finding that does not occur",
                exceptions: "  - {rule: TR010, at: flows.intake, reason: Not needed, approved-by: DPO, expires: 2027-01-31}")
        ],
        nonTriggering: [
            RuleExample(
                "An exception that matches an unencrypted share",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}",
                exceptions: "  - {rule: TR010, at: flows.share, reason: Secure link being built, approved-by: DPO, expires: 2027-01-31}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem)
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // applied by ExceptionApplier
}
