/// The DPIA as a document: sections of blocks. One builder fills it from the
/// programme; the HTML, Markdown and DOCX renderers all read it, so the three
/// say the same thing. Strings here are plain text: each renderer escapes them.
public struct ReportDocument: Sendable {
    public var title: String
    public var subtitle: String
    public var sections: [Section]
    /// The protective marking: the highest classification in the file, for
    /// the running header and footer of every printed page.
    public var marking = "OFFICIAL"
    /// The running header: programme, flow file version, marking.
    public var runningHeader = ""

    public struct Section: Sendable {
        public var anchor: String
        public var title: String
        public var blocks: [Block]
    }

    public enum Block: Sendable {
        case paragraph(String)
        /// A labelled fact: "Status: approved".
        case fact(label: String, value: String)
        /// Something the DPIA needs and the file does not give.
        case gap(String)
        case list([String])
        case table(Table)
        /// An inline picture: its SVG (inline in HTML), the companion file the
        /// Markdown links to, and for DOCX a PNG or, failing that, a table that
        /// says the same.
        case figure(caption: String, svg: String, file: String, png: [UInt8]?, table: Table? = nil)
        case subheading(String)
    }

    public struct Table: Sendable {
        public var caption: String
        public var headers: [String]
        public var rows: [[String]]
        /// Sign-off tables leave room to write in.
        public var signOff = false
    }
}
