import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// Makes Graphviz's SVG accessible: the `<svg>` becomes one image
/// (`role="img"`) named by a title and described by a description that say
/// what the diagram shows, and the drawing's own parts (Graphviz writes a
/// `<title>` with an internal id for every node, edge and cluster) are taken
/// out of the accessibility tree, so a screen reader reads the description
/// and not a hundred ids.
public enum AccessibleSVG {
    /// What a view of the diagram shows, in one or two sentences.
    public static func description(graph g: FlowGraph, options: DiagramOptions) -> String {
        let m = g.model
        let flows = m.flows.indices.filter { g.flowFrom[$0] >= 0 && g.flowTo[$0] >= 0 }
        let systems = m.systems.count
        let parties = Set(g.systemParty.filter { $0 >= 0 }).count
        let places = Set(m.systems.indices.compactMap { g.drawnPlace(ofSystem: $0) })
        var s = "Shows how personal data moves between \(PlainEnglish.count(m.subjects.count, "group")) of people and "
        s += options.level == .parties
            ? "\(PlainEnglish.count(parties, "organisation")) (one box per organisation)"
            : "\(PlainEnglish.count(systems, "system")) of \(PlainEnglish.count(parties, "organisation"))"
        s += " in \(PlainEnglish.places(places.sorted())): \(PlainEnglish.count(flows.count, "flow"))"
        let special = flows.filter { f in g.flowData[f].contains { m.data[$0].kind != .personal } }.count
        let abroad = flows.filter { !g.foreignDestinations(ofFlow: $0).isEmpty }.count
        var facts: [String] = []
        if special > 0 { facts.append("\(PlainEnglish.number(special)) carry special category or criminal offence data") }
        if abroad > 0 { facts.append("\(PlainEnglish.number(abroad)) leave the UK") }
        let errors = flows.filter { options.errorRules[m.flows[$0].id] != nil }.count
        let warnings = flows.filter { options.warningRules[m.flows[$0].id] != nil }.count
        facts.append(errors == 0 ? "none has an error" : "\(PlainEnglish.number(errors)) have errors")
        if warnings > 0 { facts.append("\(PlainEnglish.number(warnings)) have warnings") }
        return s + ", of which " + PlainEnglish.list(facts) + ". The tables of the report give the same facts in text."
    }

    /// The SVG with `role="img"`, a title and a description, and its drawing hidden from assistive technology.
    public static func make(_ svg: String, title: String, description: String, idPrefix: String = "dfd") -> String {
        guard let open = svg.firstRange(of: "<svg"), let close = svg[open.upperBound...].firstIndex(of: ">") else { return svg }
        var out = String(svg[..<open.lowerBound])
        var tag = String(svg[open.lowerBound..<close])
        if tag.hasSuffix("/") { return svg }
        tag += " role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\""
        out += tag + ">"
        out += "\n<title id=\"\(idPrefix)-title\">\(XMLText.escape(title, controls: .spaces))</title>\n<desc id=\"\(idPrefix)-desc\">\(XMLText.escape(description, controls: .spaces))</desc>"
        var rest = String(svg[svg.index(after: close)...])
        // Graphviz's internal titles ("s12", "u0->s5", "cluster_uk") go: the tooltips stay as xlink:title.
        rest = removeElements(named: "title", from: rest)
        rest = canonicalClusterOrder(rest)
        // The drawing itself is decoration for assistive technology: the title and description say it.
        if let g = rest.firstRange(of: "<g id=\"graph0\"") {
            rest.replaceSubrange(g, with: "<g aria-hidden=\"true\" id=\"graph0\"")
        }
        return out + rest
    }

    /// Graphviz 2.43 emits clusters in an order that follows string addresses
    /// (it can change from run to run when a process lays out several graphs).
    /// The layout is the same: this puts the cluster groups in one order
    /// (largest first, so a parent is painted before the clusters inside it,
    /// then by content) and numbers them again, for byte-identical output.
    static func canonicalClusterOrder(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("<g id=\"clust") && $0.hasSuffix("class=\"cluster\">") }) else { return text }
        var blocks: [[Substring]] = []
        var i = first
        while i < lines.count, lines[i].hasPrefix("<g id=\"clust"), lines[i].hasSuffix("class=\"cluster\">") {
            guard let end = lines[i...].firstIndex(of: "</g>") else { return text }
            blocks.append(Array(lines[(i + 1)..<end]))
            i = end + 1
        }
        func area(_ block: [Substring]) -> Double {
            guard let shape = block.first, let q = shape.firstRange(of: shape.contains(" d=\"") ? " d=\"" : "points=\"") else { return 0 }
            let body = shape[q.upperBound...].prefix { $0 != "\"" }
            let numbers = body.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "-") }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return 0 }
            return (x1 - x0) * (y1 - y0)
        }
        let sorted = blocks.map { (area($0), $0.joined(separator: "\n"), $0) }.sorted { a, b in a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 }
        var out = Array(lines[..<first])
        for (n, block) in sorted.enumerated() {
            out.append("<g id=\"clust\(n + 1)\" class=\"cluster\">")
            out.append(contentsOf: block.2)
            out.append("</g>")
        }
        out.append(contentsOf: lines[i...])
        return out.joined(separator: "\n")
    }

    static func removeElements(named name: String, from text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "<\(name)>") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstRange(of: "</\(name)>") else { rest = rest[start.lowerBound...]; break }
            rest = rest[end.upperBound...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        return out + rest
    }
}

