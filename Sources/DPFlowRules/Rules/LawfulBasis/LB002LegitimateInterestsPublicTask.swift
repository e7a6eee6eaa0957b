import DPFlowModel
import DPFlowDiagnostics

/// LB002: a public authority relying on (recognised) legitimate interests.
struct LegitimateInterestsPublicAuthority: FlowRule {
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

    func begin(_ context: RuleContext) -> [Article6Basis: InheritedDefects] { [:] }

    func check(flow f: Int, _ context: RuleContext, pass inherited: inout [Article6Basis: InheritedDefects], into findings: inout RuleFindings) {
        let model = context.model
        guard let bases = context.basis(ofFlow: f)?.article6Bases else { return }
        let flow = model.flows[f]
        for basis in bases where basis.value == .legitimateInterests || basis.value == .recognisedLegitimateInterests {
            let ends = [context.graph.flowFrom[f], context.graph.flowTo[f]].filter { context.actsAsPublicAuthority(node: $0) }
            guard let end = ends.first else { continue }
            if let p = InheritedDefects.inherits(flow, [.article6], in: model) {
                inherited[basis.value, default: InheritedDefects()].add(purpose: p, flow: flow.id)
                continue
            }
            let party = context.party(ofNode: end)?.id ?? "?"
            findings.add(
                at: basis.mark, path: flow.path,
                "flow '\(flow.id)' relies on \(basis.value.rawValue), but public authority '\(party)' takes part in it; Article 6(1)(ea) and (f) do not apply to a public authority's tasks")
        }
    }

    func end(_ context: RuleContext, pass inherited: inout [Article6Basis: InheritedDefects], into findings: inout RuleFindings) {
        let model = context.model
        for basis in [Article6Basis.legitimateInterests, .recognisedLegitimateInterests] {
            inherited[basis]?.report(
                into: &findings, model: model,
                mark: { p in p.lawfulBasis?.article6Bases.first { $0.value == basis }?.mark ?? p.mark }
            ) { purpose, flows in
                "purpose '\(purpose.id)' relies on \(basis.rawValue), but public authorities take part in the flows that inherit it (\(flows)); Article 6(1)(ea) and (f) do not apply to a public authority's tasks"
            }
        }
    }
}
