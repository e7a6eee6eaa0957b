import DPFlowDiagnostics

/// TR007: data into a processor's system with no Article 28 contract.
struct MissingProcessorContract: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "TR007", name: "missing-processor-contract", severity: .error, area: .transfers),
        law: "UK GDPR Article 28(3): processing by a processor is governed by a contract",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/contracts-and-liabilities-between-controllers-and-processors-multi/",
        triggers: "A flow into a system of a processor or sub-processor whose party has no `contract`.",
        fix: "Put an Article 28 contract in place and give its reference in the party's `contract`.",
        triggering: [
            RuleExample(
                "A hosting processor with no contract",
                flows: RuleExample.baseFlows + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council]}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Instructions, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The processor's contract is recorded",
                flows: RuleExample.baseFlows + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-2026-01}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-2026-01, disposal: delete}}}")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        for (f, flow) in context.model.flows.enumerated() {
            guard let party = context.party(ofNode: context.graph.flowTo[f]), party.role?.value.isProcessor == true,
                (party.contract?.value ?? "").isEmpty
            else { continue }
            findings.add(
                at: flow.to?.mark ?? flow.mark, path: flow.path,
                "flow '\(flow.id)' sends data to \(party.role?.value.rawValue ?? "processor") '\(party.id)', which has no Article 28 contract recorded")
        }
    }
}
