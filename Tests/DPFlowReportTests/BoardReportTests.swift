import DPFlowEngine
import DPFlowModel
@testable import DPFlowReport
import DPFlowRules
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The example programme loaded from its file, so that its registry include resolves.
func exampleInput(_ file: String = "Flows/homes-for-ukraine.yaml") throws -> ReportInput {
    let path = root.appendingPathComponent(file).path
    let loaded = try ProgrammeLoader.load(file: path)
    let graph = try #require(loaded.graph)
    let asOf = CalendarDate(iso: "2026-11-29") ?? .unixEpoch
    let run = RuleRunner.run(graph: graph, loadFindings: loaded.findings, asOf: asOf)
    return ReportInput(
        graph: graph, findings: run.findings, screening: try #require(run.screening), rulesRun: run.rulesRun, rulesOff: run.rulesOff,
        asOf: asOf, inputs: [], toolVersion: "test", diagramSVG: "<svg></svg>", diagramPNG: nil)
}

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var it = Array(text).makeIterator()
    var pending: Character?
    while let c = pending ?? it.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
    }
    return rows
}

@Suite("Board-ready facts")
struct BoardReportTests {
    /// The example's Article 30 record, row by row, against the facts the flow file states.
    @Test func ropaRowsMatchTheFlowFile() throws {
        let table = parseCSV(RopaCSV.render(try exampleInput()))
        let headers = try #require(table.first)
        func col(_ name: String) -> Int { headers.firstIndex(of: name) ?? -1 }
        let rows = table.dropFirst().map { r in Dictionary(uniqueKeysWithValues: headers.enumerated().map { ($1, r[$0]) }) }
        #expect(rows.allSatisfy { $0.count == headers.count })
        func rowsFor(_ controller: String, _ purpose: String) -> [[String: String]] {
            rows.filter { $0["controller"] == controller && ($0["purpose"] ?? "").hasSuffix("(\(purpose))") }
        }
        let ho = "Home Office", mhclg = "Ministry of Housing, Communities and Local Government"
        let councils = "Councils in England (each a separate controller)", dbs = "Disclosure and Barring Service"
        let scotland = "Councils in Scotland receiving rematched guests"

        // Exactly these controller x purpose pairs: the flows of each purpose touch that controller's systems.
        let pairs = Set(rows.map { "\($0["controller"] ?? "") / \(($0["purpose"] ?? "").split(separator: "(").last.map { String($0.dropLast()) } ?? "")" })
        #expect(pairs == [
            "\(ho) / visa-processing", "\(ho) / sponsor-matching",
            "\(mhclg) / sponsor-matching", "\(mhclg) / safeguarding-checks", "\(mhclg) / thank-you-payments", "\(mhclg) / statistics",
            "\(councils) / safeguarding-checks", "\(councils) / guest-support", "\(councils) / thank-you-payments", "\(councils) / welfare-checks",
            "\(dbs) / safeguarding-checks", "\(scotland) / guest-support",
        ])
        // Only in-scope controllers: the police and the charities are external; GDS acts only as Notify's processor here.
        for external in ["Police forces in England", "Local refugee support charities", "Government Digital Service"] {
            #expect(!rows.contains { $0["controller"] == external }, "\(external)")
        }
        // Each controller's own DPO, never the programme's for everyone.
        #expect(rowsFor(ho, "visa-processing").allSatisfy { $0["data protection officer"] == "Home Office Data Protection Officer, dpo@homeoffice.gov.uk" })
        #expect(rowsFor(dbs, "safeguarding-checks").allSatisfy { $0["data protection officer"]?.contains("dbsdataprotection@dbs.gov.uk") == true })
        #expect(rowsFor(mhclg, "statistics").allSatisfy { $0["data protection officer"]?.contains("dataprotection@communities.gov.uk") == true })
        // No controller is its own recipient.
        for r in rows { #expect(!(r["recipients"] ?? "").contains((r["controller"] ?? "") + " ("), "\(r)") }
        // Recipients per purpose and data: guest health goes to no police force.
        let support = try #require(rowsFor(councils, "guest-support").first)
        #expect(support["recipients"] == "Councils in Scotland receiving rematched guests (Guest identity and visa details; Guest family members, including children); Local refugee support charities (Guest identity and visa details)")
        #expect(support["categories of personal data"]?.contains("Guest health and disability needs [special category data]") == true)
        #expect(support["special category condition (Art 9 / Sch 1)"]?.contains("substantial public interest (Article 9(2)(g))") == true)
        #expect(support["special category condition (Art 9 / Sch 1)"]?.contains("DPA 2018 Sch 1 para 18") == true)
        let police = try #require(rowsFor(councils, "welfare-checks").first)
        #expect(police["recipients"] == "Police forces in England (Sponsor identity and contact details)")
        // The council case system creates the outcomes of checks and visits (registry), and keeps them for this purpose too.
        #expect(police["categories of personal data"] == "Sponsor identity and contact details; Outcomes of council checks and visits")
        // Processors are recipients (Article 4(9)), named as such.
        #expect(rowsFor(councils, "thank-you-payments").contains { $0["recipients"] == "Example Payments Bureau Ltd, processor (Sponsor identity and contact details; Sponsor bank details for thank-you payments)" })
        // Retention in words with its trigger; the DBS code of practice's six months.
        let checks = try #require(rowsFor(councils, "safeguarding-checks").first)
        #expect(checks["retention"]?.contains("6 months from certificate received, then deleted (DBS certificate results on sponsor household members)") == true)
        #expect(checks["criminal offence basis (Art 10)"] == "official authority (Article 10)")
        #expect(rowsFor(ho, "visa-processing").first?["retention"] == "Home Office visa casework system: 15 years from visa decision, then deleted (Guest identity and visa details; Guest family members, including children)")
        // Split per system where the systems keep the data differently: the Irish backups are their own row.
        let backups = try #require(rowsFor(mhclg, "sponsor-matching").first { $0["systems"]?.hasPrefix("Encrypted backups") == true })
        #expect(backups["where the data is held"] == "Ireland")
        #expect(backups["retention"]?.contains("35 days from backup taken, then deleted") == true)
        #expect(backups["third-country transfers and safeguards"] == "to Ireland under UK adequacy regulations")
        #expect(!rows.contains { ($0["retention"] ?? "").contains("P6M") || ($0["lawful basis (Art 6)"] ?? "").contains("public-task") })
        #expect(col("controller") == 0)
    }

