import DPFlowDiagnostics
import DPFlowModel

/// RT009: criteria-based retention with no review, or no criteria.
struct CriteriaRetentionWithoutReview: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT009", name: "criteria-retention-without-review", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e); ICO guidance on storage limitation (periodic review where no period can be set)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A retention entry with `period: criteria` and no `review-every`, or with `criteria` empty.",
        fix: "State the criteria in words and add `review-every:` (an ISO 8601 duration such as P1Y) saying how often they are reviewed.",
        triggering: [
            RuleExample(
                "Kept while a case is open, never reviewed",
                systems: RuleExample.baseSystems.replacing(
                    "{period: P6Y, from: case-closed,", with: "{period: criteria, criteria: While the resident receives support,"))
        ],
        nonTriggering: [
            RuleExample(
                "Kept while a case is open, reviewed yearly",
                systems: RuleExample.baseSystems.replacing(
                    "{period: P6Y, from: case-closed,",
                    with: "{period: criteria, criteria: While the resident receives support, review-every: P1Y,"))
        ])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        guard let p = entry.period, p.value.isCriteria else { return }
        let noCriteria = (entry.criteria?.value ?? "").allSatisfy(\.isWhitespace)
        guard noCriteria || entry.reviewEvery == nil else { return }
        let what = noCriteria ? "states no criteria" : "says nothing of how often the criteria are reviewed"
        findings.add(
            at: entry.criteria?.mark ?? p.mark, path: entry.path,
            "the retention of '\(entry.dataID)' in system '\(context.model.systems[s].id)' is criteria-based but \(what)")
    }
}
