import DPFlowDiagnostics

/// `--format github`: GitHub Actions workflow commands, one annotation per
/// finding that counts: `::error file=F,line=L,col=C,title=RULE::message`.
public enum GitHubReporter {
    public static func render(_ report: FindingReport, summary: Bool = true) -> String {
        var out = ByteStream()
        write(report, summary: summary, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The toolkit's escaping of a command's message: %, CR, LF.
    static let dataEscapes = ASCIISet("%\r\n")
    /// Of a property value: also ':' and ','.
    static let propertyEscapes = ASCIISet("%\r\n:,")

    public static func write(_ report: FindingReport, summary: Bool = true, to out: inout ByteStream) {
        for f in report.findings where !f.excepted {
            switch f.severity {
            case .error: out.append("::error file=")
            case .warning: out.append("::warning file=")
            case .info: out.append("::notice file=")
            }
            // Each part made visible (TerminalText) before the toolkit's escaping: no
            // control character reaches the log, and the line breaks are GitHub's.
            // (A visible escape holds no byte that the toolkit escapes.)
            TerminalText.appendVisible(f.file, into: &out.buffer, percentEncoding: propertyEscapes)
            out.append(",line=")
            out.appendDecimal(f.line)
            out.append(",col=")
            out.appendDecimal(f.column)
            out.append(",title=")
            out.appendPercentEncoding(f.rule, propertyEscapes)
            out.append(0x20)
            out.appendPercentEncoding(f.name, propertyEscapes)
            out.append("::")
            TerminalText.appendVisible(f.message, into: &out.buffer, percentEncoding: dataEscapes)
            out.append("%0Afix: ")
            TerminalText.appendVisible(f.fix, into: &out.buffer, percentEncoding: dataEscapes)
            out.append("%0Apath: ")
            TerminalText.appendVisible(f.path, into: &out.buffer, percentEncoding: dataEscapes)
            out.append(0x0A)
            out.flushIfFull()
        }
        if summary {
            out.append(TextReporter.summaryLine(report.summary))
            out.append(0x0A)
        }
    }
}
