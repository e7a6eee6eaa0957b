import DPFlowDiagnostics

/// `--format checkstyle`: Checkstyle's XML report, which Jenkins (Warnings
/// Next Generation), reviewdog, Bitbucket and many CI tools read:
/// `<checkstyle><file name=...><error line column severity message source/>`.
/// Every file checked is listed (a clean file has no `<error>`); excepted
/// findings count nowhere and are left out. `source` is `dpflow.RULE`.
public enum CheckstyleReporter {
    public static func render(_ report: FindingReport) -> String {
        var out = ByteStream()
        write(report, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func write(_ report: FindingReport, to out: inout ByteStream) {
        var byFile: [String: [Finding]] = [:]
        for f in report.findings where !f.excepted { byFile[f.file, default: []].append(f) }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
        for file in report.files {
            let findings = byFile[file] ?? []
            out.append("  <file name=\"")
            xml(file, into: &out.buffer)
            if findings.isEmpty {
                out.append("\"/>\n")
                continue
            }
            out.append("\">\n")
            for f in findings {
                out.append("    <error line=\"")
                out.appendDecimal(max(1, f.line))
                out.append("\" column=\"")
                out.appendDecimal(max(1, f.column))
                out.append("\" severity=\"")
                out.append(f.severity.rawValue)
                out.append("\" message=\"[")
                xml(f.rule, into: &out.buffer)
                out.append("] ")
                xml(SARIFReporter.messageText(f), into: &out.buffer)
                out.append("\" source=\"dpflow.")
                xml(f.rule, into: &out.buffer)
                out.append("\"/>\n")
                out.flushIfFull()
            }
            out.append("  </file>\n")
        }
        out.append("</checkstyle>\n")
    }

    static func xml(_ s: String, into out: inout [UInt8]) { XMLText.escape(s, controls: .characterReferences, into: &out) }
}
