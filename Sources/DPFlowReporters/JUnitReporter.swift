import DPFlowDiagnostics
import DPFlowRules

/// `--format junit`: one test suite per file; a test case per rule that ran,
/// passing when the rule found nothing; a failing test case per finding
/// (excepted findings are skipped test cases). GitLab and Jenkins read it.
public enum JUnitReporter {
    public static func render(_ report: FindingReport, catalogue: [RuleDescription] = RuleRegistry.descriptions) -> String {
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.info.id, $0.info.name) })
        let ran = report.rulesRun.isEmpty ? catalogue.map(\.info.id) : report.rulesRun
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        for file in report.files {
            let findings = report.findings.filter { $0.file == file }
            var cases: [String] = []
            var failures = 0
            var skipped = 0
            for id in ran {
                let mine = findings.filter { $0.rule == id }
                let name = "\(id) \(names[id] ?? "")"
                if mine.isEmpty {
                    cases.append("    <testcase classname=\"\(xml(classname(file)))\" name=\"\(xml(name))\"/>")
                    continue
                }
                for f in mine {
                    let caseName = "\(name) at \(f.path.isEmpty ? "\(f.line):\(f.column)" : f.path)"
                    var c = "    <testcase classname=\"\(xml(classname(file)))\" name=\"\(xml(caseName))\">\n"
                    if f.excepted {
                        skipped += 1
                        c += "      <skipped message=\"excepted: accepted by an exception in the flow file\"/>\n"
                    } else {
                        failures += 1
                        c += "      <failure message=\"\(xml(f.message))\" type=\"\(f.severity.rawValue)\">"
                        c += xml("\(f.file):\(f.line):\(f.column): \(f.severity.rawValue): [\(f.rule)] \(f.message)\nfix: \(f.fix)\npath: \(f.path)")
                        c += "</failure>\n"
                    }
                    c += "    </testcase>"
                    cases.append(c)
                }
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append(
                "  <testsuite name=\"\(xml(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"dpflow\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }

    static func classname(_ file: String) -> String { "dpflow." + file }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    static func xml(_ s: String) -> String { XMLText.escape(s, controls: .characterReferences) }
}
