import DPFlowDiagram
import DPFlowEngine
import DPFlowGraph
import DPFlowModel
import DPFlowRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A small programme with a restricted transfer, special category data, a
/// pass-through system, a Scottish system and a flow with an error.
let smallProgramme = """
    dpflow: 1
    programme:
      name: Small "quoted" <Programme> & {braces}
      version: "1.0"
      description: For diagram tests
      controllers: [council]
      purposes:
        support: {lawful-basis: {article-6: public-task, legal-power: Act 1, article-9: health-social-care, schedule-1: [health-social-care]}}
    subjects:
      resident: {name: "Residents \\"of\\" <b>town</b>", count: 100}
    data:
      contact: {name: Contact, subjects: [resident], category: personal}
      health: {name: Health, subjects: [resident], category: special, special: [health]}
    parties:
      council: {name: "Council\\nof \\\\ Town", type: public-authority, role: controller, country: GB-ENG}
      host: {name: Host Inc, type: company, role: processor, country: US, processor-for: [council]}
      scot: {name: Scottish Council, type: public-authority, role: controller, country: GB-SCT}
    systems:
      portal: {name: Portal, party: council, location: GB-ENG, stores: false}
      crm: {name: "CRM {main}", party: council, location: GB-ENG, retention: {contact: {period: P6Y}, health: {period: P6Y}}}
      cloud: {name: Cloud, party: host, location: US, retention: {contact: {period: P1Y}}}
      scot-crm: {name: Scottish CRM, party: scot, location: GB-SCT, retention: {contact: {period: P1Y}}}
    flows:
      intake: {from: resident, to: portal, data: [contact, health], purpose: support, notice: n, encrypted: true}
      store: {from: portal, to: crm, data: [contact, health], purpose: support, encrypted: true}
      backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}
      rematch: {from: crm, to: scot-crm, data: [contact], purpose: support, encrypted: true, agreement: A}
    """

func graph(_ text: String) throws -> FlowGraph {
    let loaded = ProgrammeLoader.load(bytes: Array(text.utf8), file: "small.yaml")
    return try #require(loaded.graph)
}

func options(errors: [String: [String]] = [:]) -> DiagramOptions {
    var o = DiagramOptions()
    o.asOf = CalendarDate(iso: "2026-11-29")
    o.errorRules = errors
    return o
}

