import DPFlowDiagram
@testable import DPFlowEngine
import DPFlowGraph
import DPFlowModel
import DPFlowRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The diagram as a board reads it: on paper (size bounds), and with a screen reader.
@Suite("Board diagrams", .serialized)
struct BoardDiagramTests {
    static func example() throws -> FlowGraph {
        let loaded = try ProgrammeLoader.load(file: packageRoot.appendingPathComponent("Flows/homes-for-ukraine.yaml").path)
        return try #require(loaded.graph)
    }

    /// The report's diagram of the example prints on A3 landscape with its smallest text at 8 pt or more,
    /// near A3's aspect ratio, and says which view it is.
    @Test func reportDiagramFitsA3Readably() throws {
        let drawn = ReportDiagram.draw(graph: try Self.example(), view: DiagramOptions())
        #expect(drawn.failures.isEmpty)
        let size = ReportDiagram.sizeOf(drawn.svg)
        let scale = min(1, 1134 / size.width, 785 / size.height)
        #expect(9 * scale >= 8, "\(size)")
        #expect(size.width / size.height > 1.0 && size.width / size.height < 2.0, "aspect \(size)")
        #expect(drawn.note.hasPrefix("The diagram shows "))
        #expect(drawn.note.contains("A3") || drawn.note.contains("A4"))
        // The DOCX picture is sharp at A4: at least 150 dpi across 26 cm.
        let png = try #require(drawn.png)
        let width = Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19])
        #expect(width >= 1_500, "\(width) px")
    }

    /// The example's systems view does not fit one A3 page at 8 pt: the report shows the organisation
    /// view as the overview and one systems diagram per controller, each holding exactly the systems
    /// that controller is responsible for, each readable at A3 or flagged with a pointer to --focus.
    @Test func systemsViewThatDoesNotFitIsSplitIntoOneDiagramPerController() throws {
        let g = try Self.example()
        let drawn = ReportDiagram.draw(graph: g, view: DiagramOptions())
        #expect(drawn.failures.isEmpty, "\(drawn.failures)")
        #expect(drawn.note.contains("one box per organisation"), "the overview is the organisation view")
        #expect(drawn.note.contains("the systems each lead controller is responsible for"))
        func controllers(_ s: Int) -> [Int] { g.systemControllers[s].isEmpty ? [g.systemParty[s]] : g.systemControllers[s] }
        let leads = g.model.programme.controllers.compactMap { g.model.partyIndex[$0.value] }
        #expect(!leads.isEmpty)
        let others = g.model.systems.indices.filter { s in !controllers(s).contains(where: leads.contains) }
        #expect(drawn.parts.map(\.party) == leads.map { g.model.parties[$0].id } + (others.isEmpty ? [] : [""]),
                "one part per lead controller, in the file's order, then the other organisations'")
        var covered: [String] = []
        for part in drawn.parts {
            let expected: [Int]
            if part.party.isEmpty {
                expected = others
                #expect(part.file == "data-flows-other-controllers.svg")
            } else {
                let p = try #require(g.model.partyIndex[part.party])
                expected = g.model.systems.indices.filter { controllers($0).contains(p) }
                #expect(part.file == "data-flows-\(ReportDiagram.slug(part.party)).svg")
            }
            #expect(part.systems == expected.map { g.model.systems[$0].id })
            covered += part.systems
            // The drawing holds exactly those systems: no other system node.
            let dot = try #require(part.dot).text
            let drawnNodes = Set(dot.components(separatedBy: "\n").compactMap { line -> Int? in
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("s"), let r = t.range(of: " [shape=") else { return nil }
                return Int(t[t.index(after: t.startIndex)..<r.lowerBound])
            })
            #expect(drawnNodes == Set(expected.map { g.node(ofSystem: $0) }), "\(part.party)")
            // The 8-pt bound at A3, or a flag that says so and where to go.
            let size = ReportDiagram.sizeOf(part.svg)
            let fits = 9 * min(1, 1134 / size.width, 785 / size.height) >= 8
            #expect(part.readable == fits)
            if fits {
                #expect(part.note.contains("the diagram below fits an A3 landscape page"))
            } else {
                #expect(part.note.contains("too large for one A3 page at 8 pt") && part.note.contains("--focus"))
            }
            let svg = String(decoding: part.svg, as: UTF8.self)
            let id = "dfd-" + part.file.dropFirst("data-flows-".count).dropLast(".svg".count)
            #expect(svg.contains("role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""))
            #expect(svg.components(separatedBy: "<title").count == 2)
            #expect(XMLParser(data: Data(svg.utf8)).parse())
            #expect(part.png != nil)
        }
        #expect(Set(covered) == Set(g.model.systems.map(\.id)), "every system is in a part")
        // Deterministic: the same parts, byte for byte.
        let again = ReportDiagram.draw(graph: g, view: DiagramOptions())
        #expect(again.parts.map(\.svg) == drawn.parts.map(\.svg))
    }

    /// A part too large for any page (190 systems of the 200-system programme) is not laid out:
    /// it says so and points to dpflow diagram --focus; the lead controller's part is drawn.
    @Test func partTooLargeForAPageIsFlaggedAndPointsToFocus() throws {
        let g = try graph(try LargeDiagramTests.generated(flows: 1000))
        let drawn = ReportDiagram.draw(graph: g, view: DiagramOptions())
        #expect(drawn.failures.isEmpty, "\(drawn.failures)")
        let flagged = drawn.parts.filter { $0.systems.count > ReportDiagram.systemsViewLimit }
        #expect(!flagged.isEmpty)
        for part in flagged {
            #expect(part.svg.isEmpty && part.dot == nil && !part.readable)
            #expect(part.note.contains("too many to draw readably on one page") && part.note.contains("dpflow diagram --focus"))
        }
        let drawnParts = drawn.parts.filter { !$0.svg.isEmpty }
        #expect(!drawnParts.isEmpty)
        #expect(drawnParts.allSatisfy { $0.readable || $0.note.contains("--focus") })
    }

    @Test func svgIsAccessible() throws {
        let g = try Self.example()
        let drawn = ReportDiagram.draw(graph: g, view: DiagramOptions())
        let svg = String(decoding: drawn.svg, as: UTF8.self)
        #expect(svg.contains("role=\"img\" aria-labelledby=\"dfd-title dfd-desc\""))
        #expect(svg.contains("<title id=\"dfd-title\">Data-flow diagram of Homes for Ukraine"))
        #expect(svg.contains("<desc id=\"dfd-desc\">Shows how personal data moves between 3 groups of people and"))
        #expect(svg.components(separatedBy: "<title").count == 2, "one title: the internal ids are not read aloud")
        #expect(svg.contains("<g aria-hidden=\"true\" id=\"graph0\""))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test func ukNationsNestInsideTheUKAndEachPartyIsDrawnOnce() throws {
        let dot = try DOTGenerator.dot(graph: try Self.example(), options: DiagramOptions())
        let lines = dot.components(separatedBy: "\n")
        let uk = try #require(lines.firstIndex { $0.contains("subgraph cluster_uk {") })
        let england = try #require(lines.firstIndex { $0.contains("subgraph cluster_uk_eng {") })
        let scotland = try #require(lines.firstIndex { $0.contains("subgraph cluster_uk_sct {") })
        #expect(uk < england && england < scotland)
        #expect(lines[england].hasPrefix("    subgraph"), "England is nested one level inside the UK")
        let partyClusters = lines.filter { $0.contains("subgraph cluster_p") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Set(partyClusters).count == partyClusters.count, "each party once")
        #expect(!dot.contains("(GB)") && !dot.contains("United Kingdom (GB)"), "one name per country")
        #expect(!dot.contains("more"), "no '+N more': every data category is numbered")
        for n in 1...9 { #expect(dot.contains("<b>\(n)</b>"), "data \(n) in the key") }
    }

    @Test func keyShowsOnlyWhatTheViewDrawsAndWarningsAreMarked() throws {
        var o = DiagramOptions()
        o.warningRules = ["intake": ["TP001"]]
        let dot = try DOTGenerator.dot(graph: try graph(smallProgramme), options: o)
        #expect(dot.contains("▲ TP001"))
        #expect(dot.contains("warning (its rule id on the line)"))
        #expect(!dot.contains("error (its rule id on the line)"), "no error drawn, none in the key")
        #expect(dot.contains("key_store [shape=cylinder"), "the key draws the shapes themselves")
        let ukOnly = try DOTGenerator.dot(graph: try Self.example(), options: DiagramOptions())
        #expect(!ukOnly.contains("key_pass") || ukOnly.contains("keeps nothing"))
        #expect(!ukOnly.contains("warning (its rule id"))
    }

    /// Layout sizes of the generated programmes stay bounded in every view (timings are in docs/performance.md).
    @Test(arguments: [DiagramOptions.Level.systems, .parties])
    func twoHundredSystemsUseABoundedLayout(level: DiagramOptions.Level) throws {
        let g = try graph(try LargeDiagramTests.generated(flows: 1000))
        #expect(g.model.systems.count == 200)
        var o = DiagramOptions()
        o.level = level
        let diagram = try DOTGenerator.diagram(graph: g, options: o)
        #expect(level == .parties || diagram.engine == "sfdp", "past 400 lines the systems view uses the force-directed engine")
        let drawn = ReportDiagram.draw(graph: g, view: DiagramOptions())
        #expect(drawn.note.contains("200 systems cannot be drawn readably on one page"))
    }
}
