import DPFlowDiagnostics

/// `--format text`: one line per finding with its fix below, then a summary.
/// Written as bytes to a `ByteStream`; user text goes through TerminalText.
public enum TextReporter {
    public static func render(_ report: FindingReport, color: Bool = false, summary: Bool = true) -> String {
        var out = ByteStream()
        write(report, color: color, summary: summary, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func write(_ report: FindingReport, color: Bool = false, summary: Bool = true, to out: inout ByteStream) {
        for f in report.findings {
            TerminalText.appendVisible(f.file, into: &out.buffer)
            out.append(0x3A)
            out.appendDecimal(f.line)
            out.append(0x3A)
            out.appendDecimal(f.column)
            out.append(": ")
            if color { out.append(paintStart(f.severity)) }
            out.append(f.severity.rawValue)
            if color { out.append("\u{1B}[0m") }
            out.append(": [")
            out.append(f.rule)
            out.append("] ")
            TerminalText.appendVisible(f.message, into: &out.buffer)
            if f.excepted { out.append(" (excepted)") }
            out.append(0x0A)
            if !f.fix.isEmpty {
                out.append("    fix: ")
                TerminalText.appendVisible(f.fix, into: &out.buffer)
                out.append(0x0A)
            }
            if !f.trace.isEmpty {
                out.append("    trace: ")
                for (i, node) in f.trace.enumerated() {
                    if i > 0 { out.append(" -> ") }
                    TerminalText.appendVisible(node, into: &out.buffer)
                }
                out.append(0x0A)
            }
            out.flushIfFull()
        }
        if summary {
            out.append(summaryLine(report.summary))
            out.append(0x0A)
        }
    }

    public static func summaryLine(_ s: FindingReport.Summary) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(s.errors, "error")), \(plural(s.warnings, "warning")), \(s.info) info in \(plural(s.files, "file"))"
    }

    /// Messages carry user text: a newline in it must not forge a new finding
    /// line, nor a control character reach the terminal (TerminalText).
    public static func oneLine(_ s: String) -> String { TerminalText.visible(s) }

    static func paintStart(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .info: "\u{1B}[1;36m"
        }
    }
}
