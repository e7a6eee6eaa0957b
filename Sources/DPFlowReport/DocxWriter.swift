import DPFlowDiagnostics
import Foundation
import ZIPFoundation

/// `dpia.docx`: an Office Open XML document built from the same `ReportDocument`
/// as the HTML and Markdown: headings, facts, gap notes, tables (header rows
/// repeat across pages), the diagram as a picture, and the sign-off table with
/// room to write. Landscape A4, for the wide tables. Zipped with ZIPFoundation,
/// every entry dated 1980-01-01 so two runs give the same bytes.
public enum DocxWriter {
    public struct DocxError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z

    public static func docx(_ doc: ReportDocument, creator: String) throws(DocxError) -> [UInt8] {
        var images: [(id: String, name: String, png: [UInt8])] = []
        var links: [(id: String, target: String)] = []
        var body = ""
        body += paragraph(doc.marking, style: "Marking")
        body += paragraph(doc.title, style: "Title")
        body += paragraph(doc.subtitle, style: "Subtitle")
        body += tableOfContents(doc)
        for section in doc.sections {
            body += paragraph(section.title, style: "Heading1")
            for block in section.blocks {
                switch block {
                case .paragraph(let t): body += paragraph(t)
                case .subheading(let t): body += paragraph(t, style: "Heading2")
                case .fact(let label, let value): body += runs([(label + ": ", true), (value, false)])
                case .gap(let t): body += paragraph("Gap: " + t, style: "Gap")
                case .list(let items): for item in items { body += paragraph("• " + item) }
                case .table(let table): body += self.table(table)
                case .figure(let caption, _, let file, let png, let fallback):
                    if let png, let size = pngSize(png) {
                        let id = "rIdImage\(images.count + 1)"
                        images.append((id, "media/image\(images.count + 1).png", png))
                        body += picture(id: id, number: images.count, size: size, caption: caption, link: file.isEmpty ? nil : ("rIdLink\(images.count)", file))
                        if !file.isEmpty { links.append(("rIdLink\(images.count)", file)) }
                    } else if let fallback {
                        body += self.table(fallback)
                    } else {
                        body += paragraph("\(caption): see the HTML report or the SVG beside this document.", style: "Caption")
                    }
                }
            }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>\(body)<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1000" w:right="1000" w:bottom="1000" w:left="1000" w:header="500" w:footer="500" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        let imageRels = images.map {
            "<Relationship Id=\"\($0.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"\($0.name)\"/>"
        }.joined() + links.map {
            "<Relationship Id=\"\($0.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"\(xml($0.target))\" TargetMode=\"External\"/>"
        }.joined()
        let parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRels.utf8)),
            ("docProps/core.xml", Array(core(title: doc.title, creator: creator).utf8)),
            ("word/document.xml", Array(document.utf8)),
            ("word/styles.xml", Array(styles.utf8)),
            ("word/settings.xml", Array(settings.utf8)),
            ("word/header1.xml", Array(header(doc).utf8)),
            ("word/footer1.xml", Array(footer(doc).utf8)),
            ("word/_rels/document.xml.rels", Array((documentRelsHead + imageRels + "</Relationships>").utf8)),
        ] + images.map { ("word/\($0.name)", $0.png) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in parts {
                let data = Data(bytes)
                // A PNG is deflate-compressed already: deflating it again costs a
                // pass over every byte and saves almost nothing, so it is stored.
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: path.hasSuffix(".png") ? .none : .deflate
                ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            }
            guard let data = archive.data else { throw DocxError(message: "the archive has no data") }
            return [UInt8](data)
        } catch let e as DocxError {
            throw e
        } catch {
            throw DocxError(message: "could not build the DOCX archive: \(error)")
        }
    }

    // MARK: WordprocessingML

    static func xml(_ s: String) -> String { XMLText.escape(s, controls: .spaces) }

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let pPr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(xml(text))</w:t></w:r></w:p>"
    }

    static func runs(_ parts: [(String, Bool)]) -> String {
        "<w:p>" + parts.map { text, bold in
            "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(xml(text))</w:t></w:r>"
        }.joined() + "</w:p>"
    }

    /// The text width of landscape A4 with the margins below, in twentieths of a point.
    static let textWidth = 16838 - 2 * 1000

    /// Column widths that fit each column's content: a column gets room for
    /// its longest word at least, then a share of the rest by how much text
    /// it holds (capped, so one long column does not starve the others).
    static func columnWidths(_ t: ReportDocument.Table) -> [Int] {
        let n = max(1, t.headers.count)
        let cells = [t.headers] + t.rows
        var minimum = [Int](repeating: 3, count: n), want = [Int](repeating: 3, count: n)
        for row in cells {
            for (i, cell) in row.enumerated() where i < n {
                let longestWord = cell.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
                minimum[i] = max(minimum[i], min(longestWord, 30))
                want[i] = max(want[i], min(cell.count, 60))
            }
        }
        // Twips per character of 9 pt Arial (bold headers are wider), and the cell's own margins.
        let charWidth = 115, cellMargins = 220
        let floor = minimum.map { $0 * charWidth + cellMargins }
        let spare = max(0, textWidth - floor.reduce(0, +))
        let extra = zip(want, minimum).map { max(0, $0 - $1) }
        let extraTotal = max(1, extra.reduce(0, +))
        var widths = (0..<n).map { floor[$0] + spare * extra[$0] / extraTotal }
        let total = widths.reduce(0, +)
        if total > textWidth { widths = widths.map { $0 * textWidth / total } }
        return widths
    }

    static func table(_ t: ReportDocument.Table) -> String {
        let widths = columnWidths(t)
        var out = paragraph(t.caption, style: "Caption")
        out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\"/></w:tblPr>"
        out += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        func width(_ i: Int) -> String { "<w:tcW w:w=\"\(i < widths.count ? widths[i] : 0)\" w:type=\"dxa\"/>" }
        out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + t.headers.enumerated().map { i, h in
            "<w:tc><w:tcPr>\(width(i))<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:keepNext/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(xml(h))</w:t></w:r></w:p></w:tc>"
        }.joined() + "</w:tr>"
        for row in t.rows {
            out += t.signOff ? "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"800\"/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (i, cell) in row.enumerated() {
                let lines = cell.split(separator: "\n", omittingEmptySubsequences: false)
                out += "<w:tc><w:tcPr>\(width(i))</w:tcPr>" + lines.map { "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(xml(String($0)))</w:t></w:r></w:p>" }.joined() + "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>" + paragraph("", style: "AfterTable")
    }

    /// A real table-of-contents field (Word and LibreOffice update it; the
    /// settings ask Word to on opening), with the section titles as its
    /// current result so that it reads before any update.
    static func tableOfContents(_ doc: ReportDocument) -> String {
        var out = paragraph("Contents", style: "TOCHeading")
        out += "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-2&quot; \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t xml:space=\"preserve\">\(xml(doc.sections.first?.title ?? ""))</w:t></w:r></w:p>"
        for section in doc.sections.dropFirst() {
            out += paragraph(section.title, style: "TOC1")
        }
        out += "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        return out
    }

    static func field(_ instruction: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(instruction) </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    static let partNamespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// The running header: programme, version and protective marking.
    static func header(_ doc: ReportDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr \(partNamespaces)><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">\(xml(doc.runningHeader.isEmpty ? doc.title : doc.runningHeader))</w:t></w:r></w:p></w:hdr>
        """
    }

    /// The footer: the marking, and "Page n of m".
    static func footer(_ doc: ReportDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr \(partNamespaces)><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">\(xml(doc.marking))</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>\(field("PAGE"))<w:r><w:t xml:space="preserve"> of </w:t></w:r>\(field("NUMPAGES"))</w:p></w:ftr>
        """
    }

    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/><w:defaultTabStop w:val="720"/></w:settings>
        """

    /// Width and height of a PNG, from its IHDR chunk.
    static func pngSize(_ png: [UInt8]) -> (Int, Int)? {
        guard png.count > 24, png[0] == 0x89, png[1] == 0x50 else { return nil }
        func be32(_ i: Int) -> Int { Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3]) }
        return (be32(16), be32(20))
    }

    /// The most a picture takes on the page: 26 cm x 15 cm of landscape A4, in EMU.
    static let pictureBox = (width: 26 * 360_000, height: 15 * 360_000)
    /// The same box in points (12,700 EMU to the point), for those who draw the pictures.
    public static let pictureBoxPoints = (width: Double(pictureBox.width) / 12_700, height: Double(pictureBox.height) / 12_700)

    static func picture(id: String, number: Int, size: (Int, Int), caption: String, link: (id: String, file: String)?) -> String {
        // Fit the page (26 cm x 15 cm of landscape A4) and keep the aspect ratio.
        let maxWidth = pictureBox.width, maxHeight = pictureBox.height
        var cx = size.0 * 9525, cy = size.1 * 9525  // pixels to EMU at 96 dpi, then fitted
        if cx > maxWidth { cy = cy * maxWidth / cx; cx = maxWidth }
        if cy > maxHeight { cx = cx * maxHeight / cy; cy = maxHeight }
        return """
            <w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/><wp:docPr id="\(number)" name="Picture \(number)" descr="\(xml(caption))"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="\(number)" name="image\(number).png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="\(id)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """ + captionWithLink(caption, link: link)
    }

    /// A figure's caption, linking the full-size SVG beside the document.
    static func captionWithLink(_ caption: String, link: (id: String, file: String)?) -> String {
        guard let link else { return paragraph(caption, style: "FigureCaption") }
        return "<w:p><w:pPr><w:pStyle w:val=\"FigureCaption\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(xml(caption)). Full size: </w:t></w:r><w:hyperlink r:id=\"\(link.id)\"><w:r><w:rPr><w:color w:val=\"1D70B8\"/><w:u w:val=\"single\"/></w:rPr><w:t>\(xml(link.file))</w:t></w:r></w:hyperlink></w:p>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """

    static let packageRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """

    static let documentRelsHead = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
        """

    static func core(title: String, creator: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(xml(title)): data protection impact assessment</dc:title><dc:creator>\(xml(creator))</dc:creator></cp:coreProperties>
        """
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="48"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="505A5F"/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1D70B8"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="FigureCaption"><w:name w:val="Figure Caption"/><w:basedOn w:val="Caption"/><w:pPr><w:keepNext w:val="0"/><w:spacing w:after="200"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="AfterTable"><w:name w:val="After Table"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120" w:line="120" w:lineRule="exact"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Marking"><w:name w:val="Marking"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="1D70B8"/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="14800"/></w:tabs><w:spacing w:after="40"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos="14800"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Gap"><w:name w:val="Gap"/><w:basedOn w:val="Normal"/><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="FFF4D6"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style></w:styles>
        """
}
