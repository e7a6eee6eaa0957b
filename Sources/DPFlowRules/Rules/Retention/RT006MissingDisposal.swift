import DPFlowModel
import DPFlowDiagnostics

/// RT006: a retention entry without the action at its end.
struct MissingDisposal: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT006", name: "missing-disposal", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e); ICO: a retention schedule states the action at the end of the period",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A retention entry with no `disposal`.",
        fix: "Add `disposal:` delete, anonymise, archive or review.",
        triggering: [
            RuleExample("No disposal", systems: RuleExample.baseSystems.replacing(", disposal: delete", with: ""))
        ],
        nonTriggering: [RuleExample("Deleted at the end")])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        guard entry.disposal == nil else { return }
        findings.add(
            at: entry.mark, path: entry.path,
            "the retention of '\(entry.dataID)' in system '\(context.model.systems[s].id)' does not say what happens at the end of the period")
    }
}