    /// Data a system creates is in its controller's record.
    @Test func ropaIncludesCreatedData() throws {
        let text = minimalReportProgramme
            .replacingOccurrences(of: "data:\n", with: "data:\n  case-ref: {name: Case reference, subjects: [resident], category: personal}\n")
            .replacingOccurrences(of: "location: GB-ENG\n", with: "location: GB-ENG\n    creates: [case-ref]\n")
            .replacingOccurrences(of: "retention:\n", with: "retention:\n      case-ref: {period: P2Y, from: case-closed, basis: schedule, disposal: delete}\n")
        let rows = parseCSV(RopaCSV.render(try input(text)))
        #expect(rows.count == 2)
        #expect(rows.last?[8].contains("Case reference") == true, "\(rows)")
        #expect(rows.last?[13].contains("2 years from case closed, then deleted (Case reference)") == true, "\(rows)")
    }

    @Test func screeningPairsSensitiveDataWithItsGroups() throws {
        let doc = DPIABuilder.build(try exampleInput())
        let md = try DocumentRenderer.markdown(doc, generator: "t")
        #expect(md.contains("Guests arriving from Ukraine \\(200,000 people\\): Guest health and disability needs, Guest ethnicity and religion"))
        #expect(md.contains("Members of a sponsor's household aged 16 or over \\(250,000 people\\): DBS certificate results"))
        // Sponsors are a large group, but no sensitive data is about them: they are not paired.
        let line = md.components(separatedBy: "\n").first { $0.contains("large-scale processing of special category") } ?? ""
        #expect(!line.contains("Sponsors offering accommodation"))
    }

