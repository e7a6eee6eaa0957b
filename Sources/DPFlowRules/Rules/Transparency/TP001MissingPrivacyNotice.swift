import DPFlowDiagnostics

/// TP001: collection from people with no privacy notice.
struct MissingPrivacyNotice: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "TP001", name: "missing-privacy-notice", severity: .warning, area: .transparency),
        law: "UK GDPR Articles 13 and 14: the right to be informed",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/the-right-to-be-informed/",
        triggers: "A flow that collects from people (`from` is a subject) with no `notice`.",
        fix: "Add `notice:` with the privacy notice's address or reference.",
        triggering: [
            RuleExample("Collection with no notice", flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, encrypted: true}")
        ],
        nonTriggering: [RuleExample("Collection with its privacy notice")])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for (f, flow) in context.model.flows.enumerated() where context.graph.isSubject(context.graph.flowFrom[f]) {
            if (flow.notice?.value ?? "").isEmpty {
                findings.add(
                    at: flow.mark, path: flow.path,
                    "flow '\(flow.id)' collects data from '\(flow.from?.value ?? "?")' but names no privacy notice")
            }
        }
    }
}
