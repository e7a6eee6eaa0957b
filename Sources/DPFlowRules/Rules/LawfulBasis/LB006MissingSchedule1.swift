import DPFlowDiagnostics
import DPFlowModel

/// LB006: substantial public interest without a Schedule 1 Part 2 condition,
/// or a Schedule 1 condition that does not exist.
struct MissingSchedule1: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB006", name: "missing-schedule-1", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 9(2)(g); DPA 2018 s10(3) and Schedule 1 Part 2 (paras 6-28)",
        link: "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/part/2",
        triggers: "`article-9: substantial-public-interest` with no Schedule 1 Part 2 condition in `schedule-1`; or a `schedule-1` entry that names no condition of Schedule 1 (an unknown name, or a paragraph such as 5 or 38 that holds none).",
        fix: "List the Part 2 condition(s) relied on, by name (e.g. statutory-government-purposes) or paragraph (e.g. para-6).",
        triggering: [
            RuleExample(
                "Substantial public interest with no Schedule 1 condition",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-9: substantial-public-interest}")
                    + "\n  appropriate-policy-document: APD-1",
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}"),
            RuleExample(
                "A paragraph that holds no condition",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-9: substantial-public-interest, schedule-1: [para-5]}")
                    + "\n  appropriate-policy-document: APD-1",
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}"),
        ],
        nonTriggering: [
            RuleExample(
                "Substantial public interest under para 6",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Localism Act 2011 s1, article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]}")
                    + "\n  appropriate-policy-document: APD-1",
                data: "  contact: {name: Health needs, subjects: [resident], category: special, special: [health]}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        guard let basis = context.basis(ofFlow: f), let a9 = basis.article9,
            a9.value == .substantialPublicInterest
        else { return }
        let flow = model.flows[f]
        let parts = (basis.schedule1 ?? []).compactMap { Schedule1.condition(named: $0.value) }
        guard !parts.contains(where: { $0.part == .two }) else { return }
        if let p = InheritedDefects.inherits(flow, [.article9, .schedule1], in: model) {
            pass.add(purpose: p, flow: flow.id)
            return
        }
        findings.add(
            at: basis.schedule1?.first?.mark ?? a9.mark, path: flow.path,
            "flow '\(flow.id)' relies on Article 9(2)(g) substantial public interest but names no Schedule 1 Part 2 condition")
    }

    func begin(_ context: RuleContext) -> InheritedDefects { InheritedDefects() }

    func end(_ context: RuleContext, pass: inout InheritedDefects, into findings: inout RuleFindings) {
        let model = context.model
        // Once for the file: every schedule-1 list, purposes' defaults and flows' own.
        var lists: [(path: String, basis: LawfulBasis)] = model.programme.purposes.compactMap { p in p.lawfulBasis.map { (p.path, $0) } }
        lists += model.flows.indices.compactMap { f in model.flows[f].lawfulBasis.map { (model.flows[f].path, $0) } }
        for (path, basis) in lists {
            for entry in basis.schedule1 ?? [] where Schedule1.condition(named: entry.value) == nil {
                let near = Suggestions.didYouMean(entry.value, in: Schedule1.ids)
                findings.add(
                    at: entry.mark, path: path,
                    "'\(entry.value)' is not a condition of DPA 2018 Schedule 1\(near)")
            }
        }
        pass.report(
            into: &findings, model: model,
            mark: { $0.lawfulBasis?.schedule1?.first?.mark ?? $0.lawfulBasis?.article9?.mark ?? $0.mark }
        ) { purpose, flows in
            "purpose '\(purpose.id)' relies on Article 9(2)(g) substantial public interest but names no Schedule 1 Part 2 condition, \(flows)"
        }
    }
}
