import DPFlowModel
import DPFlowDiagnostics

/// RT008: a declared data category that nothing carries or keeps.
struct UnusedData: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "RT008", name: "unused-data", severity: .info, area: .retention),
        law: "UK GDPR Article 5(1)(c) data minimisation; ICO on redundant, obsolete or trivial data",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/data-minimisation/",
        triggers: "A data category that no flow carries and no system keeps.",
        fix: "Remove the category, or add the flows and systems that use it.",
        triggering: [
            RuleExample("A category nothing uses", dataExtra: "  old-notes: {name: Old case notes, subjects: [resident], category: personal}")
        ],
        nonTriggering: [RuleExample("Every category is used")])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let kept = Set(context.model.systems.flatMap { $0.retention.map(\.dataID) })
        let created = Set(context.model.systems.flatMap { $0.creates.map(\.value) })
        for (d, data) in context.model.data.enumerated()
        where data.origin == 0 && context.graph.flowsByData[d].isEmpty && !kept.contains(data.id) && !created.contains(data.id) {
            findings.add(at: data.mark, path: data.path, "data category '\(data.id)' is declared but no flow carries it and no system keeps it")
        }
    }
}
