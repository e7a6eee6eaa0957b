import DPFlowDiagnostics
import DPFlowModel

/// LB007: a condition that needs an appropriate policy document, and none is named.
struct MissingPolicyDocument: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "LB007", name: "missing-appropriate-policy-document", severity: .error, area: .lawfulBasis),
        law: "DPA 2018 Schedule 1 para 1(1)(b), para 5 and Part 4 (appropriate policy document)",
        link: "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/part/4",
        triggers: "The programme relies on Art 9(2)(b) employment and social security (or Sch 1 para 1), on a Schedule 1 Part 2 condition other than paras 10(2), 13 and 27(3) (dpflow reads paras 10 and 27 as their exempt sub-paragraphs), or on paragraph 35, and `programme.appropriate-policy-document` is absent.",
        fix: "Write the appropriate policy document (procedures for the Art 5 principles, retention and erasure) and give its reference in `appropriate-policy-document`.",
        triggering: [
            RuleExample(
                "Substantial public interest under para 6 with no APD",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]}"),
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}")
        ],
        nonTriggering: [
            RuleExample(
                "The APD is named",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]}")
                    + "\n  appropriate-policy-document: APD-2024-01",
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}"),
            RuleExample(
                "Para 13 journalism needs no APD",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-9: substantial-public-interest, schedule-1: [journalism-academia-art-literature]}"),
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}"),
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let model = context.model
        guard (model.programme.appropriatePolicyDocument?.value ?? "").isEmpty else { return }
        var bases: [(String, LawfulBasis)] = model.programme.purposes.compactMap { p in p.lawfulBasis.map { (p.path, $0) } }
        bases += model.flows.compactMap { f in f.lawfulBasis.map { (f.path, $0) } }
        var reliances: [(path: String, what: String, mark: SourceMark)] = []
        for (path, basis) in bases {
            if let a9 = basis.article9, a9.value == .employmentSocialSecurity {
                reliances.append((path, "Art 9(2)(b) employment and social security", a9.mark))
            }
            // A Part 2 condition listed beside an Article 9 condition it cannot
            // serve is LB011's, unless it serves Article 10 (para 36).
            let rejectsPartTwo = !ScheduleConditionMismatch.served(basis) && basis.article10 == nil
            for entry in basis.schedule1 ?? [] {
                guard let c = Schedule1.condition(named: entry.value) else { continue }
                if rejectsPartTwo && c.part == .two { continue }
                let needs = c.paragraph == 1 || (c.part == .two && !c.exemptFromPolicyDocument)
                    || Schedule1.policyDocumentParagraphsInPart3.contains(c.paragraph)
                if needs { reliances.append((path, "Schedule 1 para \(c.paragraph) (\(c.id))", entry.mark)) }
            }
        }
        guard !reliances.isEmpty else { return }
        let listed = reliances.prefix(3).map { "\($0.what) at \($0.path)" }.joined(separator: "; ")
        findings.add(
            at: model.programme.mark, path: "programme",
            "the programme relies on conditions that need an appropriate policy document (\(listed)\(reliances.count > 3 ? "; …" : "")) but names none",
            trace: reliances.map(\.path).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } })
    }
}
