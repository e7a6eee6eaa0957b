import Foundation
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

    /// Up to this many programmes each gets its own line between two parties;
    /// past it, lines are one per pair of parties (labelled with how many
    /// programmes use them): a hundred colours tell nothing apart, and dot
    /// would take minutes. map.html picks one programme out interactively.
    public static let separateProgrammesUpTo = 8

    public static func dot(_ d: Department) -> String {
        let separate = d.programmes.count <= separateProgrammesUpTo
        var out = "digraph department {\n"
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
            var pairs = Set<[String]>()
            for f in prog.model.flows.indices {
                guard let a = node(g.flowFrom[f]), let b = node(g.flowTo[f]), a != b else { continue }
                if separate {
                    edges[Edge(from: a, to: b, programme: p), default: 0] += 1
                } else if pairs.insert([a, b]).inserted {
                    // One line per pair: the count is of programmes.
                    edges[Edge(from: a, to: b, programme: -1), default: 0] += 1
                }
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
        for edge in edges.keys.sorted() {
            let n = edges[edge] ?? 0
            if edge.programme < 0 {
                let width = min(1.0 + Double(n) * 0.05, 5.0)
                out += "  \(edge.from) -> \(edge.to) [color=\"#4b5563\", penwidth=\(String(format: "%.2f", width)), label=<\(n) programme\(n == 1 ? "" : "s")>];\n"
                continue
            }
            let (colour, line) = style(ofProgramme: edge.programme)
            // "3 (2)": programme 3, two flows between these parties.
            out += "  \(edge.from) -> \(edge.to) [color=\"\(colour)\", style=\(line), penwidth=2.2, label=<\(edge.programme + 1)\(n > 1 ? " (\(n) flows)" : "")>, fontcolor=\"\(colour)\", class=\"p\(edge.programme + 1)\"];\n"
        }
        // The key: each programme's number, colour and line style, drawn with the line itself.
        var rows = ""
        for (p, prog) in d.programmes.enumerated() {
            let (colour, line) = style(ofProgramme: p)
            let sample = line == "dotted" ? "┈┈┈┈" : line == "dashed" ? "╌╌╌╌" : line == "bold" ? "━━━━" : "────"
            rows += "<tr><td align=\"left\"><font color=\"\(colour)\">\(sample)</font></td><td align=\"left\">\(p + 1). \(html(prog.name))</td></tr>"
        }
        if !separate {
            rows = "<tr><td align=\"left\" colspan=\"2\">\(d.programmes.count) programmes: one line per pair of parties,<br/>labelled with how many programmes send data along it</td></tr>"
        }
        if !rows.isEmpty {
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
