import DPFlowDiagnostics
import DPFlowDiagram
import DPFlowGraph
import DPFlowModel
import DPFlowReport

/// The report's diagram: the most detailed view that a printed page can hold
/// at a readable size, chosen by laying the candidates out and measuring them,
/// and a sentence that says which view the report shows and why.
enum ReportDiagram {
    struct Drawn {
        var dot: DOTDiagram?
        var svg: [UInt8] = []
        var png: [UInt8]?
        var note = ""
        var failures: [String] = []
        /// When the systems view of the whole programme does not fit one page:
        /// one systems-level diagram per controller's part, beside the overview.
        var parts: [Part] = []
    }

    /// The systems one controller is responsible for, drawn at the systems level.
    struct Part {
        /// The lead controller's id; empty for the part that holds every other system.
        var party: String
        var title: String
        /// The file beside the report: data-flows-<party>.svg.
        var file: String
        /// The ids of the systems this part draws: exactly those of its controller.
        var systems: [String]
        var dot: DOTDiagram?
        var svg: [UInt8] = []
        var png: [UInt8]?
        /// Whether it fits an A3 landscape page with its smallest text at 8 pt or more.
        var readable = false
        var note = ""
    }

    /// A3 and A4 landscape, less 10 mm margins, in points.
    static let a3 = (width: 1134.0, height: 785.0)
    static let a4 = (width: 785.0, height: 538.0)
    /// The smallest text the diagram draws, in points; printed, it must stay 8 pt or more.
    static let smallestFont = 9.0
    static let smallestPrinted = 8.0
    /// Past this many systems in view, no page holds the systems view readably
    /// (a system's box is about 110 x 45 pt): the report does not lay it out.
    static let systemsViewLimit = 60
    /// Bitmap resolution for the DOCX picture: sharp when printed across A4.
    static let pictureDPI = 200
    /// The most the DOCX gives a picture on the page, in points.
    static let pictureBox = DocxWriter.pictureBoxPoints

    /// The resolution to draw the DOCX picture of a diagram of `size` points
    /// at: `pictureDPI`, unless that would make a bitmap larger than the
    /// picture's box on the page (DocxWriter.pictureBoxPoints) holds at
    /// `pictureDPI`. Then it is scaled down with the drawing, keeping its
    /// aspect ratio, so that the printed picture still has `pictureDPI` and the
    /// bitmap is at most about 2,048 x 1,181 pixels, however large the
    /// diagram: cairo's drawing and zlib's encoding grow with the pixels, and
    /// the page cannot show more.
    static func pictureResolution(_ size: (width: Double, height: Double)) -> Double {
        let box = pictureBox
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0 else { return Double(pictureDPI) }
        return Double(pictureDPI) * min(1, box.width / size.width, box.height / size.height)
    }

    /// Width and height of a Graphviz SVG, in points.
    static func size(_ svg: String) -> (width: Double, height: Double)? {
        func attribute(_ name: String) -> Double? {
            guard let r = svg.firstRange(of: "\(name)=\"") else { return nil }
            let digits = svg[r.upperBound...].prefix { $0.isNumber || $0 == "." }
            return Double(digits)
        }
        guard let w = attribute("width"), let h = attribute("height"), w > 0, h > 0 else { return nil }
        return (w, h)
    }

    /// How much a drawing must shrink to fit a page (1 when it fits as drawn).
    static func scale(_ size: (width: Double, height: Double), _ page: (width: Double, height: Double)) -> Double {
        min(1, page.width / size.width, page.height / size.height)
    }

    static func readable(_ size: (width: Double, height: Double), on page: (width: Double, height: Double)) -> Bool {
        smallestFont * scale(size, page) >= smallestPrinted
    }

