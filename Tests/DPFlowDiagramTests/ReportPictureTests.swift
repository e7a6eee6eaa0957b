import DPFlowDiagram
@testable import DPFlowEngine
import DPFlowGraph
import DPFlowModel
import Foundation
import Testing

/// The DOCX picture of a diagram: drawn at the resolution its box on the A4
/// page prints at, never at the diagram's natural size, so that a large
/// programme does not spend the report encoding a bitmap no page can show.
@Suite("Report pictures", .serialized)
struct ReportPictureTests {
    /// The box at 200 dpi: 26 cm x 15 cm is 2,047 x 1,181 pixels; one more for rounding.
    static let maxPixels = (width: 2_048, height: 1_182)

    /// The chunks of a PNG, each checked against its length and CRC; nil when it is not a whole PNG.
    static func chunks(_ png: [UInt8]) -> [(type: String, data: ArraySlice<UInt8>)]? {
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func be32(_ i: Int) -> UInt32 { UInt32(png[i]) << 24 | UInt32(png[i + 1]) << 16 | UInt32(png[i + 2]) << 8 | UInt32(png[i + 3]) }
        var table = [UInt32](repeating: 0, count: 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[n] = c
        }
        var out: [(String, ArraySlice<UInt8>)] = []
        var i = 8
        while i + 12 <= png.count {
            let length = Int(be32(i))
            guard i + 12 + length <= png.count else { return nil }
            var crc: UInt32 = 0xFFFF_FFFF
            for b in png[(i + 4)..<(i + 8 + length)] { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
            guard crc ^ 0xFFFF_FFFF == be32(i + 8 + length) else { return nil }
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            out.append((type, png[(i + 8)..<(i + 8 + length)]))
            i += 12 + length
            if type == "IEND" { return i == png.count ? out : nil }
        }
        return nil
    }

    static func pixels(_ png: [UInt8]) -> (width: Int, height: Int) {
        func be32(_ i: Int) -> Int { Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3]) }
        return (be32(16), be32(20))
    }

    /// A valid PNG no larger than the page box at 200 dpi, that fills the box in
    /// one direction (so it prints at 200 dpi), with the drawing's aspect ratio.
    static func expectFitsTheBox(_ png: [UInt8]?, drawing svg: [UInt8], _ what: String) throws {
        let png = try #require(png, "\(what): a picture")
        let chunks = try #require(Self.chunks(png), "\(what): a whole PNG, every chunk's CRC right")
        #expect(chunks.first?.type == "IHDR" && chunks.contains { $0.type == "IDAT" })
        let px = pixels(png)
        #expect(px.width <= maxPixels.width && px.height <= maxPixels.height, "\(what): \(px)")
        #expect(px.width >= maxPixels.width - 30 || px.height >= maxPixels.height - 30, "\(what): fills the box at 200 dpi: \(px)")
        let size = ReportDiagram.sizeOf(svg)
        let aspect = Double(px.width) / Double(px.height), drawn = size.width / size.height
        #expect(abs(aspect / drawn - 1) < 0.02, "\(what): aspect \(aspect) against the drawing's \(drawn)")
    }

    @Test func resolutionIsTwoHundredDPIUnlessTheBitmapWouldOverflowTheBox() {
        let box = ReportDiagram.pictureBox
        #expect(abs(box.width - 26 / 2.54 * 72) < 0.1 && abs(box.height - 15 / 2.54 * 72) < 0.1)
        #expect(ReportDiagram.pictureResolution((300, 200)) == 200, "a small drawing keeps 200 dpi")
        #expect(ReportDiagram.pictureResolution(box) == 200)
        // Wide: the width binds; tall: the height binds. Either way the pixels stay within the box at 200 dpi.
        for size in [(2_353.0, 1_543.0), (20_000.0, 900.0), (800.0, 9_000.0), (1e6, 1e6)] {
            let dpi = ReportDiagram.pictureResolution(size)
            #expect(dpi < 200 && dpi > 0)
            #expect(size.0 / 72 * dpi <= box.width / 72 * 200 + 0.5 && size.1 / 72 * dpi <= box.height / 72 * 200 + 0.5, "\(size)")
            let filled = max(size.0 / box.width, size.1 / box.height) * dpi
            #expect(abs(filled - 200) < 0.01, "\(size): one side fills the box at 200 dpi")
        }
        #expect(ReportDiagram.pictureResolution((.infinity, .infinity)) == 200, "an unmeasured drawing is not shrunk to nothing")
    }

    @Test func resolutionIsWrittenWithoutLocaleAndRoundedDown() {
        let d = DOTDiagram(text: "digraph x {\n  graph [rankdir=LR];\n}\n", engine: "dot")
        #expect(d.withResolution(200.0).text.contains("graph [dpi=200, rankdir=LR]"))
        #expect(d.withResolution(200).text.contains("graph [dpi=200, rankdir=LR]"))
        #expect(d.withResolution(55.129).text.contains("graph [dpi=55.12, "))
        #expect(d.withResolution(7.05).text.contains("graph [dpi=7.05, ") || d.withResolution(7.05).text.contains("graph [dpi=7.04, "))
        #expect(d.withResolution(12.5).text.contains("graph [dpi=12.50, "))
    }

    /// A 200-system programme: the overview's natural size is several A3 pages
    /// (at 200 dpi it was 6,537 x 4,287 pixels, 5.2 MB), but its picture is the box.
    @Test func largeProgrammePictureIsBoundedAndValid() throws {
        let g = try graph(try LargeDiagramTests.generated(flows: 1000))
        let drawn = ReportDiagram.draw(graph: g, view: DiagramOptions())
        #expect(drawn.failures.isEmpty)
        let size = ReportDiagram.sizeOf(drawn.svg)
        #expect(size.width > ReportDiagram.pictureBox.width, "the drawing is larger than the box: \(size)")
        try Self.expectFitsTheBox(drawn.png, drawing: drawn.svg, "overview")
        for part in drawn.parts where part.png != nil {
            let partSize = ReportDiagram.sizeOf(part.svg)
            if partSize.width > ReportDiagram.pictureBox.width || partSize.height > ReportDiagram.pictureBox.height {
                try Self.expectFitsTheBox(part.png, drawing: part.svg, part.file)
            }
        }
    }

    /// A drawing smaller than the box keeps 200 dpi: its picture is its natural size at 200 dpi.
    @Test func smallProgrammePictureKeepsTwoHundredDPI() throws {
        let tiny = """
            dpflow: 1
            programme:
              name: Tiny
              controllers: [council]
              purposes:
                support: {lawful-basis: {article-6: public-task, legal-power: Act 1}}
            subjects:
              resident: {name: Residents, count: 100}
            data:
              contact: {name: Contact, subjects: [resident], category: personal}
            parties:
              council: {name: Council, type: public-authority, role: controller, country: GB-ENG}
            systems:
              crm: {name: CRM, party: council, location: GB-ENG, retention: {contact: {period: P6Y}}}
            flows:
              intake: {from: resident, to: crm, data: [contact], purpose: support, notice: n, encrypted: true}
            """
        let drawn = ReportDiagram.draw(graph: try graph(tiny), view: DiagramOptions())
        let size = ReportDiagram.sizeOf(drawn.svg)
        try #require(size.width <= ReportDiagram.pictureBox.width && size.height <= ReportDiagram.pictureBox.height, "\(size)")
        let png = try #require(drawn.png)
        #expect(Self.chunks(png) != nil)
        let px = Self.pixels(png)
        #expect(abs(Double(px.width) - size.width / 72 * 200) <= 2, "\(px) for \(size)")
    }
}
