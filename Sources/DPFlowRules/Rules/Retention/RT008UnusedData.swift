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
        let model = context.model
        // Only data no flow carries can be unused: most programmes have none, and nothing else is built.
        let candidates = model.data.indices.filter { model.data[$0].origin == 0 && context.graph.flowsByData[$0].isEmpty }
        guard !candidates.isEmpty else { return }
        let kept = Set(model.systems.indices.flatMap { s in model.systems[s].retention.indices.map { model.systems[s].retention[$0].dataID } })
        let created = Set(model.systems.indices.flatMap { model.systems[$0].creates.map(\.value) })
        for d in candidates where !kept.contains(model.data[d].id) && !created.contains(model.data[d].id) {
            let data = model.data[d]
            findings.add(at: data.mark, path: data.path, "data category '\(data.id)' is declared but no flow carries it and no system keeps it")
        }
    }
}
