import DPFlowDiagnostics

/// `--format codeclimate`: GitLab Code Quality (the Code Climate issue format):
/// a JSON array with one issue per finding that counts. Each issue has the
/// fields GitLab requires (`description`, `check_name`, `fingerprint`,
/// `severity`, `location.path`, `location.lines.begin`) and Code Climate's
/// `type` and `categories`. Paths are relative to the repository's root, as
/// GitLab resolves them; fingerprints come from rule, file and element path
/// (never the line), so an issue is the same issue after lines move.
public enum CodeClimateReporter {
    static func severity(_ s: Severity) -> String {
        switch s {
        case .error: "critical"
        case .warning: "major"
        case .info: "info"
        }
    }

    public static func render(_ report: FindingReport) -> String {
        var out = ByteStream()
        write(report, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func write(_ report: FindingReport, to out: inout ByteStream) {
        var seen: [String: Int] = [:]
        var files = SARIFReporter.FileNames(report: report)
        out.writeJSON { json in
            json.beginArray()
            for f in report.findings where !f.excepted {
                let (path, uri) = files.names(f.file)
                // Two findings of one rule at one path (rare) get distinct fingerprints.
                var fingerprint = SARIFReporter.fingerprint(rule: f.rule, uri: uri, path: f.path)
                let n = seen[fingerprint, default: 0]
                seen[fingerprint] = n + 1
                if n > 0 { fingerprint += "-\(n)" }
                json.beginObject()
                json.member("type", "issue")
                json.key("check_name")
                json.beginString()
                json.part(f.rule)
                json.part(" ")
                json.part(f.name)
                json.endString()
                json.key("description")
                SARIFReporter.messageText(f, to: &json)
                json.array("categories") { $0.string("Security") }
                json.member("severity", severity(f.severity))
                json.member("fingerprint", fingerprint)
                json.object("location") { json in
                    json.member("path", path)
                    json.object("lines") { $0.member("begin", max(1, f.line)) }
                }
                json.endObject()
            }
            json.endArray()
        }
    }
}
