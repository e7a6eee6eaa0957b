import DPFlowModel
import DPFlowDiagnostics

/// DP004: the DPIA's review date has passed.
struct DPIAReviewOverdue: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "DP004", name: "dpia-review-overdue", severity: .warning, area: .dpia),
        law: "UK GDPR Article 35(11): review the DPIA at least when the risk changes; ICO DPIA template step 7",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/",
        triggers: "`programme.dpia.review-by` is earlier than the as-of date (today, or --as-of).",
        fix: "Review the DPIA against the programme as it is now, and set the next review-by date.",
        triggering: [
            RuleExample(
                "The review was due in 2025",
                programme: RuleExample.baseProgramme.replacing("review-by: 2027-12-31", with: "review-by: 2025-06-30"))
        ],
        nonTriggering: [RuleExample("The review is due in 2027")])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        guard let review = context.model.programme.dpia?.reviewBy, review.value < context.asOf else { return }
        findings.add(
            at: review.mark, path: "programme.dpia",
            "the DPIA was due for review on \(review.value), before \(context.asOf)")
    }
}
