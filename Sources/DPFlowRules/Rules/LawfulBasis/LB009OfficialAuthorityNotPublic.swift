import DPFlowDiagnostics
import DPFlowModel

/// LB009: official authority claimed where the receiving controller is not a public authority.
struct OfficialAuthorityNotPublic: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "LB009", name: "official-authority-not-public", severity: .error, area: .lawfulBasis),
        law: "UK GDPR Article 10: processing under the control of official authority",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/criminal-offence-data/",
        triggers: "`article-10: official-authority` on a flow (its own, or inherited on a flow of criminal offence data) whose receiving controller, the party of the receiving system or, for a processor, the controllers it acts for, is not a public authority.",
        fix: "A body without official authority needs a Schedule 1 condition: use `article-10: schedule-1` with `schedule-1: [...]`.",
        triggering: [
            RuleExample(
                "A charity claims official authority",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Police Act 1997 Part V, article-10: official-authority}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                parties: "  council: {name: A Charity, type: charity, role: controller, country: GB-ENG}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M"))
        ],
        nonTriggering: [
            RuleExample(
                "A council under official authority",
                programme: RuleExample.baseProgramme.replacing(
                    "legal-power: Localism Act 2011 s1}", with: "legal-power: Police Act 1997 Part V, article-10: official-authority}"),
                data: "  contact: {name: DBS results, subjects: [resident], category: criminal-offence}",
                systems: RuleExample.baseSystems.replacing("period: P6Y", with: "period: P6M"))
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        let flow = context.model.flows[f]
        let own = flow.lawfulBasis?.article10
        let effective = context.basis(ofFlow: f)?.article10
        let carriesCriminal = context.flow(f, carriesKind: .criminalOffence)
        guard let a10 = own ?? (carriesCriminal ? effective : nil), a10.value == .officialAuthority else { return }
        guard let s = g.systemIndex(ofNode: g.flowTo[f]) else { return }
        let receivers = g.systemControllers[s].map { context.model.parties[$0] }
        let notPublic = receivers.filter { !$0.isPublicAuthority }
        guard !notPublic.isEmpty else { return }
        findings.add(
            at: a10.mark, path: flow.path,
            "flow '\(flow.id)' claims official authority, but its receiving controller \(notPublic.map { "'\($0.id)'" }.joined(separator: ", ")) is not a public authority")
    }
}
