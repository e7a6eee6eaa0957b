import DPFlowModel
import DPFlowDiagnostics

/// LB004: consent relied on by a public authority.
struct ConsentPublicAuthority: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB004", name: "consent-public-authority", severity: .warning, area: .lawfulBasis),
        law: "UK GDPR Article 7 and Recital 43; ICO guidance: consent is rarely appropriate where there is an imbalance of power",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/consent/",
        triggers: "A flow sent or received by a public authority (or its processor) under `article-6: consent`.",
        fix: "Use public-task with the legal power; if consent is really freely given, record why in the DPIA and accept this finding with an exception.",
        triggering: [
            RuleExample(
                "A council relies on consent",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true, lawful-basis: {article-6: consent}}")
        ],
        nonTriggering: [
            RuleExample(
                "A charity relies on consent",
                parties: "  council: {name: A Charity, type: charity, role: controller, country: GB-ENG}",
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true, lawful-basis: {article-6: consent}}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        guard let a6 = context.basis(ofFlow: f)?.article6Bases.first(where: { $0.value == .consent }) else { return }
        let flow = model.flows[f]
        let ends = [context.graph.flowFrom[f], context.graph.flowTo[f]].filter { context.actsAsPublicAuthority(node: $0) }
        guard let end = ends.first else { return }
        if let p = InheritedDefects.inherits(flow, [.article6], in: model) {
            pass.add(purpose: p, flow: flow.id)
            return
        }
        findings.add(
            at: a6.mark, path: flow.path,
            "flow '\(flow.id)' relies on consent, but public authority '\(context.party(ofNode: end)?.id ?? "?")' takes part in it; consent is rarely free where there is an imbalance of power")
    }

    func begin(_ context: RuleContext) -> InheritedDefects { InheritedDefects() }

    func end(_ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        pass.report(into: &findings, model: model, mark: { $0.lawfulBasis?.mark ?? $0.mark }) { purpose, flows in
            "purpose '\(purpose.id)' relies on consent, but public authorities take part in the flows that inherit it (\(flows)); consent is rarely free where there is an imbalance of power"
        }
    }
}
