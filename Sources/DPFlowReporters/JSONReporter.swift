import DPFlowDiagnostics

/// `--format json`, field for field as CLI.md gives it.
public enum JSONReporter {
    public static func render(_ report: FindingReport) -> String {
        document(report).rendered()
    }

    public static func document(_ report: FindingReport) -> JSONValue {
        let s = report.summary
        return .object([
            ("version", .int(1)),
            ("tool", .object([("name", .string(DPFlowTool.name)), ("version", .string(DPFlowTool.version))])),
            ("files", .array(report.files.map(JSONValue.string))),
            ("findings", .array(report.findings.map(finding))),
            ("summary", .object([
                ("errors", .int(s.errors)), ("warnings", .int(s.warnings)), ("info", .int(s.info)), ("files", .int(s.files)),
            ])),
        ])
    }

    public static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("rule", .string(f.rule)),
            ("name", .string(f.name)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("fix", .string(f.fix)),
            ("file", .string(f.file)),
            ("line", .int(f.line)),
            ("column", .int(f.column)),
            ("path", .string(f.path)),
            ("trace", .array(f.trace.map(JSONValue.string))),
            ("excepted", .bool(f.excepted)),
        ])
    }
}
