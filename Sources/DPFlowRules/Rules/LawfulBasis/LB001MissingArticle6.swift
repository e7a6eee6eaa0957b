import DPFlowModel
import DPFlowDiagnostics

/// LB001: a flow of personal data with no Article 6 basis.
struct MissingArticle6: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB001", name: "missing-article-6", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 6(1): processing is lawful only if at least one basis applies",
        link: "https://www.legislation.gov.uk/eur/2016/679/article/6",
        triggers: "A flow whose own lawful basis and whose purpose's default both lack `article-6`.",
        fix: "Give the purpose (or the flow) `lawful-basis: {article-6: ...}`: public-task, legal-obligation, contract, consent, vital-interests, recognised-legitimate-interests or legitimate-interests.",
        triggering: [
            RuleExample(
                "A purpose with no lawful basis",
                programme: RuleExample.baseProgramme.replacing(
                    "      lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}\n", with: "      description: Support residents\n"))
        ],
        nonTriggering: [
            RuleExample("The purpose's public task covers the flow"),
            RuleExample(
                "The flow gives its own basis",
                programme: RuleExample.baseProgramme.replacing(
                    "      lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}\n", with: "      description: Support residents\n"),
                flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true, lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}}"),
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        guard !context.model.flows[f].data.isEmpty, context.basis(ofFlow: f)?.article6Bases.isEmpty ?? true else { return }
        let flow = model.flows[f]
        if let p = InheritedDefects.inherits(flow, [.article6], in: model) {
            pass.add(purpose: p, flow: flow.id)
            return
        }
        let purpose = flow.purpose?.value ?? "?"
        findings.add(
            at: context.lawfulBasisMark(flow), path: flow.path,
            "flow '\(flow.id)' carries personal data with no Article 6 lawful basis (neither the flow nor purpose '\(purpose)' gives one)")
    }

    func begin(_ context: RuleContext) -> InheritedDefects { InheritedDefects() }

    func end(_ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        pass.report(into: &findings, model: model, mark: { $0.lawfulBasis?.mark ?? $0.mark }) { purpose, flows in
            "purpose '\(purpose.id)' gives no Article 6 lawful basis, \(flows)"
        }
    }
}
