import DPFlowGraph
import DPFlowModel

/// `ropa.csv`: the Article 30 record, one row per processing activity
/// (purpose x receiving system). Quoted as RFC 4180 says, with cells that a
/// spreadsheet would read as a formula neutralised.
public enum RopaCSV {
    public static let headers = [
        "controller", "controller contact", "purpose", "lawful basis (Art 6)", "special category condition (Art 9 / Sch 1)",
        "criminal offence basis (Art 10)", "categories of data subjects", "categories of personal data", "system", "recipients",
        "third-country transfers and safeguards", "retention", "security measures", "DPIA reference",
    ]

    public static func render(_ input: ReportInput) -> String {
        let g = input.graph
        let m = input.model
        var rows: [[String]] = []
        let contact = m.programme.dpo.map { [$0.name?.value, $0.email?.value].compactMap { $0 }.joined(separator: ", ") } ?? ""
        let dpiaRef = [m.programme.name?.value, m.programme.version.map { "v\($0.value)" }, m.programme.dpia?.status?.value.rawValue]
            .compactMap { $0 }.joined(separator: " ")
        for purpose in m.programme.purposes {
            // Systems outside the programme's record get no rows (FORMAT.md 1.1).
            for (s, system) in m.systems.enumerated() where !g.systemExternal[s] {
                let node = g.node(ofSystem: s)
                let flows = g.inFlows[node].filter { m.flows[$0].purpose?.value == purpose.id }
                guard !flows.isEmpty else { continue }
                let controllers = g.party(ofNode: node).map { g.controllersOf[$0].map { m.parties[$0].name?.value ?? m.parties[$0].id } } ?? []
                let bases = flows.map { m.effectiveLawfulBasis(of: m.flows[$0]) }
                func joined(_ values: [String]) -> String { Array(Set(values.filter { !$0.isEmpty })).sorted().joined(separator: "; ") }
                let dataIDs = Set(flows.flatMap { g.flowData[$0] }).sorted()
                let subjects = joined(dataIDs.flatMap { m.data[$0].subjects.map(\.value) })
                let data = dataIDs.map { m.data[$0].id }
                let onward = g.outFlows[node].compactMap { f -> String? in
                    guard g.flowTo[f] >= 0, let p = g.party(ofNode: g.flowTo[f]) else { return nil }
                    return m.parties[p].name?.value ?? m.parties[p].id
                }
                let transfers = (flows + g.outFlows[node]).filter { !g.foreignDestinations(ofFlow: $0).isEmpty }.map { f in
                    "\(m.flows[f].id): \(g.foreignDestinations(ofFlow: f).map(\.code).joined(separator: "/")) under \(m.flows[f].transfer?.mechanism?.value.rawValue ?? "no mechanism")"
                        + (m.flows[f].transfer?.tra.map { " (TRA \($0.value))" } ?? "")
                }
                let retention = system.keepsData
                    ? joined(data.map { id in system.retention.first { $0.dataID == id }.map { "\(id): \($0.period.map { "\($0.value)" } ?? "?")" } ?? "\(id): none declared" })
                    : "not kept (pass-through)"
                rows.append([
                    joined(controllers), contact, "\(purpose.id): \(purpose.description?.value ?? "")",
                    joined(bases.map { b in [b?.article6Text, b?.legalPower?.value].compactMap { $0 }.joined(separator: ", ") }),
                    joined(bases.map { b in ([b?.article9?.value.rawValue].compactMap { $0 } + (b?.schedule1 ?? []).map(\.value)).joined(separator: ", ") }),
                    joined(bases.map { $0?.article10?.value.rawValue ?? "" }),
                    subjects, data.joined(separator: "; "), system.name?.value ?? system.id, joined(onward), joined(transfers), retention,
                    system.security.map(\.value).joined(separator: "; "), dpiaRef,
                ])
            }
        }
        return ([headers] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One field: neutralised against formula injection, then quoted when it
    /// holds a comma, quote or line break (RFC 4180).
    public static func cell(_ raw: String) -> String {
        var value = raw
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        if value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        return value
    }
}