    static func draw(graph: FlowGraph, view base: DiagramOptions) -> Drawn {
        var drawn = Drawn()
        var candidates: [(DiagramOptions, String)] = []
        let systems = graph.model.systems.count
        for level in [DiagramOptions.Level.systems, .parties] {
            if level == .systems && systems > systemsViewLimit { continue }
            for direction in DiagramOptions.Direction.allCases {
                var o = base
                o.level = level
                o.direction = direction
                o.showBasis = false
                candidates.append((o, level == .systems ? "every system" : "one box per organisation"))
            }
        }
        typealias Laid = (diagram: DOTDiagram, svg: [UInt8], options: DiagramOptions, what: String, scale: Double, readable: Bool)
        var laid: [Laid] = []
        for (options, what) in candidates {
            // A readable systems view is the answer: no need to lay out the parties.
            if options.level == .parties, laid.contains(where: { $0.options.level == .systems && $0.readable }) { break }
            let diagram: DOTDiagram
            do { diagram = try DOTGenerator.diagram(graph: graph, options: options) } catch {
                drawn.failures.append("data-flows.dot: \(error.message)")
                return drawn
            }
            do {
                let svg = try DiagramRunner.render(diagram, format: .svg)
                let size = sizeOf(svg)
                laid.append((diagram, svg, options, what, scale(size, a3), readable(size, on: a3)))
            } catch {
                drawn.failures.append("data-flows.svg: \(error.message)")
            }
        }
        // The most detailed readable view, printed largest; failing that, the largest print of the least detailed.
        let readableViews = laid.filter(\.readable)
        let pool = readableViews.isEmpty ? laid.filter { $0.options.level == .parties } : readableViews.filter { $0.options.level == readableViews[0].options.level }
        let best = (pool.isEmpty ? laid : pool).max { $0.scale < $1.scale }
        guard let best else { return drawn }
        let size = sizeOf(best.svg)
        let page = readable(size, on: a4) ? "an A4" : readable(size, on: a3) ? "an A3" : nil
        var note = "The diagram shows \(best.what)"
        if best.options.level == .parties && systems > systemsViewLimit {
            note += ": the programme's \(PlainEnglish.number(systems)) systems cannot be drawn readably on one page"
        } else if best.options.level == .parties {
            note += ": the systems view does not fit one page at a readable size"
        }
        if let page {
            note += ", and fits \(page) landscape page with its smallest text at 8 pt or more."
        } else {
            note += "; even so it is too large for one A3 page at 8 pt, so use the full-size data-flows.svg beside this report."
        }
        if best.options.level == .parties {
            note += " The dpflow diagram command, with --focus or --data, draws any part of the programme with every system."
        }
        drawn.dot = best.diagram
        drawn.svg = DiagramRunner.accessible(best.svg, graph: graph, view: best.options, what: best.what)
        drawn.note = note
        drawn.png = try? DiagramRunner.render(best.diagram.withResolution(pictureResolution(size)), format: .png)
        if best.options.level == .parties {
            drawn.parts = parts(graph: graph, view: base, failures: &drawn.failures)
            if !drawn.parts.isEmpty {
                drawn.note += " Below the overview, the systems each lead controller is responsible for, and those of the other organisations, are drawn on their own."
            }
        }
        return drawn
    }

    /// A file-name-safe form of a party id: lower-case letters, digits and hyphens.
    static func slug(_ id: String) -> String {
        var out = ""
        for u in id.lowercased().unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") { out.unicodeScalars.append(u) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "party" : out
    }

