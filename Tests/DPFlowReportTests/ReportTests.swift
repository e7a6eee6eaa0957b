import DPFlowEngine
import DPFlowModel
import DPFlowReport
import DPFlowRules
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A programme whose every name is hostile to some output format.
let hostile = """
    dpflow: 1
    programme:
      name: "<script>alert('x')</script> & \\"Co\\" | *bold* # =SUM(A1)"
      description: "Line one\\n<b>not bold</b> [link](http://x) | pipe"
      controllers: [council]
      purposes:
        support: {description: "=HYPERLINK(\\"http://evil\\")", lawful-basis: {article-6: public-task, legal-power: "+cmd|' /C calc'!A0"}}
      dpia: {status: approved, approved-by: "@SUM(1+1)", approved-on: 2026-01-01, review-by: 2027-12-31}
    subjects:
      resident: {name: "Residents, \\"quoted\\"\\nwith newline", count: 100}
    data:
      contact: {name: "-2+3", subjects: [resident], category: personal}
    parties:
      council: {name: "Council <&> Co", type: public-authority, role: controller, country: GB-ENG}
    systems:
      crm: {name: "CRM ]]> <w:t>", party: council, location: GB-ENG, security: ["\\tTab start"], retention: {contact: {period: P6Y, from: x, basis: y, disposal: delete}}}
    flows:
      intake: {from: resident, to: crm, data: [contact], purpose: support, notice: n, encrypted: true}
    risks:
      r1: {description: "<img src=x onerror=alert(1)>", likelihood: possible, severity: significant, measures: [{description: m, effect: reduced}], residual: {likelihood: remote, severity: minimal}}

    """

/// `file`: a flow file on disk, loaded with the registries it includes (the
/// example includes the department's registry); otherwise `text` as `p.yaml`.
func input(_ text: String, file: String? = nil) throws -> ReportInput {
    let loaded: LoadedProgramme
    if let file { loaded = try ProgrammeLoader.load(file: file) } else { loaded = ProgrammeLoader.load(bytes: Array(text.utf8), file: "p.yaml") }
    let graph = try #require(loaded.graph)
    let asOf = CalendarDate(iso: "2026-11-29") ?? .unixEpoch
    let run = RuleRunner.run(graph: graph, loadFindings: loaded.findings, asOf: asOf)
    return ReportInput(
        graph: graph, findings: run.findings, screening: try #require(run.screening), rulesRun: run.rulesRun, rulesOff: run.rulesOff,
        asOf: asOf, inputs: [.init(path: "p.yaml", bytes: Array(text.utf8))], toolVersion: "test", diagramSVG: "<svg></svg>", diagramPNG: nil)
}

