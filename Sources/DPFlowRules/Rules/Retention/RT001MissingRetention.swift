import DPFlowModel
import DPFlowDiagnostics

/// RT001: a storing system receives a data category with no retention entry.
struct MissingRetention: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "RT001", name: "missing-retention", severity: .error, area: .retention),
        law: "UK GDPR Article 5(1)(e) storage limitation; Article 30(1)(f); ICO guidance on retention",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A system that stores data (`stores` is not false) receives a data category through a flow and has no `retention` entry for it. Systems of `scope: external` parties keep data on their own account and are not judged.",
        fix: "Add a retention entry for the category under the system: period, from, basis and disposal. If the system keeps nothing, set `stores: false`.",
        triggering: [
            RuleExample(
                "A CRM with no retention for what it receives",
                systems: "  crm: {name: Council CRM, party: council, location: GB-ENG}"),
            RuleExample(
                "A case reference the CRM creates, kept with no retention entry",
                systems: RuleExample.baseSystems.replacing("    location: GB-ENG\n", with: "    location: GB-ENG\n    creates: [case-ref]\n"),
                dataExtra: "  case-ref: {name: Case reference, subjects: [resident], category: personal}"),
        ],
        nonTriggering: [
            RuleExample("Retention declared"),
            RuleExample("A pass-through service", systems: "  crm: {name: Council gateway, party: council, location: GB-ENG, stores: false}"),
            RuleExample(
                "The police, an independent controller, receive a referral",
                flows: RuleExample.baseFlows + "\n  referral: {from: crm, to: police-records, data: [contact], purpose: support, encrypted: true, agreement: ISA-7}",
                partiesExtra: "  police: {name: Police force, type: public-authority, role: controller, country: GB-ENG, scope: external}",
                systemsExtra: "  police-records: {name: Police records, party: police, location: GB-ENG}"),
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let g = context.graph
        for (s, system) in context.model.systems.enumerated() where system.keepsData && context.inScope(system: s) {
            var reported = Set<Int>()
            // (1.1) Data the system creates is kept there too.
            for c in system.creates {
                guard let d = context.model.dataIndex[c.value], !g.keptData[s].contains(where: { $0.data == d }),
                    reported.insert(d).inserted
                else { continue }
                findings.add(
                    at: c.mark, path: "\(system.path).retention.\(c.value)",
                    "system '\(system.id)' creates '\(c.value)' but declares no retention for it")
            }
            for f in g.inFlows[g.node(ofSystem: s)] {
                for d in g.flowData[f] where !g.keptData[s].contains(where: { $0.data == d }) && reported.insert(d).inserted {
                    let data = context.model.data[d].id
                    findings.add(
                        at: system.mark, path: "\(system.path).retention.\(data)",
                        "system '\(system.id)' receives '\(data)' (through flow '\(context.model.flows[f].id)') but declares no retention for it")
                }
            }
        }
    }
}
