import DPFlowModel
import DPFlowDiagnostics

/// DP001: the screening finds a DPIA required and it is not approved.
struct DPIARequired: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "DP001", name: "dpia-required", severity: .error, area: .dpia),
        law: "UK GDPR Article 35(1) and 35(3); ICO list of processing likely to result in high risk; EDPB WP248",
        link: DPIACriteria.source.url,
        triggers: "The screening finds a DPIA required (an Art 35(3) case, an ICO-list item that stands alone, or two or more WP248 criteria) and `programme.dpia.status` is not `approved`. The message lists the criteria met.",
        fix: "Complete the DPIA (`dpflow report` drafts it), have it approved, and record status: approved with approved-by and approved-on.",
        triggering: [
            RuleExample(
                "Children's data at scale, DPIA in draft",
                programme: RuleExample.baseProgramme.replacing("status: approved", with: "status: draft"),
                subjects: "  resident: {name: Residents, count: 50000, children: true}")
        ],
        nonTriggering: [
            RuleExample(
                "The same programme with its DPIA approved",
                subjects: "  resident: {name: Residents, count: 50000, children: true}"),
            RuleExample(
                "A small programme where no DPIA is required",
                programme: RuleExample.baseProgramme.replacing("status: approved", with: "status: not-started")),
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let screening = context.screening
        guard screening.required else { return }
        let dpia = context.model.programme.dpia
        guard dpia?.status?.value != .approved else { return }
        let state = dpia?.status?.value.rawValue ?? "not recorded"
        let criteria = screening.grouped.map { "\($0.title) (\($0.sources.joined(separator: ", ")))" }.joined(separator: "; ")
        findings.add(
            at: dpia?.status?.mark ?? dpia?.mark ?? context.model.programme.mark, path: "programme.dpia",
            "a DPIA is required (criteria met: \(criteria)) but its status is \(state)")
    }
}
