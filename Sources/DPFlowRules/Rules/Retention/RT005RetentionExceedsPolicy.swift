import DPFlowDiagnostics
import DPFlowModel

/// RT005: a period longer than the configured ceiling for its kind of data.
struct RetentionExceedsPolicy: RetentionRule {
    static let description = RuleDescription(
        RuleInfo(id: "RT005", name: "retention-exceeds-policy", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e); DBS code of practice: certificate information is generally kept no longer than six months",
        link: "https://www.gov.uk/government/publications/handling-of-dbs-certificate-information",
        triggers: "A retention period longer than the ceiling configured for the category's kind (`limits.retention-ceiling` in .dpflow.yaml). The default ceiling is P6M for criminal-offence data; `indefinite` always exceeds a ceiling.",
        fix: "Shorten the period to the ceiling, or record the reason for keeping it longer and accept the finding with an exception.",
        triggering: [
            RuleExample(
                "DBS results kept for a year",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Police Act 1997 Part V, article-10: official-authority}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P1Y"))
        ],
        nonTriggering: [
            RuleExample(
                "DBS results kept for six months",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Police Act 1997 Part V, article-10: official-authority}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M"))
        ])

    func check(entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings) {
        guard d >= 0, let p = entry.period else { return }
        let kind = context.graph.dataKind[d]
        guard let ceiling = context.configuration.retentionCeilings[kind], RetentionPeriod.duration(ceiling) < p.value else { return }
        findings.add(
            at: p.mark, path: entry.path,
            "system '\(context.model.systems[s].id)' keeps \(kind.rawValue) data '\(entry.dataID)' for \(p.value), longer than the ceiling of \(ceiling) for \(kind.rawValue) data")
    }
}
