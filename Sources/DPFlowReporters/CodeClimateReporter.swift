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
        document(report).rendered()
    }

    public static func document(_ report: FindingReport) -> JSONValue {
        var seen: [String: Int] = [:]
        let issues: [JSONValue] = report.findings.filter { !$0.excepted }.map { f in
            let path = report.repositoryPath(f.file)
            // Two findings of one rule at one path (rare) get distinct fingerprints.
            var fingerprint = SARIFReporter.fingerprint(f, report: report)
            let n = seen[fingerprint, default: 0]
            seen[fingerprint] = n + 1
            if n > 0 { fingerprint += "-\(n)" }
            let description = SARIFReporter.messageText(f)
            return .object([
                ("type", .string("issue")),
                ("check_name", .string("\(f.rule) \(f.name)")),
                ("description", .string(description)),
                ("categories", .array([.string("Security")])),
                ("severity", .string(severity(f.severity))),
                ("fingerprint", .string(fingerprint)),
                ("location", .object([
                    ("path", .string(path)),
                    ("lines", .object([("begin", .int(max(1, f.line)))])),
                ])),
            ])
        }
        return .array(issues)
    }
}
