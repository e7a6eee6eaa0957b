/// Keeps the first of equal findings, as a `Set<Finding>` would, without
/// hashing every finding's texts: findings are bucketed by rule and position,
/// and compared in full only with the others at the same place.
public struct FindingSet: Sendable {
    private struct Place: Hashable, Sendable {
        var rule: String
        var line: Int
        var column: Int
    }

    private var buckets: [Place: [Finding]] = [:]

    public init() {}

    public init<S: Sequence>(_ findings: S) where S.Element == Finding {
        for f in findings { _ = insert(f) }
    }

    /// True when no equal finding was inserted before (and it is now kept).
    @discardableResult
    public mutating func insert(_ finding: Finding) -> Bool {
        let place = Place(rule: finding.rule, line: finding.line, column: finding.column)
        if buckets[place]?.contains(finding) == true { return false }
        buckets[place, default: []].append(finding)
        return true
    }
}
