import DPFlowDiagnostics

/// `dpflow trace` output: text for a DPO, JSON for tools.
public enum TraceReporter {
    public static func text(_ t: LineageTrace) -> String {
        // Every value comes from the flow file: control characters made visible.
        let v = TerminalText.visible
        var out = "Lineage of \(v(t.data)) (\(v(t.dataName)); \(v(t.kind))\(t.residency.map { "; must stay in \(v($0))" } ?? ""))\n"
        out += "\(t.paths.count) path\(t.paths.count == 1 ? "" : "s")\(t.truncated ? " shown; more exist and were not listed" : "")\n"
        for (i, path) in t.paths.enumerated() {
            out += "\nPath \(i + 1): \(v(path.hops.map(\.id).joined(separator: " -> ")))\n"
            for (j, hop) in path.hops.enumerated() {
                out += "  \(j + 1). \(v(hop.id)) (\(hop.isSubject ? "people: " : "")\(v(hop.name)))\n"
                if let flow = hop.flow {
                    var line = "flow \(v(flow))"
                    if let b = hop.lawfulBasis { line += " · \(v(b))" }
                    if let t = hop.transfer { line += " · transfer: \(v(t))" }
                    out += "       \(line)\n"
                }
                if !hop.isSubject {
                    let party = hop.party.map { "\(v($0))\(hop.role.map { " (\(v($0)))" } ?? "")" } ?? "no party"
                    out += "       party: \(party), location: \(v(hop.location ?? "unknown"))\n"
                    out += "       retention: \(v(hop.retention ?? "-"))\n"
                }
            }
        }
        return out
    }

    public static func json(_ t: LineageTrace) -> String {
        func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return JSONValue.object([
            ("version", .int(1)),
            ("data", .string(t.data)),
            ("name", .string(t.dataName)),
            ("kind", .string(t.kind)),
            ("residency", opt(t.residency)),
            ("truncated", .bool(t.truncated)),
            ("paths", .array(t.paths.map { path in
                .object([("hops", .array(path.hops.map { h in
                    .object([
                        ("path", .string(h.path)), ("id", .string(h.id)), ("name", .string(h.name)), ("subject", .bool(h.isSubject)),
                        ("party", opt(h.party)), ("role", opt(h.role)), ("location", opt(h.location)), ("flow", opt(h.flow)),
                        ("lawfulBasis", opt(h.lawfulBasis)), ("transfer", opt(h.transfer)), ("retention", opt(h.retention)),
                    ])
                }))])
            })),
        ]).rendered()
    }
}
