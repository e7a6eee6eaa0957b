import DPFlowDiagnostics

/// `--format text`: one line per finding with its fix below, then a summary.
public enum TextReporter {
    public static func render(_ report: FindingReport, color: Bool = false, summary: Bool = true) -> String {
        var out = ""
        for f in report.findings {
            let severity = color ? paint(f.severity.rawValue, f.severity) : f.severity.rawValue
            let excepted = f.excepted ? " (excepted)" : ""
            out += "\(TerminalText.visible(f.file)):\(f.line):\(f.column): \(severity): [\(f.rule)] \(oneLine(f.message))\(excepted)\n"
            if !f.fix.isEmpty { out += "    fix: \(oneLine(f.fix))\n" }
            if !f.trace.isEmpty { out += "    trace: \(oneLine(f.trace.joined(separator: " -> ")))\n" }
        }
        if summary { out += summaryLine(report.summary) + "\n" }
        return out
    }

    public static func summaryLine(_ s: FindingReport.Summary) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(s.errors, "error")), \(plural(s.warnings, "warning")), \(s.info) info in \(plural(s.files, "file"))"
    }

    /// Messages carry user text: a newline in it must not forge a new finding
    /// line, nor a control character reach the terminal (TerminalText).
    public static func oneLine(_ s: String) -> String { TerminalText.visible(s) }

    static func paint(_ s: String, _ severity: Severity) -> String {
        let code: String
        switch severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .info: code = "36"
        }
        return "\u{1B}[1;\(code)m\(s)\u{1B}[0m"
    }
}
