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
        var used = Used()
        switch options.level {
        case .systems: systemsView(&w, g, selection, options, labels: scale.labels, used: &used)
        case .parties: partiesView(&w, g, selection, options, labels: scale.labels, used: &used)
        }
        legend(&w, g, used, dataKey: scale.labels)
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
        static let layeredUpTo = 400
        var boundSearch: Bool { edges >= Self.boundedSearchFrom }
        var labels: Bool { edges <= Self.labelsUpTo }
        var engine: String { edges <= Self.layeredUpTo ? "dot" : "sfdp" }
    }

    static func header(_ w: inout DOTWriter, _ model: ProgrammeModel, _ options: DiagramOptions, _ scale: Scale) {
        let name = DOTText.html(model.programme.name?.value ?? "Programme")
        var sub: [String] = []
        if let v = model.programme.version?.value { sub.append("version \(DOTText.html(v))") }
        if let d = options.asOf { sub.append("as of \(PlainEnglish.date(d))") }
        sub.append(DOTText.html(options.viewName))
        if !scale.labels {
            sub.append("\(scale.edges) \(options.level == .parties ? "links" : "flows"): labels left out; use --data or --focus for detail")
        }
        w.line("digraph dpflow {")
        let bounded = scale.boundSearch ? " mclimit=0.1, nslimit=1, nslimit1=1, searchsize=10, remincross=false," : ""
        var splines = scale.labels ? "" : " splines=line,"
        if scale.engine != "dot" { splines += " layout=\(scale.engine), overlap=prism, outputorder=edgesfirst," }
        w.line("  graph [newrank=true,\(bounded)\(splines) rankdir=\(options.direction.rawValue), compound=true, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=11, nodesep=0.25, ranksep=0.45, pad=0.3, labelloc=t, labeljust=l,")
        w.line("         label=<<font point-size=\"20\"><b>\(name)</b></font><br/><font point-size=\"11\" color=\"#4b5563\">Data-flow diagram · \(sub.joined(separator: " · "))</font>>];")
        w.line("  node [fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=\"#ffffff\", color=\"#374151\"];")
        w.line("  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7, penwidth=1.4];")
    }

    static func jurisdictionLabel(_ code: String) -> String {
        guard let c = Country(location: code) else { return code }
        if c.isUnknown { return "Location unknown" }
        if c.isRegion { return "\(PlainEnglish.country(c)) (any state)" }
        return PlainEnglish.country(c)
    }

    /// Jurisdictions in a stable order: the UK and its nations first, then by code.
    static func orderedJurisdictions(_ codes: Set<String>) -> [String] {
        codes.sorted { a, b in
            let ua = a == "GB" || a.hasPrefix("GB-"), ub = b == "GB" || b.hasPrefix("GB-")
            return ua != ub ? ua : a < b
        }
    }

    /// What the diagram draws, noted as it is drawn, so that the key shows only that.
    struct Used {
        var kinds = Set<DataKind>()
        var transfer = false, error = false, warning = false
        var store = false, passThrough = false, people = false, external = false
        var data = Set<Int>()
    }

    static func jurisdictionCluster(_ w: inout DOTWriter, id: String, code: String, indent: String) {
        let uk = code == "GB" || code.hasPrefix("GB-")
        let fill = uk ? (code == "GB" ? "#f8fafc" : "#eef2f7") : "#fff7ed"
        w.line("\(indent)subgraph cluster_\(id) {")
        w.line("\(indent)  label=<<b>\(DOTText.html(jurisdictionLabel(code)))</b>>; style=\"rounded,filled\"; fillcolor=\"\(fill)\"; color=\"\(uk ? "#94a3b8" : "#ea580c")\"; fontsize=12;")
    }

    static func systemsView(_ w: inout DOTWriter, _ g: FlowGraph, _ sel: DiagramSelection, _ options: DiagramOptions, labels: Bool, used: inout Used) {
        let model = g.model
        // Subjects: external entities, outside every cluster.
        for n in sel.nodes where g.isSubject(n) {
            used.people = true
            let s = model.subjects[n]
            var label = "<b>\(DOTText.wrapped(s.name?.value ?? s.id, width: 22))</b>"
            var facts: [String] = []
            if let c = s.count?.value { facts.append("about \(PlainEnglish.number(c)) people") }
            if s.children?.value == true { facts.append("includes children") }
            if s.vulnerable?.value == true { facts.append("vulnerable") }
            if !facts.isEmpty { label += "<br/><font point-size=\"9\">\(DOTText.wrapped(facts.joined(separator: ", "), width: 28))</font>" }
            w.line("  u\(n) [shape=box, style=\"filled,bold\", fillcolor=\"#f3f4f6\", color=\"#111827\", label=<\(label)>];")
        }
        // Each party once: in the place all its systems share, in the UK when they
        // are all in the UK, else outside any place (each system then names its own).
        var systemsOf: [Int: [Int]] = [:]  // party, or -1 - system for a system without one
        for n in sel.nodes {
            guard let s = g.systemIndex(ofNode: n) else { continue }
            let p = g.systemParty[s]
            systemsOf[p >= 0 ? p : -1 - s, default: []].append(s)
        }
        var home: [Int: String] = [:]
        for (p, systems) in systemsOf {
            let places = Set(systems.map { g.drawnPlace(ofSystem: $0)?.code ?? "unknown" })
            if places.count == 1, let only = places.first {
                home[p] = only
            } else if places.allSatisfy({ $0 == "GB" || $0.hasPrefix("GB-") }) {
                home[p] = "GB"
            } else {
                home[p] = ""
            }
        }
        func order(_ p: Int) -> Int { p >= 0 ? p : Int.max / 2 - p }
        func parties(in code: String) -> [Int] { home.filter { $0.value == code }.map(\.key).sorted { order($0) < order($1) } }
        func drawParties(_ ps: [Int], indent: String) {
            for p in ps {
                let systems = (systemsOf[p] ?? []).sorted()
                guard p >= 0 else {
                    for s in systems { systemNode(&w, g, s, node: g.node(ofSystem: s), indent: indent, showPlace: home[p] == "", used: &used) }
                    continue
                }
                let party = model.parties[p]
                w.line("\(indent)subgraph cluster_p\(p) {")
                var facts = [party.role.map { PlainEnglish.role($0.value) } ?? "organisation"]
                if party.isGroup { facts.append("a group of organisations") }
                if g.partyExternal[p] { facts.append("outside this record"); used.external = true }
                let partyName = DOTText.wrapped(party.name?.value ?? party.id, width: 30)
                w.line("\(indent)  label=<\(partyName)<br/><font point-size=\"9\" color=\"#4b5563\">\(DOTText.wrapped(facts.joined(separator: " · "), width: 36))</font>>; style=\"\(party.isGroup ? "rounded,filled,dashed" : "rounded,filled")\"; fillcolor=\"#ffffff\"; color=\"#cbd5e1\"; fontsize=11;")
                for s in systems {
                    let own = g.drawnPlace(ofSystem: s)?.code
                    systemNode(&w, g, s, node: g.node(ofSystem: s), indent: indent + "  ", showPlace: home[p] == "" || (home[p] == "GB" && own != "GB"), used: &used)
                }
                w.line("\(indent)}")
            }
        }
        let codes = Set(home.values)
        let nations = codes.filter { $0.hasPrefix("GB-") }.sorted()
        if codes.contains("GB") || !nations.isEmpty {
            jurisdictionCluster(&w, id: "uk", code: "GB", indent: "  ")
            drawParties(parties(in: "GB"), indent: "    ")
            for nation in nations {
                jurisdictionCluster(&w, id: "uk_\(nation.dropFirst(3).lowercased())", code: nation, indent: "    ")
                drawParties(parties(in: nation), indent: "      ")
                w.line("    }")
            }
            w.line("  }")
        }
        for (j, code) in orderedJurisdictions(codes.filter { !$0.isEmpty && $0 != "GB" && !$0.hasPrefix("GB-") }).enumerated() {
            jurisdictionCluster(&w, id: "j\(j)", code: code, indent: "  ")
            drawParties(parties(in: code), indent: "    ")
            w.line("  }")
        }
        drawParties(parties(in: ""), indent: "  ")
        for f in sel.flows { flowEdge(&w, g, f, options, labels: labels, used: &used) }
    }

    static func systemNode(_ w: inout DOTWriter, _ g: FlowGraph, _ si: Int, node: Int, indent: String, showPlace: Bool, used: inout Used) {
        let s = g.model.systems[si]
        var facts: [String] = []
        // A system with its own role (1.1) says so: GDS is a controller, but Notify is its processor service.
        if let role = s.role?.value {
            let forWhom = g.systemControllers[si].map { g.model.parties[$0].name?.value ?? g.model.parties[$0].id }
            facts.append(role.isProcessor && !forWhom.isEmpty ? "\(PlainEnglish.role(role)) for \(PlainEnglish.list(forWhom))" : PlainEnglish.role(role))
        }
        if g.systemExternal[si] { facts.append("outside this record"); used.external = true }
        // Where the data is, when the cluster alone does not say it all.
        if showPlace || g.systemPlaces[si].count > 1 { facts.append(PlainEnglish.places(g.systemPlaces[si])) }
        if s.effectiveClassification != .official { facts.append(s.effectiveClassification.rawValue) }
        if !s.keepsData { facts.append("keeps nothing") }
        var label = "<b>\(DOTText.wrapped(s.name?.value ?? s.id, width: 22))</b>"
        if !facts.isEmpty { label += "<br/><font point-size=\"9\" color=\"#4b5563\">\(DOTText.wrapped(facts.joined(separator: " · "), width: 28))</font>" }
        let shape = s.keepsData ? "cylinder" : "box"
        if s.keepsData { used.store = true } else { used.passThrough = true }
        w.line("\(indent)s\(node) [shape=\(shape), tooltip=\(DOTText.quoted(s.path)), label=<\(label)>];")
    }

    /// The data an edge carries, by its number in the key: "data 1, 2, 5".
    /// Every category is listed: nothing is hidden behind "+2 more".
    static func dataNumbers(_ ids: [Int], used: inout Used) -> String {
        for d in ids { used.data.insert(d) }
        return "data " + ids.sorted().map { String($0 + 1) }.joined(separator: ", ")
    }

    /// The restricted-transfer note for a flow, if it leaves the UK.
    static func transferNote(_ g: FlowGraph, _ f: Int) -> String? {
        let places = g.foreignDestinations(ofFlow: f)
        guard !places.isEmpty else { return nil }
        let mechanism = g.model.flows[f].transfer?.mechanism.map { PlainEnglish.mechanism($0.value) } ?? "NO SAFEGUARD"
        return "to \(PlainEnglish.places(places)): \(mechanism)"
    }

    static func basisNote(_ g: FlowGraph, _ f: Int) -> String {
        let flow = g.model.flows[f]
        guard let basis = g.model.effectiveLawfulBasis(of: flow) else { return "no lawful basis" }
        var parts = [PlainEnglish.article6(basis, withPower: false)]
        let kinds = Set(g.flowData[f].map { g.model.data[$0].kind })
        if kinds.contains(.special) { parts.append(basis.article9.map { PlainEnglish.article9($0.value) } ?? "no Article 9 condition") }
        if kinds.contains(.criminalOffence) { parts.append(basis.article10.map { PlainEnglish.article10($0.value) } ?? "no Article 10 basis") }
        return parts.joined(separator: "; ")
    }

    static let warningColour = "#b45309"

    static func flowEdge(_ w: inout DOTWriter, _ g: FlowGraph, _ f: Int, _ options: DiagramOptions, labels: Bool, used: inout Used) {
        let flow = g.model.flows[f]
        let from = g.isSubject(g.flowFrom[f]) ? "u\(g.flowFrom[f])" : "s\(g.flowFrom[f])"
        let to = g.isSubject(g.flowTo[f]) ? "u\(g.flowTo[f])" : "s\(g.flowTo[f])"
        let kind = mostSensitive(g, [f])
        used.kinds.insert(kind)
        let errors = options.errorRules[flow.id] ?? []
        let warnings = options.warningRules[flow.id] ?? []
        if !errors.isEmpty { used.error = true }
        if !warnings.isEmpty { used.warning = true }
        let transfer = transferNote(g, f)
        var attributes = [
            "color=\"\(errors.isEmpty ? colours[kind] ?? "#2563eb" : errorColour)\"",
            "fontcolor=\"\(errors.isEmpty ? "#111827" : errorColour)\"",
            "tooltip=\(DOTText.quoted("flows.\(flow.id)"))",
        ]
        let numbers = dataNumbers(g.flowData[f], used: &used)
        if labels {
            // Built only when shown: the largest views leave labels out.
            var lines: [String] = []
            if !errors.isEmpty { lines.append("<b>✖ \(DOTText.html(errors.joined(separator: ", ")))</b>") }
            if !warnings.isEmpty { lines.append("<font color=\"\(warningColour)\"><b>▲ \(DOTText.html(warnings.joined(separator: ", ")))</b></font>") }
            lines.append(DOTText.html(numbers))
            if options.showBasis { lines.append("<font color=\"#4b5563\">\(DOTText.html(basisNote(g, f)))</font>") }
            if let transfer { lines.append("<i>\(DOTText.wrapped(transfer, width: 26))</i>") }
            attributes.insert("label=<\(lines.joined(separator: "<br/>"))>", at: 0)
        }
        if transfer != nil { attributes.append("style=dashed"); used.transfer = true }
        if !errors.isEmpty { attributes.append("penwidth=2.8") } else if !warnings.isEmpty { attributes.append("penwidth=2.4") }
        w.line("  \(from) -> \(to) [\(attributes.joined(separator: ", "))];")
    }

    static func partiesView(_ w: inout DOTWriter, _ g: FlowGraph, _ sel: DiagramSelection, _ options: DiagramOptions, labels: Bool, used: inout Used) {
        let model = g.model
        // Node per party in view (by its systems), and per subject.
        var partiesInView = Set<Int>()
        for n in sel.nodes { if let p = g.party(ofNode: n) { partiesInView.insert(p) } }
        for n in sel.nodes where g.isSubject(n) {
            used.people = true
            let s = model.subjects[n]
            w.line("  u\(n) [shape=box, style=\"filled,bold\", fillcolor=\"#f3f4f6\", color=\"#111827\", label=<<b>\(DOTText.wrapped(s.name?.value ?? s.id, width: 22))</b>>];")
        }
        var byCountry: [String: [Int]] = [:]
        for p in partiesInView { byCountry[model.parties[p].country?.value.code ?? "unknown", default: []].append(p) }
        func drawParty(_ p: Int, indent: String) {
            let party = model.parties[p]
            let systems = model.systems.indices.filter { g.systemParty[$0] == p }.count
            var facts = [party.role.map { PlainEnglish.role($0.value) } ?? "organisation", PlainEnglish.count(systems, "system")]
            if g.partyExternal[p] { facts.append("outside this record"); used.external = true }
            let label = "<b>\(DOTText.wrapped(party.name?.value ?? party.id, width: 24))</b><br/><font point-size=\"9\" color=\"#4b5563\">\(DOTText.wrapped(facts.joined(separator: " · "), width: 28))</font>"
            w.line("\(indent)p\(p) [shape=box, style=\"rounded,filled\(party.isGroup ? ",dashed" : "")\", label=<\(label)>];")
        }
        let codes = Set(byCountry.keys)
        let nations = codes.filter { $0.hasPrefix("GB-") }.sorted()
        if codes.contains("GB") || !nations.isEmpty {
            jurisdictionCluster(&w, id: "uk", code: "GB", indent: "  ")
            for p in (byCountry["GB"] ?? []).sorted() { drawParty(p, indent: "    ") }
            for nation in nations {
                jurisdictionCluster(&w, id: "uk_\(nation.dropFirst(3).lowercased())", code: nation, indent: "    ")
                for p in (byCountry[nation] ?? []).sorted() { drawParty(p, indent: "      ") }
                w.line("    }")
            }
            w.line("  }")
        }
        for (j, code) in orderedJurisdictions(codes.filter { $0 != "GB" && !$0.hasPrefix("GB-") }).enumerated() {
            jurisdictionCluster(&w, id: "j\(j)", code: code, indent: "  ")
            for p in (byCountry[code] ?? []).sorted() { drawParty(p, indent: "    ") }
            w.line("  }")
        }
        let groups = partyGroups(g, sel)
        for key in groups.keys.sorted() {
            let flows = groups[key] ?? []
            var dataIDs: [Int] = []
            for f in flows { for d in g.flowData[f] where !dataIDs.contains(d) { dataIDs.append(d) } }
            let errors = Set(flows.flatMap { options.errorRules[model.flows[$0].id] ?? [] }).sorted()
            let warnings = Set(flows.flatMap { options.warningRules[model.flows[$0].id] ?? [] }).sorted()
            if !errors.isEmpty { used.error = true }
            if !warnings.isEmpty { used.warning = true }
            let restricted = flows.contains { transferNote(g, $0) != nil }
            let kind = mostSensitive(g, flows)
            used.kinds.insert(kind)
            var lines: [String] = []
            if !errors.isEmpty { lines.append("<b>✖ \(DOTText.html(errors.joined(separator: ", ")))</b>") }
            if !warnings.isEmpty { lines.append("<font color=\"\(warningColour)\"><b>▲ \(DOTText.html(warnings.joined(separator: ", ")))</b></font>") }
            lines.append(PlainEnglish.count(flows.count, "flow"))
            lines.append(DOTText.html(dataNumbers(dataIDs, used: &used)))
            var attributes = [
                "color=\"\(errors.isEmpty ? colours[kind] ?? "#2563eb" : errorColour)\"",
                "penwidth=\(errors.isEmpty ? min(1.2 + Double(flows.count) * 0.2, 4.0) : 2.8)",
            ]
            if labels { attributes.insert("label=<\(lines.joined(separator: "<br/>"))>", at: 0) }
            if restricted { attributes.append("style=dashed"); used.transfer = true }
            w.line("  \(key.from) -> \(key.to.hasPrefix("u") ? key.to : "p" + key.to) [\(attributes.joined(separator: ", "))];")
        }
    }

    /// A party-level edge: from a subject or party node, to a party.
    struct PartyEdge: Hashable, Comparable {
        let from: String
        /// A party index, or "u<n>" for a letter to people.
        let to: String
        static func < (a: PartyEdge, b: PartyEdge) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    /// Flows aggregated by (source, target party); flows within one party are not shown.
    static func partyGroups(_ g: FlowGraph, _ sel: DiagramSelection) -> [PartyEdge: [Int]] {
        var groups: [PartyEdge: [Int]] = [:]
        for f in sel.flows {
            let src = g.flowFrom[f]
            let from = g.isSubject(src) ? "u\(src)" : g.party(ofNode: src).map { "p\($0)" } ?? "s\(src)"
            let target = g.flowTo[f]
            let to: String
            if g.isSubject(target) { to = "u\(target)" } else if let p = g.party(ofNode: target) { to = String(p) } else { continue }
            if from == "p\(to)" { continue }
            groups[PartyEdge(from: from, to: to), default: []].append(f)
        }
        return groups
    }

    /// The key: only what this view draws, each drawn with the shape or line
    /// itself, and the numbered list of the data the lines name.
    static func legend(_ w: inout DOTWriter, _ g: FlowGraph, _ used: Used, dataKey: Bool) {
        w.line("  subgraph cluster_legend {")
        w.line("    label=<<b>Key</b>>; style=\"rounded\"; color=\"#cbd5e1\"; fontsize=11; fontcolor=\"#111827\";")
        if used.people { w.line("    key_people [shape=box, style=\"filled,bold\", fillcolor=\"#f3f4f6\", color=\"#111827\", label=\"people (data subjects)\"];") }
        if used.store { w.line("    key_store [shape=cylinder, label=\"system that keeps data\"];") }
        if used.passThrough { w.line("    key_pass [shape=box, label=\"system that keeps nothing\"];") }
        // Lines: a sample of each line in its own colour and pattern (as a table,
        // so that the key does not stretch the layout's ranks).
        var lines: [(String, String)] = []
        for kind in [DataKind.personal, .special, .criminalOffence] where used.kinds.contains(kind) {
            lines.append(("<font color=\"\(colours[kind] ?? "")\">━━━━▶</font>", PlainEnglish.kind(kind)))
        }
        if used.transfer { lines.append(("<font color=\"#374151\">╍╍╍╍▶</font>", "restricted transfer (leaves the UK)")) }
        if used.warning { lines.append(("<font color=\"\(warningColour)\"><b>▲ ━━━▶</b></font>", "warning (its rule id on the line)")) }
        if used.error { lines.append(("<font color=\"\(errorColour)\"><b>✖ ━━━▶</b></font>", "error (its rule id on the line)")) }
        if !lines.isEmpty {
            let rows = lines.map { "<tr><td align=\"left\">\($0.0)</td><td align=\"left\">\(DOTText.html($0.1))</td></tr>" }
            w.line("    key_lines [shape=plaintext, style=\"\", fontsize=10, label=<<table border=\"0\" cellspacing=\"1\" cellpadding=\"1\">\(rows.joined())</table>>];")
        }
        // The numbered data list, when the lines carry the numbers (the largest views leave labels out).
        if dataKey && !used.data.isEmpty {
            // Past 20 categories the list runs in columns, so that the key stays near the drawing's shape.
            let entries = used.data.sorted().map { d -> String in
                let data = g.model.data[d]
                let colour = colours[data.kind] ?? "#111827"
                let kind = data.kind == .personal ? "" : "<br/><i>(\(DOTText.html(PlainEnglish.kind(data.kind))))</i>"
                return "<td align=\"right\" valign=\"top\"><font color=\"\(colour)\"><b>\(d + 1)</b></font></td><td align=\"left\" balign=\"left\" valign=\"top\">\(DOTText.wrapped(data.name?.value ?? data.id, width: 30))\(kind)</td>"
            }
            let columns = (entries.count + 19) / 20
            let perColumn = (entries.count + columns - 1) / columns
            var rows: [String] = []
            for r in 0..<perColumn {
                var cells = ""
                for c in 0..<columns {
                    let i = c * perColumn + r
                    cells += i < entries.count ? entries[i] : "<td></td><td></td>"
                }
                rows.append("<tr>\(cells)</tr>")
            }
            w.line("    key_data [shape=plaintext, style=\"\", fontsize=10, label=<<table border=\"0\" cellspacing=\"1\" cellpadding=\"1\"><tr><td colspan=\"\(2 * columns)\" align=\"left\"><b>Data, by the numbers on the lines</b></td></tr>\(rows.joined())</table>>];")
        }
        w.line("  }")
    }
}

/// A diagram's DOT text and the layout engine to run on it.
public struct DOTDiagram: Sendable {
    public let text: String
    public let engine: String

    public init(text: String, engine: String) {
        self.text = text
        self.engine = engine
    }

    /// The same diagram drawn at `dpi` dots per inch when rendered to a bitmap.
    public func withResolution(_ dpi: Int) -> DOTDiagram {
        withResolution(text: String(dpi))
    }

    /// The same diagram drawn at `dpi` dots per inch (rounded down to a
    /// hundredth, written without locale) when rendered to a bitmap.
    public func withResolution(_ dpi: Double) -> DOTDiagram {
        let hundredths = Int((max(dpi, 0.01) * 100).rounded(.down))
        let whole = hundredths / 100, fraction = hundredths % 100
        return withResolution(text: fraction == 0 ? String(whole) : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)")
    }

    private func withResolution(text dpi: String) -> DOTDiagram {
        guard let r = text.firstRange(of: "graph [") else { return self }
        var t = text
        t.replaceSubrange(r, with: "graph [dpi=\(dpi), ")
        return DOTDiagram(text: t, engine: engine)
    }
}

/// Accumulates DOT lines.
struct DOTWriter {
    private(set) var text = ""
    mutating func line(_ s: String) {
        text += s
        text += "\n"
    }
}
