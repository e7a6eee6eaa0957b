import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// Writes the data-flow diagram as DOT: jurisdictions as outer clusters, parties
/// as clusters inside them labelled with their role, systems as nodes (stores as
/// cylinders), subjects as external entities, flows as edges labelled with
/// their data and lawful basis and coloured by their most sensitive data.
/// Restricted transfers are dashed; flows with error findings are red and bold.
/// A title block and a legend make it readable on its own. Byte-identical for
/// the same input: everything is emitted in file order or sorted.
public enum DOTGenerator {
    public static func dot(graph g: FlowGraph, options: DiagramOptions = DiagramOptions()) throws(DiagramError) -> String {
        try diagram(graph: g, options: options).text
    }

    /// The DOT text and the Graphviz layout engine it is meant for.
    public static func diagram(graph g: FlowGraph, options: DiagramOptions = DiagramOptions()) throws(DiagramError) -> DOTDiagram {
        let selection = try DiagramSelection(graph: g, options: options)
        var w = DOTWriter()
        let scale = Scale(edges: options.level == .parties ? partyGroups(g, selection).count : selection.flows.count)
        header(&w, g.model, options, scale)
        switch options.level {
        case .systems: systemsView(&w, g, selection, options, labels: scale.labels)
        case .parties: partiesView(&w, g, selection, options, labels: scale.labels)
        }
        legend(&w)
        w.line("}")
        return DOTDiagram(text: w.text, engine: scale.engine)
    }

    // MARK: palette

    static let colours: [DataKind: String] = [.personal: "#2563eb", .special: "#d97706", .criminalOffence: "#7c3aed"]
    static let errorColour = "#dc2626"

    static func mostSensitive(_ g: FlowGraph, _ flows: [Int]) -> DataKind {
        var kind = DataKind.personal
        for f in flows {
            for d in g.flowData[f] where g.model.data[d].kind.sensitivity > kind.sensitivity { kind = g.model.data[d].kind }
        }
        return kind
    }

    // MARK: pieces

    /// Graphviz's dot lays out large clustered graphs slowly (its crossing
    /// minimisation and edge labels, which become extra nodes, dominate). Past
    /// these sizes the diagram bounds those searches and, for the largest,
    /// leaves edge labels out (each edge keeps its flow id as a tooltip), saying
    /// so in the title.
    struct Scale {
        let edges: Int
        static let boundedSearchFrom = 60
        static let labelsUpTo = 150
        /// Past this many edges dot takes minutes; sfdp (force-directed, no
        /// clusters) takes a second.
        static let layeredUpTo = 1_500
        var boundSearch: Bool { edges >= Self.boundedSearchFrom }
        var labels: Bool { edges <= Self.labelsUpTo }
        var engine: String { edges <= Self.layeredUpTo ? "dot" : "sfdp" }
    }

    static func header(_ w: inout DOTWriter, _ model: ProgrammeModel, _ options: DiagramOptions, _ scale: Scale) {
        let name = DOTText.html(model.programme.name?.value ?? "Programme")
        var sub: [String] = []
        if let v = model.programme.version?.value { sub.append("version \(DOTText.html(v))") }
        if let d = options.asOf { sub.append("as of \(d)") }
        sub.append(DOTText.html(options.viewName))
        if !scale.labels {
            sub.append("\(scale.edges) \(options.level == .parties ? "links" : "flows"): labels left out; use --data or --focus for detail")
        }
        w.line("digraph dpflow {")
        let bounded = scale.boundSearch ? " mclimit=0.1, nslimit=1, nslimit1=1, searchsize=10, remincross=false," : ""
        var splines = scale.labels ? "" : " splines=line,"
        if scale.engine != "dot" { splines += " layout=\(scale.engine), overlap=prism, outputorder=edgesfirst," }
        w.line("  graph [newrank=true,\(bounded)\(splines) rankdir=LR, compound=true, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=11, nodesep=0.35, ranksep=0.9, pad=0.3, labelloc=t, labeljust=l,")
        w.line("         label=<<font point-size=\"20\"><b>\(name)</b></font><br/><font point-size=\"11\" color=\"#4b5563\">Data-flow diagram · \(sub.joined(separator: " · "))</font>>];")
        w.line("  node [fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=\"#ffffff\", color=\"#374151\"];")
        w.line("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7, penwidth=1.4];")
    }

    static func jurisdictionLabel(_ code: String) -> String {
        guard let c = Country(location: code) else { return code }
        if c.isUnknown { return "Location unknown" }
        if c.isRegion { return "\(c.code) (any state)" }
        return "\(c.name) (\(c.code))"
    }