@Suite("Diagrams")
struct DiagramTests {
    @Test func goldenDOT() throws {
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: options(errors: ["backup": ["TR001", "TR007"]]))
        let golden = packageRoot.appendingPathComponent("Tests/DPFlowDiagramTests/Golden/small.dot")
        if ProcessInfo.processInfo.environment["DPFLOW_UPDATE_GOLDEN"] != nil {
            try Data(dot.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(dot == expected, "DOT differs from Golden/small.dot; rerun with DPFLOW_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func dotIsByteIdenticalAcrossRuns() throws {
        let a = try DOTGenerator.dot(graph: graph(smallProgramme), options: options())
        let b = try DOTGenerator.dot(graph: graph(smallProgramme), options: options())
        #expect(a == b)
    }

    @Test func drawsClustersShapesColoursAndHighlights() throws {
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: options(errors: ["backup": ["TR001"]]))
        #expect(dot.contains("<b>England</b>"))
        #expect(dot.contains("<b>Scotland</b>"))
        #expect(dot.contains("<b>United States</b>"))
        #expect(dot.contains("processor"))
        #expect(dot.contains("shape=cylinder"))
        #expect(dot.contains("shape=box, tooltip=\"systems.portal\", label=<<b>Portal"))
        #expect(dot.contains("color=\"#d97706\""))  // special category edge
        #expect(dot.contains("style=dashed"))  // restricted transfer
        #expect(dot.contains("✖ TR001"))
        #expect(dot.contains("penwidth=2.8"))
        #expect(dot.contains("<b>Key</b>"))
        #expect(dot.contains("as of 29 November 2026"))
        #expect(dot.contains("version 1.0"))
    }

    @Test func userStringsAreEscaped() throws {
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: options())
        #expect(dot.contains("Small &quot;quoted&quot; &lt;Programme&gt; &amp; {braces}"))
        #expect(dot.contains("Residents &quot;of&quot;<br/>&lt;b&gt;town&lt;/b&gt;"))
        #expect(dot.contains("Council<br/>of \\ Town"))
        #expect(!dot.contains("<b>town</b>"))
        // And Graphviz accepts it.
        let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Small &quot;quoted&quot; &lt;Programme&gt; &amp; {braces}") || text.contains("Small \"quoted\" &lt;Programme&gt; &amp; {braces}"))
    }

    @Test func rendersEveryFormatInProcess() throws {
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: options())
        let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "SVG is not well-formed XML")
        let svgText = String(decoding: svg, as: UTF8.self)
        for name in ["Portal", "CRM {main}", "Cloud", "Scottish CRM"] { #expect(svgText.contains(name), "\(name)") }
        let png = try GraphvizRenderer.render(dot: dot, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try GraphvizRenderer.render(dot: dot, format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func graphvizErrorsBecomeValuesNotStderr() {
        do {
            _ = try GraphvizRenderer.render(dot: "digraph { a -> ", format: .svg)
            Issue.record("bad DOT rendered")
        } catch {
            #expect(error.message.contains("could not read"))
        }
    }

    @Test func concurrentRendersAreSerialised() async throws {
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: options())
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try GraphvizRenderer.render(dot: dot, format: .svg).count } }
            var sizes = Set<Int>()
            for try await size in group { sizes.insert(size) }
            #expect(sizes.count == 1)
        }
    }

    @Test func dataViewShowsOnlyItsFlows() throws {
        var o = options()
        o.data = "health"
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: o)
        #expect(dot.contains("Portal"))
        #expect(!dot.contains("Scottish CRM"))
        #expect(dot.components(separatedBy: " -> ").count - 1 == 2)
        o.data = "helth"
        #expect(throws: DiagramError.self) { try DOTGenerator.dot(graph: graph(smallProgramme), options: o) }
    }

    @Test func focusViewShowsTheNeighbourhood() throws {
        var o = options()
        o.focus = "cloud"
        o.depth = 1
        let one = try DOTGenerator.dot(graph: graph(smallProgramme), options: o)
        #expect(one.contains("CRM {main}") && !one.contains("Portal"))
        o.depth = 2
        let two = try DOTGenerator.dot(graph: graph(smallProgramme), options: o)
        #expect(two.contains("Portal") && two.contains("Scottish CRM"))
        o.focus = "host"  // a party: its systems
        #expect(try DOTGenerator.dot(graph: graph(smallProgramme), options: o).contains("Cloud"))
    }

    @Test func partiesLevelAggregates() throws {
        var o = options()
        o.level = .parties
        let dot = try DOTGenerator.dot(graph: graph(smallProgramme), options: o)
        #expect(dot.contains("p1 [shape=box"))
        #expect(dot.contains("2 systems"))
        #expect(dot.contains("u0 -> p0"))
        #expect(dot.contains("p0 -> p1"))
        #expect(!dot.contains("p0 -> p0"))
    }
}

@Suite("Lineage trace")
struct TraceTests {
    @Test func tracesEveryPathWithHopDetails() throws {
        let t = try LineageTrace(graph: graph(smallProgramme), data: "contact")
        #expect(t.paths.map { $0.hops.map(\.id) } == [["resident", "portal", "crm", "cloud"], ["resident", "portal", "crm", "scot-crm"]])
        let cloud = try #require(t.paths.first?.hops.last)
        #expect(cloud.location == "US")
        #expect(cloud.party == "host")
        #expect(cloud.retention == "P1Y")
        #expect(cloud.lawfulBasis == "public-task")
        #expect(t.paths.first?.hops[1].retention == "keeps nothing")
        let text = TraceReporter.text(t)
        #expect(text.contains("2 paths"))
        #expect(text.contains("Path 1: resident -> portal -> crm -> cloud"))
        let json = try JSONSerialization.jsonObject(with: Data(TraceReporter.json(t).utf8)) as? [String: Any]
        #expect((json?["paths"] as? [Any])?.count == 2)
    }

    @Test func cyclesEnd() throws {
        let cyclic = smallProgramme + "\n  back: {from: cloud, to: crm, data: [contact], purpose: support, encrypted: true}\n"
        let t = try LineageTrace(graph: graph(cyclic), data: "contact")
        #expect(!t.paths.isEmpty)
        #expect(t.paths.allSatisfy { Set($0.hops.map(\.id)).count == $0.hops.count })
    }
}
