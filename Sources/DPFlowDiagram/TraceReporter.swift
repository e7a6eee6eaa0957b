/// `dpflow trace` output: text for a DPO, JSON for tools.
public enum TraceReporter {
    public static func text(_ t: LineageTrace) -> String {
        var out = "Lineage of \(t.data) (\(t.dataName); \(t.kind)\(t.residency.map { "; must stay in \($0)" } ?? ""))\n"
        out += "\(t.paths.count) path\(t.paths.count == 1 ? "" : "s")\(t.truncated ? " shown; more exist and were not listed" : "")\n"
        for (i, path) in t.paths.enumerated() {
            out += "\nPath \(i + 1): \(path.hops.map(\.id).joined(separator: " -> "))\n"
            for (j, hop) in path.hops.enumerated() {
                out += "  \(j + 1). \(hop.id) (\(hop.isSubject ? "people: " : "")\(oneLine(hop.name)))\n"
                if let flow = hop.flow {
                    var line = "flow \(flow)"
                    if let b = hop.lawfulBasis { line += " · \(b)" }
                    if let t = hop.transfer { line += " · transfer: \(t)" }
                    out += "       \(line)\n"
                }
                if !hop.isSubject {
                    let party = hop.party.map { "\($0)\(hop.role.map { " (\($0))" } ?? "")" } ?? "no party"
                    out += "       party: \(party), location: \(hop.location ?? "unknown")\n"
                    out += "       retention: \(hop.retention ?? "-")\n"
                }
            }
        }
        return out
    }

    public static func json(_ t: LineageTrace) -> String {
        func opt(_ s: String?) -> String { s.map(quote) ?? "null" }
        var out = "{\n  \"version\": 1,\n  \"data\": \(quote(t.data)),\n  \"name\": \(quote(t.dataName)),\n"
        out += "  \"kind\": \(quote(t.kind)),\n  \"residency\": \(opt(t.residency)),\n  \"truncated\": \(t.truncated),\n  \"paths\": ["
        for (i, path) in t.paths.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"hops\": ["
            for (j, h) in path.hops.enumerated() {
                out += j == 0 ? "\n" : ",\n"
                out += "      {\"path\": \(quote(h.path)), \"id\": \(quote(h.id)), \"name\": \(quote(h.name)), \"subject\": \(h.isSubject), "
                out += "\"party\": \(opt(h.party)), \"role\": \(opt(h.role)), \"location\": \(opt(h.location)), "
                out += "\"flow\": \(opt(h.flow)), \"lawfulBasis\": \(opt(h.lawfulBasis)), \"transfer\": \(opt(h.transfer)), "
                out += "\"retention\": \(opt(h.retention))}"
            }
            out += "\n    ]}"
        }
        out += t.paths.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    static func oneLine(_ s: String) -> String { String(s.map { $0.isNewline ? " " : $0 }) }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
