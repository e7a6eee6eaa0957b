import DPFlowDiagnostics
import DPFlowRules

/// `dpflow rules` and `dpflow explain`: the catalogue as a DPO reads it.
public enum CatalogueReporter {
    public static func table(_ rules: [RuleDescription]) -> String {
        let header = ["ID", "NAME", "SEVERITY", "AREA"]
        let rows = rules.map { [$0.info.id, $0.info.name, $0.info.severity.rawValue, $0.info.area.title] }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(to: widths[i]) }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined() + "\(rules.count) rules\n"
    }

    public static func tableJSON(_ rules: [RuleDescription]) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("rules", .array(rules.map { r in
                .object([
                    ("id", .string(r.info.id)), ("name", .string(r.info.name)),
                    ("severity", .string(r.info.severity.rawValue)), ("area", .string(r.info.area.title)),
                ])
            })),
        ]).rendered()
    }

    public static func explain(_ r: RuleDescription) -> String {
        var out = "\(r.info.id) \(r.info.name) (\(r.info.severity.rawValue), \(r.info.area.title))\n\n"
        out += "Law:      \(r.law)\n"
        if !r.link.isEmpty { out += "          \(r.link)\n" }
        out += "Triggers: \(r.triggers)\n"
        out += "Fix:      \(r.fix)\n"
        for (label, examples) in [("Triggers on", r.triggering), ("Silent on", r.nonTriggering)] {
            for e in examples {
                out += "\n\(label): \(e.title)\n"
                out += e.yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "    " + $0 }.joined(separator: "\n")
                out += "\n"
            }
        }
        return out
    }

    public static func explainJSON(_ r: RuleDescription) -> String {
        func examples(_ list: [RuleExample]) -> JSONValue {
            .array(list.map { .object([("title", .string($0.title)), ("yaml", .string($0.yaml))]) })
        }
        return JSONValue.object([
            ("id", .string(r.info.id)), ("name", .string(r.info.name)), ("severity", .string(r.info.severity.rawValue)),
            ("area", .string(r.info.area.title)), ("law", .string(r.law)), ("link", .string(r.link)),
            ("triggers", .string(r.triggers)), ("fix", .string(r.fix)),
            ("triggering", examples(r.triggering)), ("nonTriggering", examples(r.nonTriggering)),
        ]).rendered()
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
