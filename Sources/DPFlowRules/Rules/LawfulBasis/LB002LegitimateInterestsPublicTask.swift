import DPFlowDiagnostics

/// LB002: a public authority relying on (recognised) legitimate interests.
struct LegitimateInterestsPublicAuthority: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "LB002", name: "legitimate-interests-public-task", severity: .warning, area: .lawfulBasis),
        law: "UK GDPR Article 6(1) closing words: points (ea) and (f) do not apply to processing by public authorities in the performance of their tasks",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/a-guide-to-lawful-basis/",
        triggers: "A flow sent or received by a public authority (or a processor acting for one) under `legitimate-interests` or `recognised-legitimate-interests`.",
        fix: "A public authority performing its tasks relies on public-task (with its legal power); keep legitimate interests for work outside its tasks.",
        triggering: [
            RuleExample(
                "A council relies on legitimate interests",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true, lawful-basis: {article-6: legitimate-interests}}")
        ],
        nonTriggering: [
            RuleExample("The council relies on public task"),
            RuleExample(
                "A charity relies on legitimate interests",
                parties: "  council: {name: A Charity, type: charity, role: controller, country: GB-ENG}",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true, lawful-basis: {article-6: legitimate-interests}}"),
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for (f, flow) in context.model.flows.enumerated() {
            guard let basis = context.model.effectiveLawfulBasis(of: flow)?.article6,
                basis.value == .legitimateInterests || basis.value == .recognisedLegitimateInterests
            else { continue }
            let ends = [context.graph.flowFrom[f], context.graph.flowTo[f]].filter { context.actsAsPublicAuthority(node: $0) }
            guard let end = ends.first else { continue }
            let party = context.party(ofNode: end)?.id ?? "?"
            findings.add(
                at: basis.mark, path: flow.path,
                "flow '\(flow.id)' relies on \(basis.value.rawValue), but public authority '\(party)' takes part in it; Article 6(1)(ea) and (f) do not apply to a public authority's tasks")
        }
    }
}
