import DPFlowDiagnostics
import DPFlowModel

/// `data-map.svg`'s DOT: the department at party level, one node per matched
/// party (and subject group), flows between parties drawn once per programme,
/// each programme with its own colour AND line style and number, so that no
/// programme is told apart by colour alone.
public enum DataMapDOT {
    /// Colours that stay apart for colour-blind readers (Okabe-Ito), then repeat with other dashes.
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    static let styles = ["solid", "dashed", "dotted", "bold"]

    public static func style(ofProgramme p: Int) -> (colour: String, line: String) {
        (colours[p % colours.count], styles[(p / colours.count + p) % styles.count])
    }

    /// Above this many programme-level arrows, the map draws one arrow per
    /// pair of parties, labelled with the programmes' numbers, and is laid out
    /// with `sfdp`: `dot` takes minutes and writes over 10 MB for a
    /// 200-programme department (5,700 arrows), and no reader follows that
    /// many arrows anyway; the search in map.html highlights one programme's.
    public static let bundleAbove = 300

    /// The Graphviz layout engine for the department's map.
    public static func layoutEngine(_ d: Department) -> String {
        edgeCount(d) > bundleAbove ? "sfdp" : "dot"
    }

    static func edgeCount(_ d: Department) -> Int {
        var seen = Set<String>()
        for (p, prog) in d.programmes.enumerated() {
            let g = prog.graph
            for f in prog.model.flows.indices {
                guard let a = end(d, p, g.flowFrom[f]), let b = end(d, p, g.flowTo[f]), a != b else { continue }
                seen.insert("\(a) \(b) \(p)")
            }
        }
        return seen.count
    }

    /// The diagram node (matched party or subject group) a flow end is drawn as.
    static func end(_ d: Department, _ p: Int, _ n: Int) -> Int? {
        let prog = d.programmes[p]
        let g = prog.graph
        if let s = g.systemIndex(ofNode: n), let party = prog.model.systems[s].party?.value { return d.entity(.parties, party, inProgramme: p) }
        if g.isSubject(n) { return d.entity(.subjects, prog.model.subjects[n].id, inProgramme: p) }
        return nil
    }

    public static func dot(_ d: Department) -> String {
        let bundled = edgeCount(d) > bundleAbove
        var out = "digraph department {\n"
        if bundled { out += "  graph [overlap=prism, splines=false, K=1.2, repulsiveforce=2];\n" }
        out += "  graph [rankdir=LR, newrank=true, mclimit=0.3, nslimit=2, nslimit1=2, searchsize=20, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=11, nodesep=0.4, ranksep=1.1, pad=0.3,"
        out += " labelloc=t, labeljust=l, label=<<font point-size=\"18\"><b>Department data map</b></font><br/><font point-size=\"10\">\(d.programmes.count) programmes · \(d.registries.count) registr\(d.registries.count == 1 ? "y" : "ies") · parties and the data flows between them</font>>];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#374151\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7, penwidth=1.6];\n"
        // Nodes: parties and subject groups used by any programme.
        var partyNodes = Set<Int>()
        var subjectNodes = Set<Int>()
        struct Edge: Hashable, Comparable {
            let from: String, to: String, programme: Int
            static func < (a: Edge, b: Edge) -> Bool { (a.from, a.to, a.programme) < (b.from, b.to, b.programme) }
        }
        var edges: [Edge: Int] = [:]
        for (p, prog) in d.programmes.enumerated() {
            let g = prog.graph
            func node(_ n: Int) -> String? {
                if let s = g.systemIndex(ofNode: n), let party = prog.model.systems[s].party?.value,
                    let e = d.entity(.parties, party, inProgramme: p)
                {
                    partyNodes.insert(e)
                    return "e\(e)"
                }
                if g.isSubject(n), let e = d.entity(.subjects, prog.model.subjects[n].id, inProgramme: p) {
                    subjectNodes.insert(e)
                    return "e\(e)"
                }
                return nil
            }
            for f in prog.model.flows.indices {
                guard let a = node(g.flowFrom[f]), let b = node(g.flowTo[f]), a != b else { continue }
                edges[Edge(from: a, to: b, programme: p), default: 0] += 1
            }
        }
        for e in subjectNodes.sorted() {
            out += "  e\(e) [shape=box, style=\"filled,bold\", fillcolor=\"#f3f4f6\", label=<<b>\(html(d.entities[e].name))</b><br/><font point-size=\"8\">people</font>>];\n"
        }
        for e in partyNodes.sorted() {
            let entity = d.entities[e]
            let users = entity.programmes.count
            let shared = entity.isInRegistry ? "registry · " : ""
            out += "  e\(e) [label=<<b>\(html(entity.name))</b><br/><font point-size=\"8\" color=\"#4b5563\">\(shared)\(users) programme\(users == 1 ? "" : "s")</font>>];\n"
        }
        if bundled {
            // One arrow per pair of parties: the programmes by number (all of
            // them in the class, for map.html's highlight; the first few in the label).
            var pairs: [String: [Int]] = [:]
            for edge in edges.keys.sorted() { pairs["\(edge.from) -> \(edge.to)", default: []].append(edge.programme) }
            for pair in pairs.keys.sorted() {
                let ps = pairs[pair] ?? []
                let shown = ps.prefix(4).map { String($0 + 1) }.joined(separator: ", ") + (ps.count > 4 ? " +\(ps.count - 4)" : "")
                let (colour, line) = ps.count == 1 ? style(ofProgramme: ps[0]) : ("#4b5563", "solid")
                let width = ps.count == 1 ? "" : ", penwidth=\(min(6, 1 + ps.count / 4))"
                out += "  \(pair) [color=\"\(colour)\", style=\(line)\(width), label=<\(shown)>, fontcolor=\"#374151\", class=\"\(ps.map { "p\($0 + 1)" }.joined(separator: " "))\"];\n"
            }
        }
        for edge in edges.keys.sorted() where !bundled {
            let (colour, line) = style(ofProgramme: edge.programme)
            let n = edges[edge] ?? 0
            // "3 (2 flows)": programme 3, two flows between these parties.
            out += "  \(edge.from) -> \(edge.to) [color=\"\(colour)\", style=\(line), penwidth=2.2, label=<\(edge.programme + 1)\(n > 1 ? " (\(n) flows)" : "")>, fontcolor=\"\(colour)\", class=\"p\(edge.programme + 1)\"];\n"
        }
        // The key: each programme's number, colour and line style, drawn with the line itself.
        var rows = ""
        for (p, prog) in d.programmes.enumerated() {
            let (colour, line) = style(ofProgramme: p)
            let sample = line == "dotted" ? "┈┈┈┈" : line == "dashed" ? "╌╌╌╌" : line == "bold" ? "━━━━" : "────"
            rows += "<tr><td align=\"left\"><font color=\"\(colour)\">\(sample)</font></td><td align=\"left\">\(p + 1). \(html(prog.name))</td></tr>"
        }
        if bundled {
            out += "  graph [label=<<font point-size=\"18\"><b>Department data map</b></font><br/><font point-size=\"10\">\(d.programmes.count) programmes: one arrow per pair of parties, labelled with the programmes' numbers (the key is in map.html)</font>>];\n"
        } else if !rows.isEmpty {
            out += "  key [shape=plain, label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\"><tr><td colspan=\"2\" align=\"left\"><b>Programmes</b></td></tr>\(rows)</table>>];\n"
        }
        out += "}\n"
        return out
    }

    static func html(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r": out += " "
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
