import DPFlowModel
import DPFlowDiagnostics

/// RT003: a retention entry without its justification.
struct RetentionWithoutBasis: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT003", name: "retention-without-basis", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e) and 5(2); ICO: a retention schedule states the justification or legal source of each period",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A retention entry with no `basis`.",
        fix: "Add `basis:` naming the retention schedule item, statute or justification.",
        triggering: [
            RuleExample(
                "No basis given",
                systems: RuleExample.baseSystems.replacing("basis: Retention schedule 4.2, ", with: ""))
        ],
        nonTriggering: [RuleExample("The schedule item is named")])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        guard (entry.basis?.value ?? "").isEmpty else { return }
        findings.add(
            at: entry.mark, path: entry.path,
            "the retention of '\(entry.dataID)' in system '\(context.model.systems[s].id)' gives no basis (schedule item or justification)")
    }
}
