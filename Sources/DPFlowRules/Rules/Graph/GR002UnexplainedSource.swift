import DPFlowModel
import DPFlowDiagnostics

/// GR002: a flow sends data its source does not have.
/// A lineage check at each system: what it sends must arrive or be kept there.
struct UnexplainedSource: FlowRule {
    static let description = RuleDescription(
        RuleInfo(id: "GR002", name: "unexplained-source", severity: .warning, area: .graph),
        law: "UK GDPR Article 30 and Article 5(2) accountability: the record shows where each category comes from",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/documentation/",
        triggers: "A flow sends a data category that its source system neither receives through any flow, keeps, nor `creates`. Systems of `scope: external` parties are sources in their own right and never trigger it; a person may supply data about other people (TP002 covers the notice).",
        fix: "Add the flow that brings the category into the source system, declare that the system `creates` it (a reference number, an outcome), or correct the flow's data.",
        triggering: [
            RuleExample(
                "The CRM sends case notes it never receives",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [notes], purpose: support, agreement: DSA-1, encrypted: true}",
                dataExtra: "  notes: {name: Case notes, subjects: [resident], category: personal}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: "  partner-crm: {name: Partner CRM, party: partner, location: GB-ENG, retention: {notes: {period: P2Y, from: received, basis: Schedule 1, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The CRM shares what it received",
                flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1, encrypted: true}",
                partiesExtra: "  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
                systemsExtra: ExpiredException.partnerSystem),
            RuleExample(
                "A case system sends the reference number it creates",
                systems: RuleExample.baseSystems + "\n    creates: [case-ref]\n  letters: {name: Letter service, party: council, location: GB-ENG, stores: false}",
                flows: RuleExample.baseFlows + "\n  letter: {from: crm, to: letters, data: [case-ref], purpose: support, encrypted: true}",
                dataExtra: "  case-ref: {name: Case reference, subjects: [resident], category: personal}"),
            RuleExample(
                "Addresses read from an external register",
                systems: RuleExample.baseSystems + "\n      address: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}\n  addressbase: {name: AddressBase, party: os, location: GB}",
                flows: RuleExample.baseFlows + "\n  lookup: {from: addressbase, to: crm, data: [address], purpose: support, encrypted: true, agreement: PSGA licence}",
                dataExtra: "  address: {name: Address, subjects: [resident], category: personal}",
                partiesExtra: "  os: {name: Ordnance Survey, type: public-authority, role: controller, country: GB, scope: external}"),
            RuleExample(
                "A resident gives details of their carer",
                subjects: RuleExample.baseSubjects + "\n  carer: {name: Carers, count: 40}",
                systems: RuleExample.baseSystems + "\n      carer-contact: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}",
                flows: RuleExample.baseFlows + "\n  carer-details: {from: resident, to: crm, data: [carer-contact], purpose: support, encrypted: true, notice: https://example.gov.uk/privacy}",
                dataExtra: "  carer-contact: {name: Carer contact details, subjects: [carer], category: personal}"),
        ])

    /// Per node, the categories that arrive there (computed once).
    /// What arrives where: each (node, data category) that some flow
    /// delivers, as one sorted list of `node * dataCount + data` (one array,
    /// searched by halves, rather than a set per node).
    struct Arrivals {
        let keys: [Int]
        let dataCount: Int

        func contains(node: Int, data d: Int) -> Bool {
            let key = node * dataCount + d
            var low = 0
            var high = keys.count
            while low < high {
                let mid = (low + high) / 2
                if keys[mid] < key { low = mid + 1 } else { high = mid }
            }
            return low < keys.count && keys[low] == key
        }
    }

    func begin(_ context: RuleContext) -> Arrivals {
        let g = context.graph
        let dataCount = max(1, context.model.data.count)
        var keys: [Int] = []
        for f in context.model.flows.indices where g.flowTo[f] >= 0 {
            for d in g.flowData[f] { keys.append(g.flowTo[f] * dataCount + d) }
        }
        keys.sort()
        var unique: [Int] = []
        unique.reserveCapacity(keys.count)
        for k in keys where unique.last != k { unique.append(k) }
        return Arrivals(keys: unique, dataCount: dataCount)
    }

    func check(flow f: Int, _ context: RuleContext, pass arrives: inout Arrivals, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        // A subject may supply data about other people (TP002 covers the
        // notice); a system outside the record is a source in its own right.
        guard let s = g.systemIndex(ofNode: g.flowFrom[f]), !g.systemExternal[s] else { return }
        let from = g.flowFrom[f]
        for d in g.flowData[f] where !arrives.contains(node: from, data: d) && !g.keptData[s].contains(where: { $0.data == d }) {
            let id = model.data[d].id
            if model.systems[s].creates.contains(where: { $0.value == id }) { continue }
            let flow = model.flows[f]
            findings.add(
                at: flow.from?.mark ?? flow.mark, path: flow.path,
                "flow '\(flow.id)' sends '\(id)' from '\(model.systems[s].id)', which neither receives, keeps nor creates it",
                trace: [g.nodePath(from)])
        }
    }
}
