import DPFlowDiagnostics

/// `--format json`, field for field as CLI.md gives it, streamed as bytes.
public enum JSONReporter {
    public static func render(_ report: FindingReport) -> String {
        var out = ByteStream()
        write(report, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func write(_ report: FindingReport, to out: inout ByteStream) {
        let s = report.summary
        out.writeJSON { json in
            json.beginObject()
            json.member("version", 1)
            json.object("tool") { json in
                json.member("name", DPFlowTool.name)
                json.member("version", DPFlowTool.version)
            }
            json.array("files") { json in
                for file in report.files { json.string(file) }
            }
            json.array("findings") { json in
                for f in report.findings { finding(f, to: &json) }
            }
            json.object("summary") { json in
                json.member("errors", s.errors)
                json.member("warnings", s.warnings)
                json.member("info", s.info)
                json.member("files", s.files)
            }
            json.endObject()
        }
    }

    /// One finding as a JSON object at the writer's position.
    public static func finding(_ f: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.member("rule", f.rule)
        json.member("name", f.name)
        json.member("severity", f.severity.rawValue)
        json.member("message", f.message)
        json.member("fix", f.fix)
        json.member("file", f.file)
        json.member("line", f.line)
        json.member("column", f.column)
        json.member("path", f.path)
        json.array("trace") { json in
            for node in f.trace { json.string(node) }
        }
        json.key("excepted")
        json.bool(f.excepted)
        json.endObject()
    }
}
