import DPFlowDiagnostics
import DPFlowModel

/// RT010: a programme has ended and its systems still keep data with no end in sight.
struct KeptAfterProgrammeEnd: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT010", name: "kept-after-programme-end", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e) (storage limitation); ICO retention guidance",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "`programme.ends` is before the as-of date, and a system of the programme keeps data `indefinite`ly, by `criteria`, or for a period `from: programme-end` that has already run out.",
        fix: "Dispose of what is no longer needed and record it, or set a period that runs from the programme's end and say why the data is still needed.",
        triggering: [
            RuleExample(
                "A closed programme whose CRM keeps contacts while criteria hold",
                programme: RuleExample.baseProgramme + "\n  ends: 2024-03-31",
                systems: RuleExample.baseSystems.replacing(
                    "{period: P6Y, from: case-closed,",
                    with: "{period: criteria, criteria: While the resident may ask for help again, review-every: P1Y,")),
            RuleExample(
                "A closed programme whose one-year period after the end has passed",
                programme: RuleExample.baseProgramme + "\n  ends: 2024-03-31",
                systems: RuleExample.baseSystems.replacing("{period: P6Y, from: case-closed,", with: "{period: P1Y, from: programme-end,")),
        ],
        nonTriggering: [
            RuleExample(
                "A closed programme keeping contacts six years from case closure",
                programme: RuleExample.baseProgramme + "\n  ends: 2024-03-31"),
            RuleExample(
                "A running programme with criteria-based retention",
                programme: RuleExample.baseProgramme + "\n  ends: 2030-03-31",
                systems: RuleExample.baseSystems.replacing(
                    "{period: P6Y, from: case-closed,",
                    with: "{period: criteria, criteria: While the resident may ask for help again, review-every: P1Y,")),
        ])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        guard let ends = context.model.programme.ends, ends.value < context.asOf, context.model.systems[s].keepsData,
            let p = entry.period
        else { return }
        let why: String
        switch p.value {
        case .indefinite: why = "indefinitely"
        case .criteria: why = "while criteria hold (\(entry.criteria?.value ?? "not stated"))"
        case .duration(let d):
            guard entry.from?.value == "programme-end" else { return }
            let due = ends.value.adding(d)
            guard due < context.asOf else { return }
            why = "for \(d) from the programme's end, which ran out on \(due)"
        }
        findings.add(
            at: p.mark, path: entry.path,
            "the programme ended on \(ends.value), but system '\(context.model.systems[s].id)' keeps '\(entry.dataID)' \(why)")
    }
}
