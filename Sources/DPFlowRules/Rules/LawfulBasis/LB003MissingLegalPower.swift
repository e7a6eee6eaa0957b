import DPFlowModel
import DPFlowDiagnostics

/// LB003: public task or legal obligation without the law behind it.
struct MissingLegalPower: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB003", name: "missing-legal-power", severity: .warning, area: .lawfulBasis),
        law: "UK GDPR Article 6(3): the basis for (c) and (e) is laid down by law; DPA 2018 s8",
        link: "https://www.legislation.gov.uk/ukpga/2018/12/section/8",
        triggers: "`article-6: public-task` or `legal-obligation` (own or inherited from the purpose) with no `legal-power`.",
        fix: "Add `legal-power:` naming the statute, function or common-law power, e.g. \"Localism Act 2011 s1\".",
        triggering: [
            RuleExample(
                "Public task with no legal power",
                programme: RuleExample.baseProgramme.replacing(", legal-power: Localism Act 2011 s1", with: "")),
            RuleExample(
                "A flow's own public task with no legal power",
                flows: RuleExample.baseFlows.replacing("encrypted: true}", with: "encrypted: true, lawful-basis: {article-6: [legal-obligation, public-task], legal-power: ''}}")),
        ],
        nonTriggering: [RuleExample("Public task with its legal power")])

    func check(flow f: Int, _ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        guard let basis = context.basis(ofFlow: f),
            let a6 = basis.article6Bases.first(where: { $0.value == .publicTask || $0.value == .legalObligation }),
            (basis.legalPower?.value ?? "").isEmpty
        else { return }
        let flow = model.flows[f]
        if let p = InheritedDefects.inherits(flow, [.article6, .legalPower], in: model) {
            pass.add(purpose: p, flow: flow.id)
            return
        }
        findings.add(
            at: a6.mark, path: flow.path,
            "flow '\(flow.id)' relies on \(a6.value.rawValue) but names no legal power (the statute or function behind it)")
    }

    func begin(_ context: RuleContext) -> InheritedDefects { InheritedDefects() }

    func end(_ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        pass.report(into: &findings, model: model, mark: { $0.lawfulBasis?.mark ?? $0.mark }) { purpose, flows in
            let basis = purpose.lawfulBasis?.article6Bases.first { $0.value == .publicTask || $0.value == .legalObligation }
            return "purpose '\(purpose.id)' relies on \(basis?.value.rawValue ?? "public-task") but names no legal power (the statute or function behind it), \(flows)"
        }
    }
}