    @Test func summaryStatesTheDecision() throws {
        let example = try exampleInput()
        let d = DPIABuilder.decision(example)
        #expect(d.outcome == .proceedWithMeasures)  // two measures are not yet done
        #expect(d.residual == .medium)  // sponsor fraud: remote x severe = 3
        #expect(d.openErrors == 0)
        #expect(d.mayBeCalledApproved)
        let doc = DPIABuilder.build(example)
        #expect(doc.sections.first?.title == "Executive summary")

        // Open errors: not approvable, and the summary says the recorded approval does not cover them.
        let broken = try input(minimalReportProgramme.replacingOccurrences(
            of: "category: personal}", with: "category: special, special: [health]}"))
        let b = DPIABuilder.decision(broken)
        #expect(b.openErrors > 0)
        #expect(!b.mayBeCalledApproved)
        let md = try DocumentRenderer.markdown(DPIABuilder.build(broken), generator: "t")
        #expect(md.contains("may not be called approved while"))
        #expect(md.contains("that approval does not cover what is open"))

        // A high residual risk: consult the ICO.
        let high = try input(minimalReportProgramme + """
            risks:
              leak: {description: Leak, likelihood: probable, severity: severe, measures: [{description: m, effect: accepted, status: done}], residual: {likelihood: probable, severity: severe}}

            """)
        #expect(DPIABuilder.decision(high).outcome == .consultICO)
        // Everything done and low: proceed.
        let low = try input(minimalReportProgramme + """
            risks:
              leak: {description: Leak, likelihood: possible, severity: significant, measures: [{description: m, effect: reduced, status: done}], residual: {likelihood: remote, severity: minimal}}

            """)
        #expect(DPIABuilder.decision(low).outcome == .proceed)
    }

    @Test func plainEnglishWordsTheCodes() {
        #expect(PlainEnglish.number(200000) == "200,000")
        #expect(PlainEnglish.number(999) == "999")
        #expect(PlainEnglish.number(1_234_567) == "1,234,567")
        #expect(PlainEnglish.duration(ISODuration(iso: "P15Y")!) == "15 years")
        #expect(PlainEnglish.duration(ISODuration(iso: "P1Y6M")!) == "1 year and 6 months")
        #expect(PlainEnglish.duration(ISODuration(iso: "P1M")!) == "1 month")
        #expect(PlainEnglish.article6(.publicTask) == "public task (Article 6(1)(e))")
        #expect(PlainEnglish.article9(.substantialPublicInterest) == "substantial public interest (Article 9(2)(g))")
        #expect(PlainEnglish.schedule1("statutory-government-purposes", paragraph: 6) == "statutory and government purposes (DPA 2018 Sch 1 para 6)")
        #expect(PlainEnglish.country(Country(code: "GB")!) == "United Kingdom")
        #expect(PlainEnglish.country(Country(location: "GB-ENG")!) == "England")
        #expect(PlainEnglish.mechanism(.idta) == "International Data Transfer Agreement (IDTA)")
        #expect(PlainEnglish.date(CalendarDate(iso: "2024-01-10")!) == "10 January 2024")
    }

    /// No output speaks in the file's codes where a board reads it.
    @Test func plainEnglishIsUsedInEveryOutput() throws {
        let doc = DPIABuilder.build(try exampleInput())
        let md = try DocumentRenderer.markdown(doc, generator: "t")
        let csv = RopaCSV.render(try exampleInput())
        // The appendix of findings quotes the rules' own messages; everything before it is worded.
        let body = md.components(separatedBy: "## Appendix A").first ?? md
        for (name, text) in [("dpia", body), ("ropa", csv)] {
            for code in ["P15Y", "P7Y", "P6M", "P35D", "public-task", "substantial-public-interest", "official-authority", "200000", "150000",
                         "(GB)", "GB-ENG", "idta", "statutory-government-purposes"] {
                #expect(!text.contains(code), "\(name) says \(code)")
            }
        }
        #expect(body.contains("15 years from visa decision, then deleted"))
        #expect(body.contains("public task \\(Article 6\\(1\\)\\(e\\)\\)"))
        #expect(body.contains("200,000"))
        #expect(body.contains("DPA 2018 Sch 1 para 18"))
    }
}

