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
///
/// Streamed as bytes: the counts that head the document and each suite are
/// worked out first, then every test case is written straight to the stream.
public enum JUnitReporter {
    public static func render(_ report: FindingReport, catalogue: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var out = ByteStream()
        write(report, catalogue: catalogue, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// One file's test suite: its findings by rule, the rule ids in order, and its counts.
    struct Suite {
        let file: String
        let byRule: [String: [Finding]]
        let ids: [String]
        var tests = 0
        var failures = 0
        var skipped = 0
    }

    public static func write(_ report: FindingReport, catalogue: [RuleDescription] = RuleRegistry.descriptions, to out: inout ByteStream) {
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.info.id, $0.info.name) })
        let ran = report.rulesRun.isEmpty ? catalogue.map(\.info.id) : report.rulesRun
        let ranSet = Set(ran)
        var byFile: [String: [Finding]] = [:]
        for f in report.findings { byFile[f.file, default: []].append(f) }
        // The counts first: they head the document and each suite.
        var suites: [Suite] = []
        var totals = (tests: 0, failures: 0, skipped: 0)
        for file in report.files {
            var byRule: [String: [Finding]] = [:]
            for f in byFile[file] ?? [] { byRule[f.rule, default: []].append(f) }
            let ids = ran + Set(byRule.keys).subtracting(ranSet).sorted()
            var suite = Suite(file: file, byRule: byRule, ids: ids)
            for id in ids {
                let mine = byRule[id] ?? []
                suite.tests += max(1, mine.count)
                for f in mine {
                    if f.excepted {
                        suite.skipped += 1
                    } else if let threshold = report.failOn, f.severity >= threshold {
                        suite.failures += 1
                    }
                }
            }
            totals.tests += suite.tests
            totals.failures += suite.failures
            totals.skipped += suite.skipped
            suites.append(suite)
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dpflow\"")
        counts(tests: totals.tests, failures: totals.failures, skipped: totals.skipped, to: &out)
        for suite in suites {
            var attributes: [UInt8] = Array("classname=\"".utf8)
            xml(classname(suite.file), into: &attributes)
            attributes += "\" file=\"".utf8
            xml(suite.file, into: &attributes)
            attributes += "\" time=\"0\"".utf8
            out.append("  <testsuite name=\"")
            xml(suite.file, into: &out.buffer)
            out.append(0x22)
            counts(tests: suite.tests, failures: suite.failures, skipped: suite.skipped, to: &out)
            if suite.tests == 0 { out.append(0x0A) }
            for id in suite.ids {
                let name = "\(id) \(names[id] ?? "")"
                guard let mine = suite.byRule[id], !mine.isEmpty else {
                    out.append("    <testcase name=\"")
                    xml(name, into: &out.buffer)
                    out.append("\" ")
                    out.buffer += attributes
                    out.append("/>\n")
                    continue
                }
                for f in mine {
                    out.append("    <testcase name=\"")
                    xml(name, into: &out.buffer)
                    out.append(" at ")
                    if f.path.isEmpty {
                        out.appendDecimal(f.line)
                        out.append(0x3A)
                        out.appendDecimal(f.column)
                    } else {
                        xml(f.path, into: &out.buffer)
                    }
                    out.append("\" ")
                    out.buffer += attributes
                    out.append(">\n")
                    if f.excepted {
                        out.append("      <skipped message=\"excepted: accepted by an exception in the flow file\"/>\n")
                    } else if let threshold = report.failOn, f.severity >= threshold {
                        out.append("      <failure message=\"")
                        xml(f.message, into: &out.buffer)
                        out.append("\" type=\"")
                        out.append(f.severity.rawValue)
                        out.append("\">")
                        text(f, into: &out)
                        out.append("</failure>\n")
                    } else {
                        out.append("      <system-out>")
                        text(f, into: &out)
                        out.append("</system-out>\n")
                    }
                    out.append("    </testcase>\n")
                    out.flushIfFull()
                }
            }
            out.append("  </testsuite>\n")
        }
        out.append("</testsuites>\n")
    }

    /// ` tests="T" failures="F" errors="0" skipped="S" time="0">` and a line break.
    static func counts(tests: Int, failures: Int, skipped: Int, to out: inout ByteStream) {
        out.append(" tests=\"")
        out.appendDecimal(tests)
        out.append("\" failures=\"")
        out.appendDecimal(failures)
        out.append("\" errors=\"0\" skipped=\"")
        out.appendDecimal(skipped)
        out.append("\" time=\"0\">\n")
    }

    /// A finding as the text of its test case, escaped.
    static func text(_ f: Finding, into out: inout ByteStream) {
        xml(f.file, into: &out.buffer)
        out.append(0x3A)
        out.appendDecimal(f.line)
        out.append(0x3A)
        out.appendDecimal(f.column)
        out.append(": ")
        out.append(f.severity.rawValue)
        out.append(": [")
        xml(f.rule, into: &out.buffer)
        out.append("] ")
        xml(f.message, into: &out.buffer)
        out.append("&#10;fix: ")
        xml(f.fix, into: &out.buffer)
        out.append("&#10;path: ")
        xml(f.path, into: &out.buffer)
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
    static func xml(_ s: String, into out: inout [UInt8]) { XMLText.escape(s, controls: .characterReferences, into: &out) }
}