    /// The systems view split by lead controller: each part holds the systems
    /// a lead controller (programme.controllers, in that order) is responsible
    /// for, its own and its processors' and sub-processors' working for it; a
    /// last part holds every other system (other controllers', and any with no
    /// known controller). Each part is laid out and measured against the same
    /// bound as the whole.
    static func parts(graph: FlowGraph, view base: DiagramOptions, failures: inout [String]) -> [Part] {
        let model = graph.model
        var leads: [Int] = []
        for c in model.programme.controllers {
            if let p = model.partyIndex[c.value], !leads.contains(p) { leads.append(p) }
        }
        var groups: [(party: String, name: String, file: String, systems: [Int])] = []
        var usedFiles: Set<String> = ["data-flows.svg"]
        func file(_ stem: String) -> String {
            var f = "data-flows-\(slug(stem)).svg", n = 2
            while usedFiles.contains(f) { f = "data-flows-\(slug(stem))-\(n).svg"; n += 1 }
            usedFiles.insert(f)
            return f
        }
        for p in leads {
            let systems = model.systems.indices.filter { controllers(graph, $0).contains(p) }
            guard !systems.isEmpty else { continue }
            let party = model.parties[p]
            groups.append((party.id, party.name?.value ?? party.id, file(party.id), systems))
        }
        let rest = model.systems.indices.filter { s in !controllers(graph, s).contains(where: leads.contains) }
        if !rest.isEmpty { groups.append(("", "", file("other-controllers"), rest)) }

        var result: [Part] = []
        for group in groups {
            let systems = group.systems, name = group.name, file = group.file
            let count = "\(PlainEnglish.number(systems.count)) system\(systems.count == 1 ? "" : "s")"
            let whose = group.party.isEmpty ? "The other organisations run \(count)" : "\(name), a lead controller, is responsible for \(count), its own and its processors'"
            var part = Part(
                party: group.party,
                title: group.party.isEmpty ? "Systems of the other organisations" : "Systems \(name) is responsible for",
                file: file, systems: systems.map { model.systems[$0].id })
            if systems.count > systemsViewLimit {
                let focus = group.party.isEmpty ? "one of their systems or organisations" : group.party
                part.note = "\(whose): too many to draw readably on one page. Use dpflow diagram --focus \(focus) (with --data) to draw parts of them."
                result.append(part)
                continue
            }
            var bestSVG: [UInt8]?
            var bestDiagram: DOTDiagram?
            var bestOptions = base
            var bestScale = -1.0
            for direction in DiagramOptions.Direction.allCases {
                var o = base
                o.level = .systems
                o.direction = direction
                o.showBasis = false
                o.systems = part.systems
                do {
                    let diagram = try DOTGenerator.diagram(graph: graph, options: o)
                    let svg = try DiagramRunner.render(diagram, format: .svg)
                    let s = scale(sizeOf(svg), a3)
                    if s > bestScale { bestScale = s; bestSVG = svg; bestDiagram = diagram; bestOptions = o }
                } catch {
                    failures.append("\(file): \(error)")
                }
            }
            guard let svg = bestSVG, let diagram = bestDiagram else { result.append(part); continue }
            part.dot = diagram
            part.readable = readable(sizeOf(svg), on: a3)
            part.svg = DiagramRunner.accessible(svg, graph: graph, view: bestOptions, what: group.party.isEmpty ? "the other organisations' \(count)" : "the \(count) \(name) is responsible for",
                                                idPrefix: "dfd-" + String(file.dropFirst("data-flows-".count).dropLast(".svg".count)))
            part.png = try? DiagramRunner.render(diagram.withResolution(pictureResolution(sizeOf(svg))), format: .png)
            part.note = part.readable
                ? "\(whose); the diagram below fits an A3 landscape page with its smallest text at 8 pt or more."
                : "\(whose); the diagram below is too large for one A3 page at 8 pt: use the full-size \(file) beside this report, or dpflow diagram --focus with one of these systems to draw part of it."
            result.append(part)
        }
        return result
    }

    /// The controllers a system's processing is for; when none is known, the party that runs it.
    static func controllers(_ graph: FlowGraph, _ system: Int) -> [Int] {
        graph.systemControllers[system].isEmpty ? [graph.systemParty[system]] : graph.systemControllers[system]
    }

    static func sizeOf(_ svg: [UInt8]) -> (width: Double, height: Double) {
        size(String(decoding: svg.prefix(2_000), as: UTF8.self)) ?? (.infinity, .infinity)
    }
}