/// A small programme with a DPIA recorded as approved, for the summary's cases.
let minimalReportProgramme = """
    dpflow: 1
    programme:
      name: Test programme
      description: A programme for tests
      controllers: [council]
      dpo: {name: Council DPO, email: dpo@council.example}
      purposes:
        support:
          lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}
      dpia: {status: approved, approved-by: SIRO, approved-on: 2026-01-01, review-by: 2027-12-31}
    subjects:
      resident: {name: Residents, count: 100}
    data:
      contact: {name: Contact details, subjects: [resident], category: personal}
    parties:
      council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}
    systems:
      crm:
        name: Council CRM
        party: council
        location: GB-ENG
        security: [encrypted at rest]
        retention:
          contact: {period: P6Y, from: case-closed, basis: schedule, disposal: delete}
    flows:
      intake:
        from: resident
        to: crm
        data: [contact]
        purpose: support
        notice: https://example.gov.uk/privacy
        encrypted: true

    """

@Suite("Print and Word")
struct PrintAndWordTests {
    func part(_ archive: Archive, _ name: String) throws -> String {
        let entry = try #require(archive[name], "\(name)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        #expect(XMLParser(data: data).parse(), "\(name) is well-formed")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func docxHasTOCHeaderFooterAndFittedColumns() throws {
        let doc = DPIABuilder.build(try exampleInput())
        #expect(doc.marking == "OFFICIAL-SENSITIVE")
        #expect(doc.runningHeader == "Homes for Ukraine · version 2.3 · OFFICIAL-SENSITIVE")
        let archive = try Archive(data: Data(try DocxWriter.docx(doc, creator: "t")), accessMode: .read)
        let document = try part(archive, "word/document.xml")
        #expect(document.contains("<w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-2&quot;"), "a real TOC field")
        #expect(document.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>"))
        #expect(document.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"))
        #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"))
        #expect(document.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"), "A4 landscape")
        let header = try part(archive, "word/header1.xml")
        #expect(header.contains("Homes for Ukraine · version 2.3 · OFFICIAL-SENSITIVE"))
        let footer = try part(archive, "word/footer1.xml")
        #expect(footer.contains("OFFICIAL-SENSITIVE"))
        #expect(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "))
        let rels = try part(archive, "word/_rels/document.xml.rels")
        #expect(rels.contains("Target=\"header1.xml\"") && rels.contains("Target=\"footer1.xml\""))
        let types = try part(archive, "[Content_Types].xml")
        #expect(types.contains("/word/header1.xml") && types.contains("/word/footer1.xml"))
        let styles = try part(archive, "word/styles.xml")
        #expect(styles.contains("<w:sz w:val=\"22\"/><w:lang w:val=\"en-GB\"/>"), "11 pt body")
        #expect(!styles.contains("pageBreakBefore"), "no forced page per step: no near-empty pages")
        // Columns fit their content: widths differ, and each table fits the text width.
        let grids = document.components(separatedBy: "<w:tblGrid>").dropFirst().map { $0.components(separatedBy: "</w:tblGrid>")[0] }
        #expect(!grids.isEmpty)
        var unequal = 0
        for grid in grids {
            let widths = grid.components(separatedBy: "w:w=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            #expect(widths.reduce(0, +) <= DocxWriter.textWidth)
            if Set(widths).count > 1 { unequal += 1 }
        }
        #expect(unequal >= grids.count - 1)
        #expect(document.contains("<w:cantSplit/>"), "rows are not split across pages")
    }

    @Test func docxFigureIsKeptWithItsCaptionAndLinksTheSVG() throws {
        // A 2x2 PNG: the picture, kept with its caption, and the caption links the full-size SVG.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x0B, 0xB8, 0, 0, 0x07, 0xD0, 8, 2, 0, 0, 0]
        let doc = ReportDocument(title: "T", subtitle: "S", sections: [
            .init(anchor: "a", title: "A", blocks: [.figure(caption: "Diagram", svg: "", file: "data-flows.svg", png: png)]),
        ])
        let archive = try Archive(data: Data(try DocxWriter.docx(doc, creator: "t")), accessMode: .read)
        let document = try part(archive, "word/document.xml")
        #expect(document.contains("<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"))
        #expect(document.contains("<w:hyperlink r:id=\"rIdLink1\">"))
        let rels = try part(archive, "word/_rels/document.xml.rels")
        #expect(rels.contains("Target=\"data-flows.svg\" TargetMode=\"External\""))
    }

    /// The diagram's parts follow the overview in every format: inline in the HTML, linked in the
    /// Markdown, a picture kept with its linking caption in the DOCX; a part without a drawing is a note.
    @Test func diagramPartsAppearInEveryFormat() throws {
        let base = try exampleInput()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x0B, 0xB8, 0, 0, 0x07, 0xD0, 8, 2, 0, 0, 0]
        let input = ReportInput(
            graph: base.graph, findings: base.findings, screening: base.screening, rulesRun: base.rulesRun, rulesOff: base.rulesOff,
            asOf: base.asOf, inputs: [], toolVersion: "test", diagramSVG: "<svg id=\"overview\"></svg>", diagramPNG: png,
            diagramNote: "The diagram shows one box per organisation.",
            diagramParts: [
                .init(title: "Systems of A", note: "A runs 2 systems.", svg: "<svg id=\"part-a\"></svg>", file: "data-flows-a.svg", png: png),
                .init(title: "Systems of B", note: "B runs 99 systems, too many: use dpflow diagram --focus b.", svg: "", file: "", png: nil),
            ])
        let doc = DPIABuilder.build(input)
        let html = try DocumentRenderer.html(doc, generator: "t")
        let overview = try #require(html.range(of: "<svg id=\"overview\">"))
        let partA = try #require(html.range(of: "<svg id=\"part-a\">"))
        #expect(overview.lowerBound < partA.lowerBound)
        #expect(html.contains("<figcaption>Systems of A</figcaption>"))
        #expect(html.contains("B runs 99 systems, too many: use dpflow diagram --focus b."))
        let md = try DocumentRenderer.markdown(doc, generator: "t")
        #expect(md.contains("![Systems of A](data-flows-a.svg)"))
        #expect(!md.contains("![Systems of B]"))
        let archive = try Archive(data: Data(try DocxWriter.docx(doc, creator: "t")), accessMode: .read)
        let document = try part(archive, "word/document.xml")
        #expect(document.components(separatedBy: "<w:drawing>").count - 1 >= 2)
        #expect(document.contains("Systems of A. Full size: </w:t></w:r><w:hyperlink"))
        let rels = try part(archive, "word/_rels/document.xml.rels")
        #expect(rels.contains("Target=\"data-flows-a.svg\" TargetMode=\"External\""))
    }

