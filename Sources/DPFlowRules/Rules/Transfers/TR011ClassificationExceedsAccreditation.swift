import DPFlowModel
import DPFlowDiagnostics

/// TR011: data classified above what the receiving system is accredited for.
struct ClassificationExceedsAccreditation: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TR011", name: "classification-exceeds-accreditation", severity: .error, area: .transfers),
        law: "Government Security Classifications Policy; UK GDPR Article 32",
        link: "https://www.gov.uk/government/publications/government-security-classifications",
        triggers: "A flow carries a data category whose `classification` is above the receiving system's `classification` (default OFFICIAL).",
        fix: "Send the data only to systems accredited for its classification, or record the receiving system's real accreditation.",
        triggering: [
            RuleExample(
                "OFFICIAL-SENSITIVE data into an OFFICIAL system",
                data: "  contact: {name: Contact details, subjects: [resident], category: personal, classification: OFFICIAL-SENSITIVE}")
        ],
        nonTriggering: [
            RuleExample(
                "The system is accredited for OFFICIAL-SENSITIVE",
                data: "  contact: {name: Contact details, subjects: [resident], category: personal, classification: OFFICIAL-SENSITIVE}",
                systems: RuleExample.baseSystems.replacing("    location: GB-ENG\n", with: "    location: GB-ENG\n    classification: OFFICIAL-SENSITIVE\n"))
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        guard let s = g.systemIndex(ofNode: g.flowTo[f]) else { return }
        let flow = context.model.flows[f]
        let system = context.model.systems[s]
        // An external body's system whose accreditation the file does not
        // state is not judged against the default.
        if g.systemExternal[s], system.classification == nil { return }
        let accredited = system.effectiveClassification
        guard g.flowData[f].contains(where: { context.model.data[$0].effectiveClassification > accredited }) else { return }
        let above = context.dataCategories(ofFlow: f).filter { $0.effectiveClassification > accredited }
        findings.add(
            at: flow.to?.mark ?? flow.mark, path: flow.path,
            "flow '\(flow.id)' carries \(above.map { "'\($0.id)' (\($0.effectiveClassification.rawValue))" }.joined(separator: ", ")) into '\(system.id)', accredited only to \(accredited.rawValue)")
    }
}
