import DPFlowDiagnostics
import DPFlowModel

/// TP002: a person supplies data about other people and no notice is named.
struct IndirectCollectionNotice: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "TP002", name: "indirect-collection-notice", severity: .warning, area: .transparency),
        law: "UK GDPR Article 14 (information where personal data have not been obtained from the data subject)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/the-right-to-be-informed/",
        triggers: "A flow from a subject group carries data about other subject groups (a proxy applicant, a joint landlord, a sponsor describing guests) and has no `notice`.",
        fix: "Name the privacy notice that tells the people the data is about, in `notice`; Article 14 applies to them.",
        triggering: [
            RuleExample(
                "A resident tells the council about their carer",
                subjects: RuleExample.baseSubjects + "\n  carer: {name: Carers, count: 40}",
                data: RuleExample.baseData + "\n  carer-contact: {name: Carer contact details, subjects: [carer], category: personal}",
                systems: RuleExample.baseSystems + "\n      carer-contact: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows + "\n  carer-details: {from: resident, to: crm, data: [carer-contact], purpose: support, encrypted: true}")
        ],
        nonTriggering: [
            RuleExample(
                "The same, with the notice that covers carers",
                subjects: RuleExample.baseSubjects + "\n  carer: {name: Carers, count: 40}",
                data: RuleExample.baseData + "\n  carer-contact: {name: Carer contact details, subjects: [carer], category: personal}",
                systems: RuleExample.baseSystems + "\n      carer-contact: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows + "\n  carer-details: {from: resident, to: crm, data: [carer-contact], purpose: support, encrypted: true, notice: https://example.gov.uk/privacy#carers}")
        ])

    func check(flow f: Int, _ context: RuleContext, pass: inout Void, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        guard g.isSubject(g.flowFrom[f]) else { return }
        guard (context.model.flows[f].notice?.value ?? "").isEmpty else { return }
        let flow = model.flows[f]
        let source = model.subjects[g.flowFrom[f]].id
        var others: [String] = []
        for d in g.flowData[f] {
            for s in model.data[d].subjects where s.value != source && !others.contains(s.value) { others.append(s.value) }
        }
        guard !others.isEmpty else { return }
        findings.add(
            at: flow.mark, path: flow.path,
            "flow '\(flow.id)' collects data about \(others.map { "'\($0)'" }.joined(separator: ", ")) from '\(source)', and names no notice that tells them")
    }
}