    @Test func htmlPrintsOnA4WithRunningHeaderAndPageNumbers() throws {
        let html = try DocumentRenderer.html(DPIABuilder.build(try exampleInput()), generator: "t")
        #expect(html.contains("size: A4;"))
        #expect(!html.contains("Letter"))
        #expect(html.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages)"))
        #expect(html.contains("@top-center { content: \"Homes\\20 for\\20 Ukraine\\20 \\b7 \\20 version\\20 2\\2e 3\\20 \\b7 \\20 OFFICIAL\\2d SENSITIVE\";"))
        #expect(html.contains("@bottom-left { content: \"OFFICIAL\\2d SENSITIVE\";"))
        #expect(html.contains("<p class=\"marking\">OFFICIAL-SENSITIVE</p>"))
        #expect(!html.contains("overflow-wrap: anywhere") && !html.contains("overflow-wrap:anywhere") && !html.contains("word-break: break-all"))
        #expect(html.contains("h2, h3, caption, .fact b { break-after: avoid; }"), "headings kept with their content")
        #expect(html.contains("tr, td, th, .fact, .gap, figure, li { break-inside: avoid; }"), "rows not split")
        #expect(html.contains("thead { display: table-header-group; }"))
        let print = html.components(separatedBy: "@media print").last ?? ""
        #expect(!print.contains("nav { display: none"), "the contents list is printed")
    }

    @Test func cssStringsHoldOnlyTheirText() {
        #expect(DocumentRenderer.cssString("a\";}</style><script>") == "\"a\\22 \\3b \\7d \\3c \\2f style\\3e \\3c script\\3e \"")
    }
}
