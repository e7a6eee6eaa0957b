import DPFlowDiagnostics
import DPFlowRules

/// `--format junit`: one test suite per file, one test case per rule that ran
/// (and per finding of it). Only findings at or above `--fail-on` are
/// `<failure>`s, so a green run shows no failed test in GitLab or Jenkins; a
/// finding below the threshold is a passed test case whose `<system-out>`
/// says what was found (a skipped test would read as "the rule did not
/// run"); an excepted finding is a skipped test case with the reason.
///
/// `classname` is the file's path without its `.yaml`/`.yml` extension and with
/// any other dot as `_`: Jenkins splits a class name at its last dot, so a dot
/// in it would make every class "yaml". Each test case carries `file` (GitLab
/// links to it) and `time="0"`: nothing is timed, so output stays byte-identical.
public enum JUnitReporter {
    public static func render(_ report: FindingReport, catalogue: [RuleDescription] = RuleRegistry.descriptions) -> String {
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.info.id, $0.info.name) })
        let ran = report.rulesRun.isEmpty ? catalogue.map(\.info.id) : report.rulesRun
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        var totalSkipped = 0
        for file in report.files {
            let findings = report.findings.filter { $0.file == file }
            let attributes = "classname=\"\(xml(classname(file)))\" file=\"\(xml(file))\" time=\"0\""
            var cases: [String] = []
            var failures = 0
            var skipped = 0
            let ids = ran + Set(findings.map(\.rule)).subtracting(ran).sorted()
            for id in ids {
                let mine = findings.filter { $0.rule == id }
                let name = "\(id) \(names[id] ?? "")"
                if mine.isEmpty {
                    cases.append("    <testcase name=\"\(xml(name))\" \(attributes)/>")
                    continue
                }
                for f in mine {
                    let caseName = "\(name) at \(f.path.isEmpty ? "\(f.line):\(f.column)" : f.path)"
                    var c = "    <testcase name=\"\(xml(caseName))\" \(attributes)>\n"
                    let text = "\(f.file):\(f.line):\(f.column): \(f.severity.rawValue): [\(f.rule)] \(f.message)\nfix: \(f.fix)\npath: \(f.path)"
                    if f.excepted {
                        skipped += 1
                        c += "      <skipped message=\"excepted: accepted by an exception in the flow file\"/>\n"
                    } else if let threshold = report.failOn, f.severity >= threshold {
                        failures += 1
                        c += "      <failure message=\"\(xml(f.message))\" type=\"\(f.severity.rawValue)\">\(xml(text))</failure>\n"
                    } else {
                        c += "      <system-out>\(xml(text))</system-out>\n"
                    }
                    c += "    </testcase>"
                    cases.append(c)
                }
            }
            totalTests += cases.count
            totalFailures += failures
            totalSkipped += skipped
            suites.append(
                "  <testsuite name=\"\(xml(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"dpflow\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"\(totalSkipped)\" time=\"0\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }

    /// `Flows/homes-for-ukraine.yaml` -> `Flows/homes-for-ukraine`: no dot for Jenkins to split at.
    static func classname(_ file: String) -> String {
        var path = file
        while path.hasPrefix("./") { path.removeFirst(2) }
        for ext in [".yaml", ".yml"] where path.hasSuffix(ext) {
            path.removeLast(ext.count)
            break
        }
        return path.replacing(".", with: "_")
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    static func xml(_ s: String) -> String { XMLText.escape(s, controls: .characterReferences) }
}
