import DPFlowDiagnostics
import DPFlowModel

/// LB013: a significant solely automated decision relies on recognised
/// legitimate interests.
struct AutomatedDecisionRecognisedInterests: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "LB013", name: "automated-decision-recognised-legitimate-interests", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 22B(4), as inserted by the Data (Use and Access) Act 2025 s80",
        link: "https://www.legislation.gov.uk/ukpga/2025/18/section/80",
        triggers: "An `automated-decision` covers a flow (or purpose) whose Article 6 bases include recognised-legitimate-interests.",
        fix: "Rely on another Article 6 basis for the decision, or put meaningful human involvement into it.",
        triggering: [
            RuleExample(
                "Automated referral under recognised legitimate interests",
                programme: RuleExample.baseProgramme.replacing(
                    "{article-6: public-task, legal-power: Localism Act 2011 s1}",
                    with: "{article-6: [public-task, recognised-legitimate-interests], legal-power: Localism Act 2011 s1}\n      automated-decision: {decision: Referral to the police, safeguards: [inform, representations, human-intervention, contest]}"))
        ],
        nonTriggering: [
            RuleExample(
                "The same decision under public task",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1}\n      automated-decision: {decision: Referral to the police, safeguards: [inform, representations, human-intervention, contest]}"))
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for site in AutomatedDecisionSite.all(in: context) {
            let failing = site.bases(context).filter { $0.basis?.relies(on: .recognisedLegitimateInterests) == true }
            guard !failing.isEmpty else { continue }
            let flows = failing.compactMap(\.flow)
            findings.add(
                at: site.decision.mark, path: site.path,
                "\(site.title) takes \(site.what) solely by automated means while relying on recognised legitimate interests, which Article 22B(4) does not allow",
                trace: flows.map { "flows.\($0)" })
        }
    }
}