    /// Jurisdictions in a stable order: the UK and its nations first, then by code.
    static func orderedJurisdictions(_ codes: Set<String>) -> [String] {
        codes.sorted { a, b in
            let ua = a == "GB" || a.hasPrefix("GB-"), ub = b == "GB" || b.hasPrefix("GB-")
            return ua != ub ? ua : a < b
        }
    }

    static func systemsView(_ w: inout DOTWriter, _ g: FlowGraph, _ sel: DiagramSelection, _ options: DiagramOptions, labels: Bool) {
        let model = g.model
        // Subjects: external entities, outside every cluster.
        for n in sel.nodes where g.isSubject(n) {
            let s = model.subjects[n]
            var label = "<b>\(DOTText.html(s.name?.value ?? s.id))</b>"
            var facts: [String] = []
            if let c = s.count?.value { facts.append("~\(c) people") }
            if s.children?.value == true { facts.append("includes children") }
            if s.vulnerable?.value == true { facts.append("vulnerable") }
            if !facts.isEmpty { label += "<br/><font point-size=\"8\">\(DOTText.html(facts.joined(separator: ", ")))</font>" }
            w.line("  u\(n) [shape=box, style=\"filled,bold\", fillcolor=\"#f3f4f6\", color=\"#111827\", label=<\(label)>];")
        }
        // Systems, grouped by jurisdiction then party.
        var byPlace: [String: [Int: [Int]]] = [:]  // location -> party (-1 none) -> systems
        for n in sel.nodes {
            guard let s = g.systemIndex(ofNode: n) else { continue }
            let loc = g.drawnPlace(ofSystem: s)?.code ?? "??"
            byPlace[loc, default: [:]][g.systemParty[s], default: []].append(s)
        }
        for (j, loc) in orderedJurisdictions(Set(byPlace.keys)).enumerated() {
            let uk = loc == "GB" || loc.hasPrefix("GB-")
            w.line("  subgraph cluster_j\(j) {")
            w.line("    label=<<b>\(DOTText.html(jurisdictionLabel(loc)))</b>>; style=\"rounded,filled\"; fillcolor=\"\(uk ? "#f8fafc" : "#fff7ed")\"; color=\"\(uk ? "#94a3b8" : "#ea580c")\"; fontsize=12;")
            let parties = byPlace[loc] ?? [:]
            for p in parties.keys.sorted() {
                let systems = parties[p] ?? []
                let party = p >= 0 ? model.parties[p] : nil
                w.line("    subgraph cluster_j\(j)_p\(p + 1) {")
                let role = party?.role?.value.rawValue ?? "party"
                let partyName = DOTText.html(party?.name?.value ?? party?.id ?? "unknown party")
                w.line("      label=<\(partyName)<br/><font point-size=\"8\" color=\"#4b5563\">\(DOTText.html(role))</font>>; style=\"rounded,filled\"; fillcolor=\"#ffffff\"; color=\"#cbd5e1\"; fontsize=10;")
                for s in systems.sorted() { systemNode(&w, g, s, node: g.node(ofSystem: s)) }
                w.line("    }")
            }
            w.line("  }")
        }
        for f in sel.flows { flowEdge(&w, g, f, options, labels: labels) }
    }

    static func systemNode(_ w: inout DOTWriter, _ g: FlowGraph, _ si: Int, node: Int) {
        let s = g.model.systems[si]
        var facts = [s.id]
        // A system with its own role (1.1) says so: GDS is a controller, but Notify is its processor service.
        if let role = s.role?.value {
            let forWhom = g.systemControllers[si].map { g.model.parties[$0].id }
            facts.append(role.isProcessor && !forWhom.isEmpty ? "\(role.rawValue) for \(forWhom.joined(separator: ", "))" : role.rawValue)
        }
        if g.systemExternal[si] { facts.append("outside this record") }
        // Where the data is, when the cluster alone does not say it all.
        if g.systemPlaces[si].count > 1 { facts.append(g.placesLabel(ofSystem: si)) }
        if s.effectiveClassification != .official { facts.append(s.effectiveClassification.rawValue) }
        if !s.keepsData { facts.append("keeps nothing") }
        let label = "<b>\(DOTText.html(s.name?.value ?? s.id))</b><br/><font point-size=\"8\" color=\"#4b5563\">\(DOTText.html(facts.joined(separator: " · ")))</font>"
        let shape = s.keepsData ? "cylinder" : "box"
        w.line("      s\(node) [shape=\(shape), label=<\(label)>];")
    }

    static func dataList(_ names: [String]) -> String {
        let shown = names.prefix(3).map { DOTText.abbreviate($0, to: 28) }
        return shown.joined(separator: ", ") + (names.count > 3 ? " +\(names.count - 3) more" : "")
    }

    /// The restricted-transfer note for a flow, if it leaves the UK.
    static func transferNote(_ g: FlowGraph, _ f: Int) -> String? {
        let places = g.foreignDestinations(ofFlow: f).map(\.code)
        guard !places.isEmpty else { return nil }
        let mechanism = g.model.flows[f].transfer?.mechanism?.value.rawValue ?? "NO MECHANISM"
        return "to \(places.joined(separator: "/")): \(mechanism)"
    }

    static func basisNote(_ g: FlowGraph, _ f: Int) -> String {
        let flow = g.model.flows[f]
        guard let basis = g.model.effectiveLawfulBasis(of: flow) else { return "no lawful basis" }
        var parts = [basis.article6Text ?? "no Art 6 basis"]
        let kinds = Set(g.flowData[f].map { g.model.data[$0].kind })
        if kinds.contains(.special) { parts.append("Art 9: \(basis.article9?.value.rawValue ?? "none")") }
        if kinds.contains(.criminalOffence) { parts.append("Art 10: \(basis.article10?.value.rawValue ?? "none")") }
        return parts.joined(separator: " · ")
    }

    static func flowEdge(_ w: inout DOTWriter, _ g: FlowGraph, _ f: Int, _ options: DiagramOptions, labels: Bool) {
        let flow = g.model.flows[f]
        let from = g.isSubject(g.flowFrom[f]) ? "u\(g.flowFrom[f])" : "s\(g.flowFrom[f])"
        // (1.1) A flow may end at a subject group: a disclosure to individuals.
        let to = g.isSubject(g.flowTo[f]) ? "u\(g.flowTo[f])" : "s\(g.flowTo[f])"
        let kind = mostSensitive(g, [f])
        let errors = options.errorRules[flow.id] ?? []
        let transfer = transferNote(g, f)
        var attributes = [
            "color=\"\(errors.isEmpty ? colours[kind] ?? "#2563eb" : errorColour)\"",
            "fontcolor=\"\(errors.isEmpty ? "#111827" : errorColour)\"",
            "tooltip=\(DOTText.quoted("flows.\(flow.id)"))",
        ]
        if labels {
            // Built only when shown: the largest views leave labels out.
            var lines: [String] = []
            if !errors.isEmpty { lines.append("<b>✖ \(DOTText.html(errors.joined(separator: ", ")))</b>") }
            lines.append(DOTText.html(dataList(g.flowData[f].map { g.model.data[$0].id })))
            lines.append("<font color=\"#4b5563\">\(DOTText.html(basisNote(g, f)))</font>")
            if let transfer { lines.append("<i>\(DOTText.html(transfer))</i>") }
            attributes.insert("label=<\(lines.joined(separator: "<br/>"))>", at: 0)
        }
        if transfer != nil { attributes.append("style=dashed") }
        if !errors.isEmpty { attributes.append("penwidth=2.8") }
        w.line("  \(from) -> \(to) [\(attributes.joined(separator: ", "))];")
    }

    static func partiesView(_ w: inout DOTWriter, _ g: FlowGraph, _ sel: DiagramSelection, _ options: DiagramOptions, labels: Bool) {
        let model = g.model
        // Node per party in view (by its systems), and per subject.
        var partiesInView = Set<Int>()
        for n in sel.nodes { if let p = g.party(ofNode: n) { partiesInView.insert(p) } }
        for n in sel.nodes where g.isSubject(n) {
            let s = model.subjects[n]
            w.line("  u\(n) [shape=box, style=\"filled,bold\", fillcolor=\"#f3f4f6\", color=\"#111827\", label=<<b>\(DOTText.html(s.name?.value ?? s.id))</b>>];")
        }
        var byCountry: [String: [Int]] = [:]
        for p in partiesInView { byCountry[model.parties[p].country?.value.code ?? "??", default: []].append(p) }
        for (j, code) in orderedJurisdictions(Set(byCountry.keys)).enumerated() {
            let uk = code == "GB" || code.hasPrefix("GB-")
            w.line("  subgraph cluster_j\(j) {")
            w.line("    label=<<b>\(DOTText.html(jurisdictionLabel(code)))</b>>; style=\"rounded,filled\"; fillcolor=\"\(uk ? "#f8fafc" : "#fff7ed")\"; color=\"\(uk ? "#94a3b8" : "#ea580c")\"; fontsize=12;")
            for p in (byCountry[code] ?? []).sorted() {
                let party = model.parties[p]
                let systems = model.systems.indices.filter { g.systemParty[$0] == p }.count
                let label = "<b>\(DOTText.html(party.name?.value ?? party.id))</b><br/><font point-size=\"8\" color=\"#4b5563\">\(DOTText.html("\(party.role?.value.rawValue ?? "party") · \(systems) system\(systems == 1 ? "" : "s")"))</font>"
                w.line("    p\(p) [shape=box, style=\"rounded,filled\", label=<\(label)>];")
            }
            w.line("  }")
        }
        let groups = partyGroups(g, sel)
        for key in groups.keys.sorted() {
            let flows = groups[key] ?? []
            var dataNames: [String] = []
            for f in flows { for d in g.flowData[f] where !dataNames.contains(model.data[d].id) { dataNames.append(model.data[d].id) } }
            let errors = Set(flows.flatMap { options.errorRules[model.flows[$0].id] ?? [] }).sorted()
            let restricted = flows.contains { transferNote(g, $0) != nil }
            var lines: [String] = []
            if !errors.isEmpty { lines.append("<b>✖ \(DOTText.html(errors.joined(separator: ", ")))</b>") }
            lines.append("\(flows.count) flow\(flows.count == 1 ? "" : "s")")
            lines.append(DOTText.html(dataList(dataNames)))
            var attributes = [
                "color=\"\(errors.isEmpty ? colours[mostSensitive(g, flows)] ?? "#2563eb" : errorColour)\"",
                "penwidth=\(errors.isEmpty ? min(1.2 + Double(flows.count) * 0.2, 4.0) : 2.8)",
            ]
            if labels { attributes.insert("label=<\(lines.joined(separator: "<br/>"))>", at: 0) }
            if restricted { attributes.append("style=dashed") }
            w.line("  \(key.from) -> \(key.to) [\(attributes.joined(separator: ", "))];")
        }
    }

    /// A party-level edge: from a subject or party node, to a party or (a
    /// disclosure to individuals) a subject node.
    struct PartyEdge: Hashable, Comparable {
        let from: String
        let to: String
        static func < (a: PartyEdge, b: PartyEdge) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    /// Flows aggregated by (source, target party); flows within one party are not shown.
    static func partyGroups(_ g: FlowGraph, _ sel: DiagramSelection) -> [PartyEdge: [Int]] {
        var groups: [PartyEdge: [Int]] = [:]
        for f in sel.flows {
            let src = g.flowFrom[f]
            let from = g.isSubject(src) ? "u\(src)" : g.party(ofNode: src).map { "p\($0)" } ?? "s\(src)"
            let dst = g.flowTo[f]
            guard let to = g.isSubject(dst) ? "u\(dst)" : g.party(ofNode: dst).map({ "p\($0)" }) else { continue }
            if from == to { continue }
            groups[PartyEdge(from: from, to: to), default: []].append(f)
        }
        return groups
    }

    static func legend(_ w: inout DOTWriter) {
        let rows = [
            "<tr><td align=\"left\"><font color=\"\(colours[.personal] ?? "")\">━━━</font></td><td align=\"left\">personal data</td></tr>",
            "<tr><td align=\"left\"><font color=\"\(colours[.special] ?? "")\">━━━</font></td><td align=\"left\">special category data</td></tr>",
            "<tr><td align=\"left\"><font color=\"\(colours[.criminalOffence] ?? "")\">━━━</font></td><td align=\"left\">criminal offence data</td></tr>",
            "<tr><td align=\"left\">╌╌╌</td><td align=\"left\">restricted transfer (leaves the UK)</td></tr>",
            "<tr><td align=\"left\"><font color=\"\(errorColour)\"><b>━━━</b></font></td><td align=\"left\">flow with an error finding (✖ rule)</td></tr>",
            "<tr><td align=\"left\">cylinder</td><td align=\"left\">system that keeps data</td></tr>",
            "<tr><td align=\"left\">box</td><td align=\"left\">pass-through system; grey box: people (data subjects)</td></tr>",
        ]
        w.line("  subgraph cluster_legend {")
        w.line("    label=<<b>Legend</b>>; style=\"rounded\"; color=\"#cbd5e1\"; fontsize=10;")
        w.line("    legend [shape=plaintext, style=\"\", label=<<table border=\"0\" cellspacing=\"2\" cellpadding=\"1\">\(rows.joined())</table>>];")
        w.line("  }")
    }
}

/// A diagram's DOT text and the layout engine to run on it.
public struct DOTDiagram: Sendable {
    public let text: String
    public let engine: String
}

/// Accumulates DOT lines.
struct DOTWriter {
    private(set) var text = ""
    mutating func line(_ s: String) {
        text += s
        text += "\n"
    }
}
