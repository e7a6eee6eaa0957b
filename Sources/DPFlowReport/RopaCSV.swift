import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowRules

/// `ropa.csv`: the Article 30(1) record. One row per in-scope controller x
/// purpose, split per system where the systems keep the data differently.
/// Quoted as RFC 4180 says, with cells that a spreadsheet would read as a
/// formula neutralised. Every value is worded by `PlainEnglish`.
public enum RopaCSV {
    public static let headers = [
        "controller", "controller contact", "data protection officer", "purpose", "lawful basis (Art 6)",
        "special category condition (Art 9 / Sch 1)", "criminal offence basis (Art 10)", "categories of data subjects",
        "categories of personal data", "systems", "where the data is held", "recipients", "third-country transfers and safeguards",
        "retention", "security measures", "DPIA reference",
    ]

    /// One processing activity: a controller, a purpose and the systems (its
    /// own or its processors') that handle that purpose's data the same way.
    public struct Row: Sendable {
        public let controller: Int
        public let purpose: String
        public let systems: [Int]
        public let flows: [Int]
        public let data: [Int]
        /// Recipients as (party, data): never the controller itself.
        public let recipients: [(party: Int, data: [Int])]
    }

    /// The rows, in file order of controller, purpose, then first system.
    public static func rows(_ g: FlowGraph) -> [Row] {
        let m = g.model
        var out: [Row] = []
        // The lead controllers first, then the others in file order.
        let leads = m.programme.controllers.compactMap { id in m.parties.firstIndex { $0.id == id.value } }
        for c in leads + m.parties.indices.filter({ !leads.contains($0) }) {
            let party = m.parties[c]
            // Only controllers this programme records: external ones answer for their own.
            guard party.role?.value.isController == true, !g.partyExternal[c] else { continue }
            let own = Set(m.systems.indices.filter { !g.systemExternal[$0] && g.systemControllers[$0].contains(c) })
            guard !own.isEmpty else { continue }
            for purpose in m.programme.purposes {
                let flows = m.flows.indices.filter { f in
                    guard m.flows[f].purpose?.value == purpose.id, g.inRecord(flow: f) else { return false }
                    return [g.flowFrom[f], g.flowTo[f]].contains { n in g.systemIndex(ofNode: n).map(own.contains) ?? false }
                }
                guard !flows.isEmpty else { continue }
                // The controller's systems this purpose touches, with the data each handles for it.
                var systems: [Int] = []
                var dataOf: [Int: [Int]] = [:]
                for f in flows {
                    for n in [g.flowFrom[f], g.flowTo[f]] {
                        guard let s = g.systemIndex(ofNode: n), own.contains(s) else { continue }
                        if !systems.contains(s) { systems.append(s) }
                        for d in g.flowData[f] where !(dataOf[s] ?? []).contains(d) { dataOf[s, default: []].append(d) }
                    }
                }
                for s in systems {
                    // Data the system creates is processed there too (FORMAT.md 1.1 `creates`).
                    for id in m.systems[s].creates.map(\.value) {
                        if let d = m.data.firstIndex(where: { $0.id == id }), !(dataOf[s] ?? []).contains(d) { dataOf[s, default: []].append(d) }
                    }
                }
                // Systems that keep the data the same way (same places, same retention) share a row.
                var groups: [(key: String, systems: [Int])] = []
                for s in systems.sorted() {
                    let key = placesText(g, s) + "|" + retentionWording(g, s, data: dataOf[s] ?? [])
                    if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].systems.append(s) } else { groups.append((key, [s])) }
                }
                for group in groups {
                    let members = Set(group.systems)
                    let rowFlows = flows.filter { f in
                        [g.flowFrom[f], g.flowTo[f]].contains { n in g.systemIndex(ofNode: n).map(members.contains) ?? false }
                    }
                    var data: [Int] = []
                    for s in group.systems { for d in dataOf[s] ?? [] where !data.contains(d) { data.append(d) } }
                    // Recipients: where this purpose's flows take the data from these systems,
                    // other than the controller's own systems.
                    var recipients: [(party: Int, data: [Int])] = []
                    for f in rowFlows {
                        // A processor's system is the controller's own processing, but the
                        // processor is still a recipient (Article 4(9)); the controller never is.
                        guard let from = g.systemIndex(ofNode: g.flowFrom[f]), members.contains(from),
                            let to = g.systemIndex(ofNode: g.flowTo[f]), !members.contains(to) || g.systemParty[to] != c
                        else { continue }
                        let p = g.systemParty[to]
                        guard p >= 0, p != c else { continue }
                        if let i = recipients.firstIndex(where: { $0.party == p }) {
                            for d in g.flowData[f] where !recipients[i].data.contains(d) { recipients[i].data.append(d) }
                        } else {
                            recipients.append((p, g.flowData[f]))
                        }
                    }
                    out.append(Row(controller: c, purpose: purpose.id, systems: group.systems, flows: rowFlows, data: data.sorted(), recipients: recipients))
                }
            }
        }
        return out
    }

    public static func render(_ input: ReportInput) -> String {
        let g = input.graph
        let m = input.model
        let dpiaRef = [m.programme.name?.value, m.programme.version.map { "version \($0.value)" },
                       m.programme.dpia?.status.map { "(" + PlainEnglish.status($0.value) + ")" }]
            .compactMap { $0 }.joined(separator: " ")
        let lines = rows(g).map { row -> [String] in
            let party = m.parties[row.controller]
            let purpose = m.programme.purposes.first { $0.id == row.purpose }
            let bases = uniqueBases(m, row.flows)
            let kinds = Set(row.data.map { m.data[$0].kind })
            let subjects = unique(row.data.flatMap { m.data[$0].subjects.map(\.value) }).map { id in
                m.subjects.first { $0.id == id }?.name?.value ?? id
            }
            let recipients = row.recipients.map { r in
                let p = m.parties[r.party]
                let role = g.controllersOf[r.party].contains(row.controller) && p.role?.value.isProcessor == true
                    ? ", \(PlainEnglish.role(p.role?.value ?? .processor))"
                    : row.flows.contains { f in g.systemIndex(ofNode: g.flowTo[f]).map { g.systemParty[$0] == r.party && g.systemRole[$0]?.isProcessor == true } ?? false }
                        ? ", processor" : ""
                return "\(name(p))\(role) (\(r.data.map { dataName(m, $0) }.joined(separator: "; ")))"
            }
            let transfers = row.flows.flatMap { f -> [String] in
                let places = g.foreignDestinations(ofFlow: f)
                guard !places.isEmpty else { return [] }
                let mechanism = m.flows[f].transfer?.mechanism.map { PlainEnglish.mechanism($0.value) } ?? "NO SAFEGUARD STATED"
                let tra = m.flows[f].transfer?.tra.map { "; transfer risk assessment \($0.value)" } ?? ""
                return ["to \(PlainEnglish.places(places)) under \(mechanism)\(tra)"]
            }
            var security = unique(row.systems.flatMap { m.systems[$0].security.map(\.value) })
            let unencrypted = row.flows.filter { m.flows[$0].encrypted?.value != true }.map { m.flows[$0].id }
            security.append(unencrypted.isEmpty
                ? "encrypted in transit"
                : "NOT STATED AS ENCRYPTED IN TRANSIT: " + unencrypted.joined(separator: ", "))
            return [
                name(party), contact(party.contact), contact(party.dpo),
                purpose.map { [$0.description?.value, "(\($0.id))"].compactMap { $0 }.joined(separator: " ") } ?? row.purpose,
                joinedOrNone(unique(bases.map { PlainEnglish.article6($0) })),
                kinds.contains(.special) ? joinedOrNone(unique(bases.compactMap { article9Text($0) })) : "not applicable (no special category data)",
                kinds.contains(.criminalOffence)
                    ? joinedOrNone(unique(bases.compactMap { $0?.article10.map { PlainEnglish.article10($0.value) } }))
                    : "not applicable (no criminal offence data)",
                subjects.joined(separator: "; "),
                row.data.map { d in
                    let k = m.data[d].kind
                    return dataName(m, d) + (k == .personal ? "" : " [\(PlainEnglish.kind(k))]")
                }.joined(separator: "; "),
                row.systems.map { s in
                    let sys = m.systems[s]
                    let op = g.systemParty[s] >= 0 && g.systemParty[s] != row.controller ? " (run by \(name(m.parties[g.systemParty[s]])))" : ""
                    return (sys.name?.value ?? sys.id) + op
                }.joined(separator: "; "),
                row.systems.map { placesText(g, $0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "; "),
                recipients.isEmpty ? "none outside the controller" : recipients.joined(separator: "; "),
                transfers.isEmpty ? "none" : unique(transfers).joined(separator: "; "),
                row.systems.map { s in retentionText(g, s, data: row.data.filter { d in dataHandled(g, row, system: s, data: d) }) }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "; "),
                security.joined(separator: "; "), dpiaRef,
            ]
        }
        return ([headers] + lines).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: wording

    static func name(_ p: Party) -> String { p.name?.value ?? p.id }

    static func dataName(_ m: ProgrammeModel, _ d: Int) -> String { m.data[d].name?.value ?? m.data[d].id }

    static func contact(_ c: DPOContact?) -> String {
        guard let c else { return "not recorded in the flow file" }
        let parts = [c.name?.value, c.email?.value].compactMap { $0 }
        return parts.isEmpty ? "not recorded in the flow file" : parts.joined(separator: ", ")
    }

    static func unique(_ values: [String]) -> [String] {
        var out: [String] = []
        for v in values where !v.isEmpty && !out.contains(v) { out.append(v) }
        return out
    }

    static func joinedOrNone(_ values: [String]) -> String { values.isEmpty ? "NONE STATED" : values.joined(separator: "; ") }

    static func uniqueBases(_ m: ProgrammeModel, _ flows: [Int]) -> [LawfulBasis?] {
        flows.map { m.effectiveLawfulBasis(of: m.flows[$0]) }
    }

    /// The Article 9 condition with its Schedule 1 conditions and their paragraphs.
    static func article9Text(_ b: LawfulBasis?) -> String? {
        guard let b, let c = b.article9?.value else { return nil }
        var s = PlainEnglish.article9(c)
        if let sch = b.schedule1, !sch.isEmpty {
            s += ", with " + PlainEnglish.list(sch.map { PlainEnglish.schedule1($0.value, paragraph: Schedule1.condition(named: $0.value)?.paragraph) })
        }
        return s
    }

    static func placesText(_ g: FlowGraph, _ s: Int) -> String {
        PlainEnglish.places(g.systemPlaces[s])
    }

    /// True when the row's flows carry this data to or from the system, or it creates it.
    static func dataHandled(_ g: FlowGraph, _ row: Row, system s: Int, data d: Int) -> Bool {
        let node = g.node(ofSystem: s)
        if row.flows.contains(where: { (g.flowFrom[$0] == node || g.flowTo[$0] == node) && g.flowData[$0].contains(d) }) { return true }
        return g.model.systems[s].creates.contains { $0.value == g.model.data[d].id }
    }

    /// How long a system keeps the given data, in words, data sharing one
    /// wording listed together: "7 years from case closed, then deleted
    /// (Guest identity; Guest family)".
    static func retentionText(_ g: FlowGraph, _ s: Int, data: [Int]) -> String {
        let system = g.model.systems[s]
        return "\(system.name?.value ?? system.id): " + retentionWording(g, s, data: data)
    }

    static func retentionWording(_ g: FlowGraph, _ s: Int, data: [Int]) -> String {
        let m = g.model
        guard m.systems[s].keepsData else { return "not kept (passes data through)" }
        var groups: [(wording: String, data: [String])] = []
        for d in data {
            let wording = g.retentionEntry(system: s, data: d).map(PlainEnglish.retention) ?? "NO RETENTION DECLARED"
            if let i = groups.firstIndex(where: { $0.wording == wording }) {
                groups[i].data.append(dataName(m, d))
            } else {
                groups.append((wording, [dataName(m, d)]))
            }
        }
        return groups.map { "\($0.wording) (\($0.data.joined(separator: "; ")))" }.joined(separator: "; ")
    }

    /// One field: neutralised against formula injection, then quoted when it
    /// holds a comma, quote or line break (RFC 4180).
    public static func cell(_ raw: String) -> String { CSVText.cell(raw) }
}
