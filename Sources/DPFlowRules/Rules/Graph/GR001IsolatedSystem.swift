import DPFlowModel
import DPFlowDiagnostics

/// GR001: a system no flow touches.
struct IsolatedSystem: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "GR001", name: "isolated-system", severity: .info, area: .graph),
        law: "UK GDPR Article 30 (records of processing): every system in the record should show how data reaches it",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/documentation/",
        triggers: "A system with no flows in or out.",
        fix: "Add the flows that feed it, or remove the system from this programme.",
        triggering: [
            RuleExample(
                "A legacy system nothing uses",
                systemsExtra: "  legacy: {name: Legacy database, party: council, location: GB-ENG}")
        ],
        nonTriggering: [RuleExample("Every system has a flow")])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let g = context.graph
        for (s, system) in context.model.systems.enumerated() {
            let node = g.node(ofSystem: s)
            if g.inFlows[node].isEmpty && g.outFlows[node].isEmpty {
                findings.add(at: system.mark, path: system.path, "system '\(system.id)' has no flows in or out")
            }
        }
    }
}
