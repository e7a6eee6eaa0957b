import DPFlowModel
import DPFlowDiagnostics

/// RT007: a retention entry without the event that starts its clock.
struct MissingRetentionTrigger: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT007", name: "missing-retention-trigger", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e); ICO: a retention schedule states the event that starts each period",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A retention entry with no `from` (criteria-based periods have no clock to start and are not judged).",
        fix: "Add `from:` naming the event, such as case-closed or end-of-financial-year.",
        triggering: [
            RuleExample("No trigger", systems: RuleExample.baseSystems.replacing("from: case-closed, ", with: ""))
        ],
        nonTriggering: [RuleExample("Counted from case closure")])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        // A criteria-based period has no clock to start.
        guard (entry.from?.value ?? "").isEmpty && entry.period?.value.isCriteria != true else { return }
        findings.add(
            at: entry.mark, path: entry.path,
            "the retention of '\(entry.dataID)' in system '\(context.model.systems[s].id)' does not say what event starts the period")
    }
}
