import DPFlowDiagnostics
import DPFlowModel

/// `map.html`: one self-contained, offline page of the department map: the
/// party-level diagram (the data map's SVG inline) with its programme key, a
/// search over subject groups, data categories, systems, parties and
/// programmes, each entity's `where` answer, and a findings panel.
///
/// The answers are `WhereQuery`'s, computed here for every subject group,
/// data category, system and party, so the page lists exactly what
/// `dpflow where` lists. They are embedded as compact JSON: every string once
/// in a table, holdings, arrivals and place headings once each, answers as
/// indices, so that a 200-programme department stays well under 10 MB.
/// Every string from the flow files reaches the page as JSON inside a
/// `type="application/json"` script with `<`, `>` and `&` escaped, and the
/// script puts it in the DOM with `textContent` only.
public enum MapHTML {
    public static func render(_ d: Department, findings: [Finding], svg: String) -> String {
        let data = embeddedData(d, findings: findings).rendered(indent: false)
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // No request can leave the page: scripts and styles inline only, nothing fetched.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        out += "<title>Department data map</title>\n<style>\n\(MapHTMLPage.css)</style>\n</head>\n<body>\n"
        out += MapHTMLPage.body(summary: summary(d, findings: findings), diagram: inlineSVG(svg, d), key: key(d), keyOpen: d.programmes.count <= 12)
        out += "<script type=\"application/json\" id=\"dpflow-data\">\(scriptSafe(data))</script>\n"
        out += "<script>\n\(MapHTMLPage.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// JSON made safe inside a `<script>` element: no `<`, `>` or `&` at all
    /// (they only occur inside JSON strings, where `\u003c` means the same).
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Text for HTML element content and attribute values.
    static func html(_ s: String) -> String { DataMapDOT.html(s) }

    static func summary(_ d: Department, findings: [Finding]) -> String {
        func n(_ k: Department.Kind) -> Int { d.entities(k).count }
        func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        let flows = d.programmes.reduce(0) { $0 + $1.model.flows.count }
        return [
            plural(d.programmes.count, "programme", "programmes"), plural(d.registries.count, "registry", "registries"),
            plural(n(.subjects), "subject group", "subject groups"), plural(n(.data), "data category", "data categories"),
            plural(n(.systems), "system", "systems"), plural(n(.parties), "party", "parties"), plural(flows, "flow", "flows"),
            plural(findings.filter { !$0.excepted }.count, "finding", "findings"),
        ].joined(separator: " · ")
    }

    /// The data map's SVG without its XML prologue, labelled for assistive
    /// technology (role="img", a title and a description).
    static func inlineSVG(_ svg: String, _ d: Department) -> String {
        guard let start = svg.firstRange(of: "<svg") else {
            return "<p class=\"note\">The diagram could not be drawn (Graphviz failed); the search and findings below still work.</p>\n"
        }
        var body = String(svg[start.lowerBound...])
        guard let tagEnd = body.firstIndex(of: ">") else { return "" }
        let opening = String(body[body.startIndex..<tagEnd]).replacingOccurrences(of: "<svg", with: "<svg id=\"map-svg\" role=\"img\" aria-labelledby=\"map-svg-title map-svg-desc\" focusable=\"false\"", maxReplacements: 1)
        let desc = "The department's parties and subject groups as boxes, and the personal-data flows between them as arrows, "
            + "one arrow per programme, each programme drawn in its own colour and line style and labelled with its number "
            + "(see the key). Use the search to highlight where a group's data goes; the same answers are listed as text beside the diagram."
        body = opening + "><title id=\"map-svg-title\">Department data map: \(d.programmes.count) programmes</title><desc id=\"map-svg-desc\">\(html(desc))</desc>"
            + body[body.index(after: tagEnd)...]
        while body.hasSuffix("\n") { body.removeLast() }
        return body + "\n"
    }

    /// The programmes' key: number, colour and line style (drawn), name, and end date when ended.
    static func key(_ d: Department) -> String {
        var out = "<ol>\n"
        for (p, prog) in d.programmes.enumerated() {
            let (colour, line) = DataMapDOT.style(ofProgramme: p)
            let dash = line == "dashed" ? " stroke-dasharray=\"8 4\"" : line == "dotted" ? " stroke-dasharray=\"2 3\"" : ""
            let width = line == "bold" ? 4 : 2
            out += "<li><svg width=\"44\" height=\"10\" aria-hidden=\"true\" focusable=\"false\"><line x1=\"0\" y1=\"5\" x2=\"44\" y2=\"5\" stroke=\"\(colour)\" stroke-width=\"\(width)\"\(dash)/></svg>"
            out += "<strong>\(p + 1).</strong> \(html(prog.name)) <span class=\"ended\">(\(line) line"
            if let ends = prog.model.programme.ends { out += "; ends \(html(ends.value.description))" }
            out += ")</span></li>\n"
        }
        return out + "</ol>\n"
    }

    // MARK: - The embedded data

    /// Interns strings into one table, in first-use order (deterministic).
    struct Strings {
        var table: [String] = []
        var index: [String: Int] = [:]
        mutating func id(_ s: String) -> Int {
            if let i = index[s] { return i }
            index[s] = table.count
            table.append(s)
            return table.count - 1
        }
    }

    /// Interns rows (arrays of ints) into a table.
    struct Rows {
        var table: [[JSONValue]] = []
        var index: [String: Int] = [:]
        mutating func id(_ row: [JSONValue]) -> Int {
            let key = JSONValue.array(row).rendered(indent: false)
            if let i = index[key] { return i }
            index[key] = table.count
            table.append(row)
            return table.count - 1
        }
    }

    static func embeddedData(_ d: Department, findings: [Finding]) -> JSONValue {
        var s = Strings()
        var holdings = Rows(), arrivals = Rows(), headings = Rows()
        let kinds: [(Department.Kind, Int)] = [(.subjects, 0), (.data, 1), (.systems, 2), (.parties, 3)]
        // The entities in the page's order: by kind, then by id and name.
        var order: [Int] = []
        for (kind, _) in kinds { order += d.entities(kind) }
        var position: [Int: Int] = [:]
        for (i, e) in order.enumerated() { position[e] = i }

        // The party (diagram node) each system belongs to.
        func party(ofSystem e: Int) -> Int? {
            let decl = d.representative(e)
            guard let id = d.system(decl)?.party?.value else { return nil }
            return d.entity(.parties, id, declaredWith: decl)
        }

        // Findings about each system: its declarations, and the flows into or out of it.
        var keys: [String: [String: Int]] = [:]  // normalised file -> "systems.x"/"flows.y" -> system entity
        for (p, prog) in d.programmes.enumerated() {
            let file = Department.normalise(prog.file)
            for (si, system) in prog.model.systems.enumerated() {
                guard let e = d.entity(.systems, system.id, inProgramme: p) else { continue }
                keys[file, default: [:]]["systems.\(system.id)"] = e
                let node = prog.graph.node(ofSystem: si)
                for f in prog.graph.inFlows[node] + prog.graph.outFlows[node] {
                    keys[file, default: [:]]["flows.\(prog.model.flows[f].id)"] = e
                }
            }
        }
        for (r, reg) in d.registries.enumerated() {
            for system in reg.model.systems where system.origin == 0 {
                if let e = d.entity(.systems, system.id, inRegistry: r) {
                    keys[Department.normalise(reg.file), default: [:]]["systems.\(system.id)"] = e
                }
            }
        }
        var findingsOf: [Int: [Int]] = [:]
        let severities: [Severity: Int] = [.error: 0, .warning: 1, .info: 2]
        var findingRows: [JSONValue] = []
        for (i, f) in findings.enumerated() {
            findingRows.append(.array([
                .int(severities[f.severity] ?? 2), .int(s.id(f.rule)), .int(s.id(f.name)), .int(s.id(f.message)), .int(s.id(f.file)),
                .int(f.line), .int(s.id(f.path)), .int(f.excepted ? 1 : 0),
            ]))
            guard let table = keys[Department.normalise(f.file)] else { continue }
            var hit = Set<Int>()
            for candidate in [f.path] + f.trace {
                // "systems.crm.retention.contact" is about systems.crm.
                let parts = candidate.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count >= 2, let e = table["\(parts[0]).\(parts[1])"] else { continue }
                hit.insert(e)
            }
            for e in hit.sorted() { findingsOf[e, default: []].append(i) }
        }

        // Each entity: kind, id, name, detail (a system's party), diagram node, findings, and its `where` answer.
        var entityRows: [JSONValue] = []
        var bySystemID: [String: [Int]] = [:]
        for e in d.entities(.systems) { bySystemID[d.entities[e].id, default: []].append(e) }
        for e in order {
            let entity = d.entities[e]
            let kind = kinds.first { $0.0 == entity.kind }?.1 ?? 0
            let target: WhereQuery.Target = switch entity.kind {
            case .subjects: .subject(entity.id)
            case .data: .data(entity.id)
            case .systems: .system(entity.id)
            case .parties: .party(entity.id)
            }
            var detail = ""
            var node = -1
            switch entity.kind {
            case .systems:
                if let pe = party(ofSystem: e) {
                    detail = d.entities[pe].name
                    node = pe
                }
            case .parties, .subjects: node = e
            case .data:
                let decl = d.representative(e)
                let subjects = (decl.programme.map { d.programmes[$0].model } ?? decl.registry.map { d.registries[$0].model })?
                    .dataCategory(decl.id)?.subjects.compactMap { d.entity(.subjects, $0.value, declaredWith: decl) } ?? []
                detail = subjects.map { d.entities[$0].name }.joined(separator: ", ")
            }
            let places = WhereQuery.places(d, target, entity: e)
            let answer: [JSONValue] = places.map { place in
                // The system entity the place is (ids can repeat across parties: pick by programmes).
                let candidates = bySystemID[place.system] ?? []
                let names = Set(place.programmes)
                let system = candidates.first { c in names.isSubset(of: Set(d.entities[c].programmes.map { d.programmes[$0].name })) } ?? candidates.first
                let heading = headings.id([
                    .int(system.flatMap { position[$0] } ?? -1), .int(s.id(place.systemName)), .int(s.id(place.party)),
                    .int(s.id(place.location)), .int(place.external ? 1 : 0), .int(place.keepsData ? 1 : 0),
                ])
                let h = place.holdings.map { h in
                    JSONValue.int(holdings.id([
                        .int(s.id(h.programme)), .int(s.id(h.data)), .int(s.id(h.dataName)), .int(h.sensitive.map { s.id($0) } ?? -1),
                        .int(s.id(h.retention)),
                    ]))
                }
                let a = place.arrivals.map { a in
                    JSONValue.int(arrivals.id([
                        .int(s.id(a.programme)), .int(s.id(a.flow)), .int(s.id(a.from)), .array(a.data.map { .int(s.id($0)) }),
                        .int(s.id(a.lawfulBasis)),
                    ]))
                }
                return .array([.int(heading), .array(place.programmes.map { .int(s.id($0)) }), .array(h), .array(a)])
            }
            entityRows.append(.array([
                .int(kind), .int(s.id(entity.id)), .int(s.id(entity.name)), .int(s.id(detail)), .int(node),
                .array(entity.programmes.sorted().map { .int($0) }), .array((findingsOf[e] ?? []).map { .int($0) }), .array(answer),
            ]))
        }
        let programmeRows: [JSONValue] = d.programmes.enumerated().map { p, prog in
            let style = DataMapDOT.style(ofProgramme: p)
            return .array([
                .int(s.id(prog.name)), .int(s.id(prog.file)), .int(prog.model.programme.ends.map { s.id($0.value.description) } ?? -1),
                .int(s.id(style.colour)), .int(s.id(style.line)),
            ])
        }
        return .object([
            ("strings", .array(s.table.map(JSONValue.string))),
            ("programmes", .array(programmeRows)),
            ("entities", .array(entityRows)),
            ("headings", .array(headings.table.map(JSONValue.array))),
            ("holdings", .array(holdings.table.map(JSONValue.array))),
            ("arrivals", .array(arrivals.table.map(JSONValue.array))),
            ("findings", .array(findingRows)),
        ])
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String, maxReplacements: Int) -> String {
        guard maxReplacements > 0, let r = firstRange(of: target) else { return self }
        return self[..<r.lowerBound] + replacement + self[r.upperBound...]
    }
}
