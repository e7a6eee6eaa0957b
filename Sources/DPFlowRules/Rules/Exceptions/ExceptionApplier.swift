import DPFlowDiagnostics
import DPFlowModel

/// Applies a file's exceptions after every other rule has run (FORMAT.md
/// "exceptions"): a live exception marks its finding excepted; an expired one
/// is EX001 and its finding counts again; one that matches nothing is EX002;
/// an incomplete one is EX003 and excepts nothing.
enum ExceptionApplier {
    static func apply(
        _ exceptions: [FindingException], to findings: [Finding], file: String, asOf: CalendarDate,
        configuration: RuleConfiguration
    ) -> [Finding] {
        var out = findings
        var extra: [Finding] = []
        let ids = RuleRegistry.rules.map { $0.description.info.id }
        func add(_ rule: RuleInfo, _ ex: FindingException, _ message: String, fix: String, at mark: SourceMark? = nil) {
            guard configuration.isEnabled(rule.id) else { return }
            extra.append(
                Finding(rule: rule, severity: configuration.severity(of: rule), message: message, fix: fix, file: file,
                        at: mark ?? ex.mark, path: ex.path))
        }
        for ex in exceptions {
            guard let rule = ex.rule, let at = ex.at else { continue }  // ST002 already
            guard ids.contains(rule.value) else {
                add(StructureRule.unknownReference, ex, "exception \(ex.index + 1) names rule '\(rule.value)', which is not in the catalogue\(Suggestions.didYouMean(rule.value, in: ids))",
                    fix: "use a rule id from 'dpflow rules'", at: rule.mark)
                continue
            }
            var missing: [String] = []
            if (ex.reason?.value ?? "").isEmpty { missing.append("reason") }
            if (ex.approvedBy?.value ?? "").isEmpty { missing.append("approved-by") }
            if ex.expires == nil { missing.append("expires") }
            if !missing.isEmpty {
                add(IncompleteException.description.info, ex,
                    "the exception for \(rule.value) at '\(at.value)' has no \(missing.joined(separator: ", ")), so it excepts nothing",
                    fix: "give the exception a reason, the person who approved it, and an expiry date")
                continue
            }
            let matches = out.indices.filter { out[$0].rule == rule.value && out[$0].path == at.value && !out[$0].rule.hasPrefix("EX") }
            if matches.isEmpty {
                add(UnmatchedException.description.info, ex,
                    "the exception for \(rule.value) at '\(at.value)' matches no finding",
                    fix: "remove the exception, or correct its rule or its path (paths are printed with each finding)")
                continue
            }
            if let expires = ex.expires?.value, expires < asOf {
                add(ExpiredException.description.info, ex,
                    "the exception for \(rule.value) at '\(at.value)' expired on \(expires) (as of \(asOf)); the finding counts again",
                    fix: "resolve the finding, or renew the exception with a new approval and expiry",
                    at: ex.expires?.mark)
                continue
            }
            for i in matches { out[i].excepted = true }
        }
        return out + extra
    }
}