@Suite("DPIA report")
struct ReportTests {
    static let examplePath = root.appendingPathComponent("Flows/homes-for-ukraine.yaml").path
    static let example = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: examplePath))) ?? Data(), as: UTF8.self)

    @Test func followsTheSevenICOStepsWithAppendix() throws {
        let doc = DPIABuilder.build(try exampleInput())
        #expect(doc.sections.map(\.title) == [
            "Executive summary", "Step 1: The need for a DPIA", "Step 2: The processing", "Step 3: Consultation",
            "Step 4: Necessity and proportionality", "Step 5: Identify and assess risks", "Step 6: Measures to reduce risk",
            "Step 7: Sign off and record outcomes", "Appendix A: every finding", "Appendix B: exceptions and provenance",
        ])
        let html = try DocumentRenderer.html(doc, generator: "test")
        for part in ["Screening criteria met", "Categories of personal data", "SPECIAL CATEGORY: health", "CRIMINAL OFFENCE",
                     "People whose data is processed", "Where data is held and for how long", "Lawful basis per flow",
                     "Restricted transfers", "Processors and sub-processors", "Risks before measures", "How each right is served", "Data quality", "Alternatives considered", "Security measures",
                     "Each flow: what goes where, how often", "Findings by area", "Action plan: measures, owners, due dates, status",
                     "Risk matrix", "Sign-off and outcomes", "Accepted exceptions", "SHA-256", "Rules that ran (55)"] {
            #expect(html.contains(part), "\(part)")
        }
        #expect(html.contains("<figure><svg"))
    }

    @Test func hostileNamesAreEscapedInHTML() throws {
        let html = try DocumentRenderer.html(DPIABuilder.build(try input(hostile)), generator: "test")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("Council &lt;&amp;&gt; Co"))
        let xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
            .replacingOccurrences(of: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", with: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
            .replacingOccurrences(of: "<meta name=\"generator\" content=\"test\">", with: "<meta name=\"generator\" content=\"test\"/>")
        #expect(XMLParser(data: Data(xml.utf8)).parse(), "the page is well-formed once its void tags are closed")
    }

    @Test func hostileNamesAreEscapedInMarkdown() throws {
        let md = try DocumentRenderer.markdown(DPIABuilder.build(try input(hostile)), generator: "test")
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\*bold\\*"))
        #expect(md.contains("\\[link\\]"))
        #expect(!md.contains("\n# =SUM"))
        #expect(md.contains("Council &lt;&amp;\\> Co"))
        #expect(md.contains("\\|"), "pipes in user text are escaped")
        // Every row of a table has its header's column count: no cell breaks out.
        let lines = md.components(separatedBy: "\n")
        var expected: Int?
        func pipes(_ line: String) -> Int { line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        for (k, line) in lines.enumerated() {
            if line.hasPrefix("|"), k + 1 < lines.count, lines[k + 1].hasPrefix("| ---") {
                expected = pipes(line)
            } else if line.hasPrefix("|"), let e = expected {
                #expect(pipes(line) == e, "\(line)")
            } else if line.isEmpty {
                expected = nil
            }
        }
    }

    @Test func docxIsAValidPackageWithEscapedXML() throws {
        let bytes = try DocxWriter.docx(DPIABuilder.build(try input(hostile)), creator: "test")
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let names = Set(archive.map(\.path))
        #expect(names.isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"]))
        guard let entry = archive["word/document.xml"] else { Issue.record("no document"); return }
        var document = Data()
        _ = try archive.extract(entry) { document.append($0) }
        #expect(XMLParser(data: document).parse(), "word/document.xml is well-formed XML")
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("CRM ]]&gt; &lt;w:t&gt;"))
        #expect(text.contains("Step 7: Sign off and record outcomes"))
        #expect(text.contains("<w:tbl>"))
    }

    /// A picture is a PNG, deflate-compressed already: the package stores it as
    /// it is (deflating it again is a pass over every byte for nothing) and
    /// deflates the XML.
    @Test func docxStoresPicturesAndDeflatesXML() throws {
        var doc = try DPIABuilder.build(try input(hostile))
        let png = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
        doc.sections[0].blocks.append(.figure(caption: "A picture", svg: "<svg/>", file: "data-flows.svg", png: [UInt8](png)))
        let bytes = try DocxWriter.docx(doc, creator: "test")
        #expect(bytes == (try DocxWriter.docx(doc, creator: "test")), "byte-identical")
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let picture = try #require(archive["word/media/image1.png"])
        #expect(picture.compressedSize == picture.uncompressedSize, "stored")
        var stored = Data()
        _ = try archive.extract(picture) { stored.append($0) }
        #expect(stored == png)
        let document = try #require(archive["word/document.xml"])
        #expect(document.compressedSize < document.uncompressedSize / 2, "deflated")
    }

    @Test func csvQuotesAndNeutralisesFormulas() throws {
        let csv = RopaCSV.render(try input(hostile))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("controller,controller contact,data protection officer,purpose,") == true)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\") (support)\""), "a leading = is neutralised, quotes doubled inside a quoted field")
        #expect(RopaCSV.cell("=SUM(A1)") == "'=SUM(A1)")
        #expect(RopaCSV.cell("-2+3") == "'-2+3")
        #expect(RopaCSV.cell("@x") == "'@x")
        #expect(RopaCSV.cell("\tx") == "'\tx")
        #expect(RopaCSV.cell("a,b") == "\"a,b\"")
        #expect(RopaCSV.cell("line\nbreak") == "\"line\nbreak\"")
        #expect(RopaCSV.cell("plain") == "plain")
    }

    @Test func ropaHasARowPerPurposeAndSystem() throws {
        let csv = RopaCSV.render(try exampleInput())
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count > 10)
        #expect(csv.contains("Council social care and housing case system"))
        #expect(csv.contains("to Ireland under UK adequacy regulations"))
    }

    @Test func templatesCanBeReplaced() throws {
        let doc = DPIABuilder.build(try input(hostile))
        let html = try DocumentRenderer.html(doc, template: "<h1>{{title}}</h1>{{#sections}}[{{title}}]{{/sections}}", generator: "t")
        #expect(html.hasPrefix("<h1>&lt;script&gt;"))
        #expect(html.contains("[Step 7: Sign off and record outcomes]"))
        #expect(throws: DocumentRenderer.TemplateError.self) { try DocumentRenderer.html(doc, template: "{{#open}}", generator: "t") }
    }
}
