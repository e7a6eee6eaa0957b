import DPFlowDiagnostics
import DPFlowModel

/// LB008: criminal offence data without official authority or a Schedule 1 condition.
struct MissingArticle10: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB008", name: "missing-article-10", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 10; DPA 2018 s10(5) and Schedule 1 Parts 1, 2 (via para 36) and 3",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/criminal-offence-data/",
        triggers: "A flow carrying `category: criminal-offence` data whose effective lawful basis (its own or its purpose's) states no `article-10`, or states `article-10: schedule-1` with no Schedule 1 condition (Part 1, Part 2 through para 36, or Part 3). Conditions listed for Article 9 do not by themselves declare the Article 10 basis.",
        fix: "Add `article-10: official-authority` (a public body naming its legal power), or `article-10: schedule-1` with the Schedule 1 condition(s) in `schedule-1`.",
        triggering: [
            RuleExample(
                "DBS results with no Article 10 basis",
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M")),
            RuleExample(
                "A Schedule 1 condition listed, but no Article 10 basis declared",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1, schedule-1: [safeguarding-children-and-individuals-at-risk]}\n  appropriate-policy-document: APD-1"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M")),
            RuleExample(
                "article-10: schedule-1 with no condition",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-10: schedule-1}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M")),
        ],
        nonTriggering: [
            RuleExample(
                "DBS results under official authority",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Police Act 1997 Part V, article-10: official-authority}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M")),
            RuleExample(
                "article-10: schedule-1 with paragraph 18 (through para 36)",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1, article-10: schedule-1, schedule-1: [safeguarding-children-and-individuals-at-risk]}\n  appropriate-policy-document: APD-1"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M")),
        ])

    func begin(_ context: RuleContext) -> [Bool: InheritedDefects] { [:] }

    func check(flow f: Int, _ context: RuleContext, pass inherited: inout [Bool: InheritedDefects], into findings: inout RuleFindings) {
        let model = context.model
        let flow = model.flows[f]
        guard context.flow(f, carriesKind: .criminalOffence) else { return }
        let basis = context.basis(ofFlow: f)
        let stated = basis?.article10?.value
        if stated == .officialAuthority { return }
        // `article-10: schedule-1` is served by a Part 1 or Part 2 (through
        // para 36) or Part 3 condition: any valid condition.
        if stated == .schedule1, (basis?.schedule1 ?? []).contains(where: { Schedule1.condition(named: $0.value) != nil }) {
            return
        }
        let declaredSchedule = stated == .schedule1
        if let p = InheritedDefects.inherits(flow, declaredSchedule ? [.article10, .schedule1] : [.article10], in: model) {
            inherited[declaredSchedule, default: InheritedDefects()].add(purpose: p, flow: flow.id)
            return
        }
        let criminal = context.dataCategories(ofFlow: f).filter { $0.kind == .criminalOffence }.map(\.id).joined(separator: ", ")
        findings.add(
            at: basis?.article10?.mark ?? context.lawfulBasisMark(flow), path: flow.path,
            declaredSchedule
                ? "flow '\(flow.id)' carries criminal offence data (\(criminal)) under 'article-10: schedule-1' but names no Schedule 1 condition"
                : "flow '\(flow.id)' carries criminal offence data (\(criminal)) but its lawful basis declares no Article 10 basis")
    }

    func end(_ context: RuleContext, pass inherited: inout [Bool: InheritedDefects], into findings: inout RuleFindings) {
        let model = context.model
        for declaredSchedule in [false, true] {
            inherited[declaredSchedule]?.report(
                into: &findings, model: model, mark: { $0.lawfulBasis?.article10?.mark ?? $0.lawfulBasis?.mark ?? $0.mark }
            ) { purpose, flows in
                declaredSchedule
                    ? "purpose '\(purpose.id)' declares 'article-10: schedule-1' but names no Schedule 1 condition, while criminal offence data flows under it, \(flows)"
                    : "purpose '\(purpose.id)' declares no Article 10 basis, but criminal offence data flows under it, \(flows)"
            }
        }
    }
}
