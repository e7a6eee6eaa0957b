import DPFlowModel
import DPFlowDiagnostics

/// TP001: collection from people with no privacy notice.
struct MissingPrivacyNotice: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TP001", name: "missing-privacy-notice", severity: .warning, area: .transparency),
        law: "UK GDPR Articles 13 and 14: the right to be informed",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/the-right-to-be-informed/",
        triggers: "A flow that collects from people (`from` is a subject) data about themselves, with no `notice` (data they give about others is TP002's).",
        fix: "Add `notice:` with the privacy notice's address or reference.",
        triggering: [
            RuleExample("Collection with no notice", flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, encrypted: true}")
        ],
        nonTriggering: [RuleExample("Collection with its privacy notice")])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        guard g.isSubject(g.flowFrom[f]) else { return }
        guard (context.model.flows[f].notice?.value ?? "").isEmpty else { return }
        let flow = context.model.flows[f]
        // Data about the person who supplies it (Art 13); data about other
        // people is TP002's (Art 14).
        let subject = context.model.subjects[g.flowFrom[f]].id
        let aboutThem = g.flowData[f].contains { d in
            let about = context.model.data[d].subjects
            return about.isEmpty || about.contains { $0.value == subject }
        }
        guard aboutThem else { return }
        findings.add(
            at: flow.mark, path: flow.path,
            "flow '\(flow.id)' collects data from '\(flow.from?.value ?? "?")' but names no privacy notice")
    }
}
