import DPFlowDiagnostics
import DPFlowModel

/// LB008: criminal offence data without official authority or a Schedule 1 condition.
struct MissingArticle10: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "LB008", name: "missing-article-10", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 10; DPA 2018 s10(5) and Schedule 1 Parts 1, 2 (via para 36) and 3",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/criminal-offence-data/",
        triggers: "A flow carrying `category: criminal-offence` data whose effective lawful basis has neither `article-10: official-authority` nor a valid Schedule 1 condition.",
        fix: "Add `article-10: official-authority` (a public body naming its legal power), or `article-10: schedule-1` with the Schedule 1 condition(s) in `schedule-1`.",
        triggering: [
            RuleExample(
                "DBS results with no Article 10 basis",
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M"))
        ],
        nonTriggering: [
            RuleExample(
                "DBS results under official authority",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Police Act 1997 Part V, article-10: official-authority}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M"))
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for (f, flow) in context.model.flows.enumerated() {
            guard context.flow(f, carriesKind: .criminalOffence) else { continue }
            let criminal = context.dataCategories(ofFlow: f).filter { $0.kind == .criminalOffence }
            let basis = context.model.effectiveLawfulBasis(of: flow)
            if basis?.article10?.value == .officialAuthority { continue }
            if (basis?.schedule1 ?? []).contains(where: { Schedule1.condition(named: $0.value) != nil }) { continue }
            findings.add(
                at: basis?.article10?.mark ?? context.lawfulBasisMark(flow), path: flow.path,
                "flow '\(flow.id)' carries criminal offence data (\(criminal.map(\.id).joined(separator: ", "))) with neither official authority nor a Schedule 1 condition")
        }
    }
}
