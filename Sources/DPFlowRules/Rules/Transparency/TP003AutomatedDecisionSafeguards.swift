import DPFlowDiagnostics
import DPFlowModel

/// TP003: a significant solely automated decision without every Article 22C safeguard.
struct AutomatedDecisionSafeguards: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "TP003", name: "automated-decision-safeguards", severity: .warning, area: .transparency),
        law: "UK GDPR Article 22C, as inserted by the Data (Use and Access) Act 2025 s80",
        link: "https://www.legislation.gov.uk/ukpga/2025/18/section/80",
        triggers: "An `automated-decision` whose `safeguards` do not include all four of inform, representations, human-intervention and contest.",
        fix: "Put the missing safeguards in place (tell the person, let them make representations, offer human intervention, let them contest the decision) and list them in `safeguards`.",
        triggering: [
            RuleExample(
                "A decision with only a notice",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1}\n      automated-decision: {decision: Council tax reduction, safeguards: [inform]}"))
        ],
        nonTriggering: [
            RuleExample(
                "A decision with all four safeguards",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1}\n      automated-decision: {decision: Council tax reduction, safeguards: [inform, representations, human-intervention, contest]}"))
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for site in AutomatedDecisionSite.all(in: context) {
            let given = Set(site.decision.safeguards.map(\.value))
            let missing = Safeguard.allCases.filter { !given.contains($0) }
            guard !missing.isEmpty else { continue }
            findings.add(
                at: site.decision.mark, path: site.path,
                "\(site.title) takes \(site.what) solely by automated means without the Article 22C safeguards \(missing.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
