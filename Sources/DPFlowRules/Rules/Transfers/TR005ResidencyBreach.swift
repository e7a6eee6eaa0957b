import DPFlowDiagnostics
import DPFlowModel

/// TR005: data that must stay in a country reaches a system outside it.
/// A graph check: follows the category's flows from where it enters, through
/// any number of hops, and names the path to each system outside.
struct ResidencyBreach: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "TR005", name: "residency-breach", severity: .error, area: .transfers),
        law: "Data residency commitments (contracts, Government Security Classifications, sector rules); UK GDPR Article 5(1)(f)",
        link: "https://www.gov.uk/government/publications/government-security-classifications",
        triggers: "A data category with `residency` reaches a system located outside that country along any path of flows. GB covers the UK nations; a nation (GB-SCT) covers only itself.",
        fix: "Stop the flow that takes the data out, or move the receiving system; if residency was too strict, correct it.",
        triggering: [
            RuleExample(
                "UK-only data reaches Ireland two hops on",
                data: "  contact: {name: Contact details, subjects: [resident], category: personal, residency: GB}",
                flows: RuleExample.baseFlows
                    + "\n  to-host: {from: crm, to: hosting, data: [contact], purpose: support, encrypted: true}"
                    + "\n  to-backup: {from: hosting, to: backup, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: adequacy}}",
                partiesExtra: "  host: {name: Example Hosting Ltd, type: company, role: processor, country: GB, processor-for: [council], contract: C-1}",
                systemsExtra: "  hosting: {name: Hosting, party: host, location: GB, retention: {contact: {period: P6Y, from: case-closed, basis: Contract C-1, disposal: delete}}}\n"
                    + "  backup: {name: Backup, party: host, location: IE, retention: {contact: {period: P30D, from: backup-taken, basis: Contract C-1, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "UK-only data stays in England",
                data: "  contact: {name: Contact details, subjects: [resident], category: personal, residency: GB}")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        for (d, data) in model.data.enumerated() {
            guard let residency = data.residency?.value, !g.flowsByData[d].isEmpty else { continue }
            // Start from nodes where d enters the graph (sends d but receives none of it).
            var receives = Set<Int>()
            var sends = Set<Int>()
            for f in g.flowsByData[d] {
                if g.flowTo[f] >= 0 { receives.insert(g.flowTo[f]) }
                if g.flowFrom[f] >= 0 { sends.insert(g.flowFrom[f]) }
            }
            var roots = sends.subtracting(receives).sorted()
            if roots.isEmpty { roots = sends.sorted() }  // a pure cycle: start anywhere
            var previous: [Int: (node: Int, flow: Int)] = [:]
            var seen = Set(roots)
            var queue = roots
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for f in g.outFlows[node] where g.flow(f, carries: d) {
                    let next = g.flowTo[f]
                    // Data told to people is not held anywhere; a path does not go on through them.
                    guard next >= 0, !g.isSubject(next), seen.insert(next).inserted else { continue }
                    previous[next] = (node, f)
                    queue.append(next)
                    guard let s = g.systemIndex(ofNode: next),
                        let location = g.systemPlaces[s].first(where: { !Self.inside($0, residency) })
                    else { continue }
                    var trace = [next]
                    var n = next
                    while let p = previous[n] { trace.append(p.node); n = p.node }
                    trace.reverse()
                    let flow = model.flows[f]
                    findings.add(
                        at: flow.to?.mark ?? flow.mark, path: flow.path,
                        "'\(data.id)' must stay in \(residency.code) but reaches '\(model.systems[s].id)' in \(location.isUnknown ? "an unknown place" : location.code) along \(trace.map { g.nodeID($0) }.joined(separator: " -> "))",
                        trace: trace.map { g.nodePath($0) })
                }
            }
        }
    }

    /// GB holds every UK nation; anything else holds only itself.
    static func inside(_ location: Country, _ residency: Country) -> Bool {
        location == residency || (residency.code == "GB" && location.isUK)
    }
}
