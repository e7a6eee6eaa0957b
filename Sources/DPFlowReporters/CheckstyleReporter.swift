import DPFlowDiagnostics

/// `--format checkstyle`: Checkstyle's XML report, which Jenkins (Warnings
/// Next Generation), reviewdog, Bitbucket and many CI tools read:
/// `<checkstyle><file name=...><error line column severity message source/>`.
/// Every file checked is listed (a clean file has no `<error>`); excepted
/// findings count nowhere and are left out. `source` is `dpflow.RULE`.
public enum CheckstyleReporter {
    public static func render(_ report: FindingReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in report.files {
            let findings = report.findings.filter { $0.file == file && !$0.excepted }
            if findings.isEmpty {
                out += "  <file name=\"\(xml(file))\"/>\n"
                continue
            }
            out += "  <file name=\"\(xml(file))\">\n"
            for f in findings {
                out += "    <error line=\"\(max(1, f.line))\" column=\"\(max(1, f.column))\" severity=\"\(f.severity.rawValue)\""
                out += " message=\"\(xml("[\(f.rule)] " + SARIFReporter.messageText(f)))\" source=\"dpflow.\(xml(f.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }

    static func xml(_ s: String) -> String { XMLText.escape(s, controls: .characterReferences) }
}
