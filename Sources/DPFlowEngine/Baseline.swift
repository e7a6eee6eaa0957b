import DPFlowDiagnostics
import Foundation

/// `check --baseline FILE`: the findings JSON of an earlier run. Findings are
/// matched by rule and path (never by line, which moves), as a multiset: two
/// LB006 findings at one path in the baseline cover two now, not three.
public struct Baseline: Sendable {
    struct Key: Hashable {
        let rule: String
        let path: String
        let file: String
    }

    private var counts: [Key: Int] = [:]

    public init(file: String) throws(EngineError) {
        guard let data = FileManager.default.contents(atPath: file) else { throw EngineError("cannot read baseline \(file)") }
        guard let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let findings = doc["findings"] as? [[String: Any]]
        else {
            throw EngineError("baseline \(file) is not a findings JSON document (from 'dpflow check --format json')")
        }
        for f in findings {
            guard let rule = f["rule"] as? String, let path = f["path"] as? String else {
                throw EngineError("baseline \(file): every finding needs a rule and a path")
            }
            counts[Key(rule: rule, path: path, file: Self.normalise(f["file"] as? String ?? "")), default: 0] += 1
        }
    }

    static func normalise(_ file: String) -> String {
        var f = file
        while f.hasPrefix("./") { f.removeFirst(2) }
        return f
    }

    /// The findings the baseline does not cover.
    public func filterNew(_ findings: [Finding]) -> [Finding] {
        split(findings).new
    }

    /// The findings the baseline does not cover (new), and those it does (unchanged).
    public func split(_ findings: [Finding]) -> (new: [Finding], unchanged: [Finding]) {
        var remaining = counts
        var new: [Finding] = []
        var unchanged: [Finding] = []
        for f in findings.sorted(by: Finding.outputOrder) {
            let key = Key(rule: f.rule, path: f.path, file: Self.normalise(f.file))
            if let n = remaining[key], n > 0 {
                remaining[key] = n - 1
                unchanged.append(f)
            } else {
                new.append(f)
            }
        }
        return (new, unchanged)
    }
}
