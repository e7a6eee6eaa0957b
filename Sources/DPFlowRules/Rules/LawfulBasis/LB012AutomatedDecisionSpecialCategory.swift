import DPFlowDiagnostics
import DPFlowModel

/// LB012: a significant solely automated decision rests on special category
/// data without the basis Article 22B allows.
struct AutomatedDecisionSpecialCategory: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "LB012", name: "automated-decision-special-category", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 22B(1)-(3), as inserted by the Data (Use and Access) Act 2025 s80",
        link: "https://www.legislation.gov.uk/ukpga/2025/18/section/80",
        triggers: "An `automated-decision` (on a purpose or a flow) rests on special category data (`special-category: true`, or a flow it covers carries special or `reveals` data), and the basis is neither Article 9 explicit-consent nor Article 6 contract, legal-obligation or public-task together with Article 9 substantial-public-interest.",
        fix: "Put meaningful human involvement into the decision, or rely on explicit consent, or on a contract, legal obligation or public task together with Article 9(2)(g) substantial public interest.",
        triggering: [
            RuleExample(
                "Eligibility scored on health data under public task and health and social care",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Care Act 2014 s9, article-9: health-social-care, schedule-1: [health-social-care]}\n      automated-decision: {decision: Eligibility for support, safeguards: [inform, representations, human-intervention, contest]}"),
                data: RuleExample.baseData + "\n  needs: {name: Care needs, subjects: [resident], category: special, special: [health]}",
                systems: RuleExample.baseSystems + "\n      needs: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, needs]"))
        ],
        nonTriggering: [
            RuleExample(
                "The same decision under substantial public interest",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Care Act 2014 s9, article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]}\n      automated-decision: {decision: Eligibility for support, safeguards: [inform, representations, human-intervention, contest]}\n  appropriate-policy-document: APD-1"),
                data: RuleExample.baseData + "\n  needs: {name: Care needs, subjects: [resident], category: special, special: [health]}",
                systems: RuleExample.baseSystems + "\n      needs: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, needs]")),
            RuleExample(
                "An automated decision on contact details only",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}",
                    with: "legal-power: Localism Act 2011 s1}\n      automated-decision: {decision: Reminder letters, safeguards: [inform, representations, human-intervention, contest]}")),
        ])

    /// Article 22B(2)-(3): explicit consent, or contract / legal obligation /
    /// public task with substantial public interest.
    static func allowed(_ basis: LawfulBasis?) -> Bool {
        guard let basis else { return false }
        if basis.article9?.value == .explicitConsent { return true }
        let a6 = basis.relies(on: .contract) || basis.relies(on: .legalObligation) || basis.relies(on: .publicTask)
        return a6 && basis.article9?.value == .substantialPublicInterest
    }

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for site in AutomatedDecisionSite.all(in: context) where site.restsOnSpecialData(context) {
            let failing = site.bases(context).filter { !Self.allowed($0.basis) }
            guard !failing.isEmpty else { continue }
            let flows = failing.compactMap(\.flow)
            let under = flows.isEmpty ? "" : " (flows: \(flows.prefix(8).map { "'\($0)'" }.joined(separator: ", "))\(flows.count > 8 ? ", …" : ""))"
            findings.add(
                at: site.decision.mark, path: site.path,
                "\(site.title) takes \(site.what) solely by automated means on special category data, but its basis\(under) is neither explicit consent nor a contract, legal obligation or public task with substantial public interest",
                trace: flows.map { "flows.\($0)" })
        }
    }
}
