import DPFlowDiagnostics
import DPFlowModel

/// RT004: a system keeps a category longer than the system it came from.
/// A graph check: follows each category's flows from every system that keeps
/// it, through systems that do not, to the next systems that do.
struct DownstreamOutlivesSource: Rule {
    static let description = RuleDescription(
        RuleInfo(id: "RT004", name: "downstream-outlives-source", severity: .warning, area: .retention),
        law: "UK GDPR Article 5(1)(e) storage limitation; Article 5(2) accountability for copies held by recipients",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A system reached through flows keeps a data category longer than the nearest system upstream that keeps it (through any number of systems that keep nothing). The finding names the path.",
        fix: "Align the downstream period with the source's, or record why the recipient needs it longer (its own basis) and accept the finding with an exception.",
        triggering: [
            RuleExample(
                "The archive keeps contact details longer than the CRM, through a gateway",
                flows: RuleExample.baseFlows
                    + "\n  to-gateway: {from: crm, to: gateway, data: [contact], purpose: support, encrypted: true}"
                    + "\n  to-archive: {from: gateway, to: archive, data: [contact], purpose: support, encrypted: true}",
                systemsExtra: "  gateway: {name: Gateway, party: council, location: GB-ENG, stores: false}\n"
                    + "  archive: {name: Archive, party: council, location: GB-ENG, retention: {contact: {period: P10Y, from: case-closed, basis: Schedule 9, disposal: delete}}}")
        ],
        nonTriggering: [
            RuleExample(
                "The archive keeps them for the same time, P72M being P6Y",
                flows: RuleExample.baseFlows + "\n  to-archive: {from: crm, to: archive, data: [contact], purpose: support, encrypted: true}",
                systemsExtra: "  archive: {name: Archive, party: council, location: GB-ENG, retention: {contact: {period: P72M, from: case-closed, basis: Schedule 9, disposal: delete}}}")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {
        let g = context.graph
        let model = context.model
        for d in model.data.indices where !g.flowsByData[d].isEmpty {
            let dataID = model.data[d].id
            // The retention entry of d at each node that keeps it.
            var entry = [Int: RetentionEntry]()
            for (s, system) in model.systems.enumerated() where system.keepsData {
                if let e = system.retention.first(where: { $0.dataID == dataID }), e.period != nil { entry[g.node(ofSystem: s)] = e }
            }
            var reported = Set<Int>()
            for source in entry.keys.sorted() {
                guard let sourcePeriod = entry[source]?.period?.value else { continue }
                // Breadth-first from the source, passing only through nodes that keep nothing of d.
                var previous = [source: -1]
                var queue = [source]
                var head = 0
                while head < queue.count {
                    let node = queue[head]
                    head += 1
                    for f in g.outFlows[node] where g.flow(f, carries: d) {
                        let next = g.flowTo[f]
                        guard next >= 0, previous[next] == nil else { continue }
                        previous[next] = node
                        if let e = entry[next] {
                            if let p = e.period, sourcePeriod < p.value, reported.insert(next).inserted {
                                var trace: [Int] = []
                                var n = next
                                while n >= 0 { trace.append(n); n = previous[n] ?? -1 }
                                let names = trace.reversed().map { g.nodeID($0) }
                                findings.add(
                                    at: p.mark, path: e.path,
                                    "system '\(g.nodeID(next))' keeps '\(dataID)' for \(p.value), longer than '\(g.nodeID(source))' (\(sourcePeriod)) that it comes from, along \(names.joined(separator: " -> "))",
                                    trace: trace.reversed().map { g.nodePath($0) })
                            }
                        } else {
                            queue.append(next)
                        }
                    }
                }
            }
        }
    }
}
