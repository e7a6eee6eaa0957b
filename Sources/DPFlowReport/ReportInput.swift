import Crypto
import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowRules

/// Everything a report is built from: one analysed programme, plus what the
/// outputs need that the analysis does not hold.
public struct ReportInput: Sendable {
    public struct InputFile: Sendable {
        public let path: String
        public let sha256: String

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.sha256 = SHA256.hash(data: bytes).map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
        }
    }

    /// One organisation's systems, drawn when the whole systems view does not fit a page.
    public struct DiagramPart: Sendable {
        public let title: String
        public let note: String
        /// Inline SVG for the HTML; empty when the part could not be drawn readably at all.
        public let svg: String
        /// The SVG file beside the report; empty when none is written.
        public let file: String
        public let png: [UInt8]?

        public init(title: String, note: String, svg: String, file: String, png: [UInt8]?) {
            self.title = title
            self.note = note
            self.svg = svg
            self.file = file
            self.png = png
        }
    }

    public let graph: FlowGraph
    public let findings: [Finding]
    public let screening: ScreeningResult
    public let rulesRun: [String]
    public let rulesOff: [String]
    public let asOf: CalendarDate
    public let inputs: [InputFile]
    public let toolVersion: String
    /// The data-flow diagram, rendered by the caller (SVG for HTML, PNG for DOCX).
    public let diagramSVG: String
    public let diagramPNG: [UInt8]?
    /// Which view of the diagram the report shows and why (the caller chose it).
    public let diagramNote: String
    /// The systems view split by organisation, after the overview (empty when the whole fits).
    public let diagramParts: [DiagramPart]

    public init(
        graph: FlowGraph, findings: [Finding], screening: ScreeningResult, rulesRun: [String], rulesOff: [String],
        asOf: CalendarDate, inputs: [InputFile], toolVersion: String, diagramSVG: String, diagramPNG: [UInt8]?,
        diagramNote: String = "", diagramParts: [DiagramPart] = []
    ) {
        self.graph = graph
        self.findings = findings.sorted(by: Finding.outputOrder)
        self.screening = screening
        self.rulesRun = rulesRun
        self.rulesOff = rulesOff
        self.asOf = asOf
        self.inputs = inputs
        self.toolVersion = toolVersion
        self.diagramSVG = diagramSVG
        self.diagramPNG = diagramPNG
        self.diagramNote = diagramNote
        self.diagramParts = diagramParts
    }

    public var model: ProgrammeModel { graph.model }
}
