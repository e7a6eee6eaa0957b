import DPFlowModel
import DPFlowDiagnostics

/// LB005: special category data without an Article 9 condition.
struct MissingArticle9: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB005", name: "missing-article-9", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 9(1)-(2): special category data may be processed only under an Article 9(2) condition",
        link: "https://www.legislation.gov.uk/eur/2016/679/article/9",
        triggers: "A flow carrying a `category: special` data category whose effective lawful basis has no `article-9`.",
        fix: "Add `article-9:` to the purpose or flow (for public bodies usually substantial-public-interest with a Schedule 1 condition).",
        triggering: [
            RuleExample(
                "Health data with no Article 9 condition",
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}"),
            RuleExample(
                "Personal data that reveals health, with no Article 9 condition",
                data: RuleExample.baseData + "\n  shielding: {name: On the shielding list, subjects: [resident], category: personal, reveals: [health]}",
                systems: RuleExample.baseSystems + "\n      shielding: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, shielding]")),
        ],
        nonTriggering: [
            RuleExample(
                "Health data under health and social care",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Care Act 2014 s1, article-9: health-social-care, schedule-1: [health-social-care]}"),
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        let flow = model.flows[f]
        guard context.flow(f, carriesKind: .special), context.basis(ofFlow: f)?.article9 == nil else { return }
        if let p = InheritedDefects.inherits(flow, [.article9], in: model) {
            pass.add(purpose: p, flow: flow.id)
            return
        }
        let special = context.dataCategories(ofFlow: f).filter { $0.kind == .special }
        findings.add(
            at: context.lawfulBasisMark(flow), path: flow.path,
            "flow '\(flow.id)' carries special category data (\(special.map(\.id).joined(separator: ", "))) with no Article 9 condition")
    }

    func begin(_ context: RuleContext) -> InheritedDefects { InheritedDefects() }

    func end(_ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        pass.report(into: &findings, model: model, mark: { $0.lawfulBasis?.mark ?? $0.mark }) { purpose, flows in
            "purpose '\(purpose.id)' gives no Article 9 condition, but special category data flows under it, \(flows)"
        }
    }
}
