import DPFlowDiagnostics

/// `--format github`: GitHub Actions workflow commands, one annotation per
/// finding that counts: `::error file=F,line=L,col=C,title=RULE::message`.
public enum GitHubReporter {
    public static func render(_ report: FindingReport, summary: Bool = true) -> String {
        var out = ""
        for f in report.findings where !f.excepted {
            let command: String
            switch f.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let properties = [
                "file=\(property(TerminalText.visible(f.file)))", "line=\(f.line)", "col=\(f.column)", "title=\(property("\(f.rule) \(f.name)"))",
            ].joined(separator: ",")
            // Each part made visible (TerminalText) before the toolkit's escaping: no
            // control character reaches the log, and the line breaks are GitHub's.
            let v = TerminalText.visible
            out += "::\(command) \(properties)::\(data("\(v(f.message))\nfix: \(v(f.fix))\npath: \(v(f.path))"))\n"
        }
        if summary { out += TextReporter.summaryLine(report.summary) + "\n" }
        return out
    }

    /// Escaping of a command's message (GitHub's toolkit: %, CR, LF).
    static func data(_ s: String) -> String {
        s.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escaping of a property value (also ':' and ',').
    static func property(_ s: String) -> String {
        data(s).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
