import DPFlowDiagnostics
import DPFlowModel

/// LB011: the Schedule 1 conditions listed do not serve the Article 9
/// condition relied on (DPA 2018 s10(2), (3)).
struct ScheduleConditionMismatch: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB011", name: "schedule-1-condition-mismatch", severity: .error, area: .lawfulBasis),
        law: "DPA 2018 s10(2) and (3): Article 9(2)(b), (h), (i) and (j) are met only through Schedule 1 Part 1 paras 1, 2, 3 and 4; (g) through a Part 2 condition; Part 3 serves Article 10 only",
        link: "https://www.legislation.gov.uk/ukpga/2018/12/section/10",
        triggers: "The lawful basis relies on Article 9 employment-social-security, health-social-care, public-health or archiving-research, and none of the `schedule-1` conditions listed is the Part 1 paragraph that serves it (1, 2, 3 or 4). A substantial-public-interest basis with no Part 2 condition is LB006's.",
        fix: "List the Schedule 1 condition that serves the Article 9 condition (e.g. `health-social-care` (para 2) for Art 9(2)(h)), or rely on the Article 9 condition that the listed condition serves.",
        triggering: [
            RuleExample(
                "Archiving with an equality condition",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1, article-9: archiving-research, schedule-1: [equality-of-opportunity]}"),
                data: RuleExample.baseData + "\n  ethnicity: {name: Ethnic origin, subjects: [resident], category: special, special: [racial-ethnic-origin]}",
                systems: RuleExample.baseSystems + "\n      ethnicity: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, ethnicity]")),
            RuleExample(
                "Health and social care with no Schedule 1 condition",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Care Act 2014 s9, article-9: health-social-care}"),
                data: RuleExample.baseData + "\n  needs: {name: Care needs, subjects: [resident], category: special, special: [health]}",
                systems: RuleExample.baseSystems + "\n      needs: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, needs]")),
        ],
        nonTriggering: [
            RuleExample(
                "Health and social care with paragraph 2",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Care Act 2014 s9, article-9: health-social-care, schedule-1: [health-social-care]}"),
                data: RuleExample.baseData + "\n  needs: {name: Care needs, subjects: [resident], category: special, special: [health]}",
                systems: RuleExample.baseSystems + "\n      needs: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, needs]")),
            RuleExample("No special category data"),
        ])

    /// The Part 1 paragraph each Article 9 condition needs, where it needs one.
    static let paragraph: [Article9Condition: Int] = [
        .employmentSocialSecurity: 1, .healthSocialCare: 2, .publicHealth: 3, .archivingResearch: 4,
    ]

    /// True when the listed conditions serve the Article 9 condition (or it needs none here).
    static func served(_ basis: LawfulBasis) -> Bool {
        guard let a9 = basis.article9?.value, let needed = paragraph[a9] else { return true }
        return (basis.schedule1 ?? []).contains { Schedule1.condition(named: $0.value)?.paragraph == needed }
    }

    /// The paths already reported: a purpose's default is reported once.
    func begin(_ context: RuleContext) -> Set<String> { [] }

    func check(flow f: Int, _ context: RuleContext, pass reported: inout Set<String>, into findings: inout RuleFindings) {
        let model = context.model
        // Purposes' defaults where the flows inherit them, then flows' own.
        let flow = model.flows[f]
        guard context.flow(f, carriesKind: .special), let basis = context.basis(ofFlow: f), !Self.served(basis),
            let a9 = basis.article9, let needed = Self.paragraph[a9.value]
        else { return }
        let inherited = InheritedDefects.inherits(flow, [.article9, .schedule1], in: model)
        let path = inherited.map { "\(model.programme.purposes[$0].path).lawful-basis" } ?? flow.path
        guard reported.insert(path).inserted else { return }
        let listed = (basis.schedule1 ?? []).compactMap { Schedule1.condition(named: $0.value) }
        let what = listed.isEmpty
            ? "names no Schedule 1 condition"
            : "lists \(listed.map { "\($0.id) (para \($0.paragraph))" }.joined(separator: ", ")), which does not serve it"
        let owner = inherited.map { "purpose '\(model.programme.purposes[$0].id)'" } ?? "flow '\(flow.id)'"
        findings.add(
            at: basis.schedule1?.first?.mark ?? a9.mark, path: path,
            "\(owner) relies on Article 9 \(a9.value.rawValue), which needs Schedule 1 paragraph \(needed), but \(what)")
    }
}
