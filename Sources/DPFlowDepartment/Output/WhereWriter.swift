import DPFlowDiagnostics

/// `dpflow where` output: text for people, JSON and CSV for tools. Written
/// from the query's answer and nothing else.
public enum WhereWriter {
    public static func text(_ q: WhereQuery) -> String {
        var out = "\(what(q)) '\(q.entityID)' (\(q.entityName)): \(q.places.count) place\(q.places.count == 1 ? "" : "s")\n"
        for place in q.places {
            out += "\n\(place.systemName) [systems.\(place.system)]\n"
            out += "  party: \(place.party); location: \(place.location)"
            if place.external { out += "; outside the programmes' record (an independent controller)" }
            out += "\n  programmes: \(place.programmes.joined(separator: ", "))\n"
            for h in place.holdings {
                out += "  - \(h.dataName) [\(h.data)]\(h.sensitive.map { ", \($0)" } ?? ""): \(h.retention)"
                out += place.programmes.count > 1 ? " (\(h.programme))\n" : "\n"
            }
            for a in place.arrivals {
                out += "  arrives by \(a.programme): flow '\(a.flow)' from \(a.from) (\(a.data.joined(separator: ", "))), \(a.lawfulBasis)\n"
            }
        }
        return out
    }

    public static func json(_ q: WhereQuery) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("query", .object([("kind", .string(kind(q))), ("id", .string(q.entityID)), ("name", .string(q.entityName))])),
            ("places", .array(q.places.map { p in
                .object([
                    ("system", .string(p.system)), ("name", .string(p.systemName)), ("party", .string(p.party)),
                    ("location", .string(p.location)), ("external", .bool(p.external)), ("keepsData", .bool(p.keepsData)),
                    ("programmes", .array(p.programmes.map(JSONValue.string))),
                    ("files", .array(p.files.map(JSONValue.string))),
                    ("holdings", .array(p.holdings.map { h in
                        .object([
                            ("programme", .string(h.programme)), ("data", .string(h.data)), ("name", .string(h.dataName)),
                            ("sensitive", h.sensitive.map(JSONValue.string) ?? .null), ("retention", .string(h.retention)),
                        ])
                    })),
                    ("arrivals", .array(p.arrivals.map { a in
                        .object([
                            ("programme", .string(a.programme)), ("flow", .string(a.flow)), ("from", .string(a.from)),
                            ("data", .array(a.data.map(JSONValue.string))), ("lawfulBasis", .string(a.lawfulBasis)),
                        ])
                    })),
                ])
            })),
        ]).rendered()
    }

    public static let csvHeaders = [
        "system", "system name", "party", "location", "external", "programme", "data", "data name", "sensitive", "retention and disposal",
        "arrives by",
    ]

    /// One row per system x programme x data category (RFC 4180, cells a
    /// spreadsheet would read as formulas neutralised).
    public static func csv(_ q: WhereQuery) -> String {
        var rows = [csvHeaders]
        for p in q.places {
            for h in p.holdings {
                let arrivals = p.arrivals.filter { $0.programme == h.programme && $0.data.contains(h.data) }
                    .map { "\($0.flow) from \($0.from) (\($0.lawfulBasis))" }.joined(separator: "; ")
                rows.append([
                    p.system, p.systemName, p.party, p.location, p.external ? "yes" : "no", h.programme, h.data, h.dataName,
                    h.sensitive ?? "", h.retention, arrivals,
                ])
            }
        }
        return rows.map { $0.map(CSVText.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func kind(_ q: WhereQuery) -> String {
        switch q.target {
        case .subject: "subject"
        case .data: "data"
        case .system: "system"
        case .party: "party"
        }
    }

    static func what(_ q: WhereQuery) -> String {
        switch q.target {
        case .subject: "Data about subject group"
        case .data: "Data category"
        case .system: "System"
        case .party: "Party"
        }
    }
}
