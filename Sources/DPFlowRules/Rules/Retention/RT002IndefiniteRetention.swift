import DPFlowModel
import DPFlowDiagnostics

/// RT002: indefinite retention.
struct IndefiniteRetention: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT002", name: "indefinite-retention", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e); Public Records Act 1958 s3(4) (records selected for permanent preservation)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "`period: indefinite`. Reported as info when `disposal: archive`, for records kept under the Public Records Act.",
        fix: "Set a period with the event that starts it; for permanent preservation use disposal: archive and name the selection decision in `basis`.",
        triggering: [
            RuleExample(
                "Kept indefinitely",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: indefinite"))
        ],
        nonTriggering: [RuleExample("Kept for six years")])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        guard let p = entry.period, p.value == .indefinite else { return }
        let archive = entry.disposal?.value == .archive
        let system = context.model.systems[s].id
        findings.add(
            at: p.mark, path: entry.path,
            archive
                ? "system '\(system)' keeps '\(entry.dataID)' indefinitely for archiving; confirm it is selected for permanent preservation"
                : "system '\(system)' keeps '\(entry.dataID)' indefinitely",
            severity: archive ? .info : nil)
    }
}
