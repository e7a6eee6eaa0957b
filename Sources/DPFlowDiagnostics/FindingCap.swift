/// The most findings one file may produce. A hostile file can be written to
/// raise a finding on every line (a million unknown keys, a duplicate key
/// repeated for 60 MB): unbounded, that is gigabytes of memory and hundreds of
/// megabytes of output. Past the cap findings are counted, not kept, and the
/// run says how many were left out.
public enum FindingCap {
    /// Findings kept per file unless `--max-findings` says otherwise.
    public static let defaultLimit = 1000

    /// What capping a file's findings gives.
    public struct Result: Sendable {
        public var findings: [Finding]
        /// How many were left out, and the worst severity among them (so a
        /// run still fails on an error it did not print).
        public var leftOut: Int
        public var worstLeftOut: Severity?
    }

    /// Keeps at most `limit` findings (nil: all): the most severe first, then in
    /// output order, so the errors that decide the exit status are kept.
    public static func apply(_ findings: [Finding], limit: Int?, budget: FindingBudget? = nil) -> Result {
        var result = Result(findings: findings, leftOut: budget?.dropped ?? 0, worstLeftOut: budget?.worstDropped)
        guard let limit, findings.count > limit else { return result }
        let ranked = findings.sorted { a, b in
            if a.excepted != b.excepted { return !a.excepted }
            if a.severity != b.severity { return a.severity > b.severity }
            return Finding.outputOrder(a, b)
        }
        result.findings = Array(ranked.prefix(limit))
        for f in ranked.dropFirst(limit) where !f.excepted {
            result.leftOut += 1
            if result.worstLeftOut.map({ f.severity > $0 }) ?? true { result.worstLeftOut = f.severity }
        }
        result.leftOut += ranked.dropFirst(limit).filter(\.excepted).count
        return result
    }
}

/// The findings budget of the file being analysed: every `FindingSink` of the
/// task consults it, so the loader and decoder stop keeping (and even
/// formatting) findings once a file has produced `limit` of them.
public final class FindingBudget: @unchecked Sendable {
    public let limit: Int
    public private(set) var admitted = 0
    public private(set) var dropped = 0
    public private(set) var worstDropped: Severity?

    @TaskLocal public static var current: FindingBudget?

    /// Once a file has produced `limit` findings and `limit * stopFactor` more,
    /// the loader stops reading it (ST006): the work a hostile file can cause
    /// is bounded by its findings, not only their output.
    public static let stopFactor = 10

    public init(limit: Int) { self.limit = limit }

    /// Counts `n` kept findings (errors) as left out after all: their stage's
    /// result was dropped.
    public func discard(_ n: Int) {
        guard n > 0 else { return }
        admitted -= n
        dropped += n
        worstDropped = .error
    }

    /// True when a finding of this severity may be kept; counts it otherwise.
    public func admit(_ severity: Severity) -> Bool {
        if admitted < limit {
            admitted += 1
            return true
        }
        dropped += 1
        if worstDropped.map({ severity > $0 }) ?? true { worstDropped = severity }
        return false
    }
}
