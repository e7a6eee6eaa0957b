import DPFlowDiagnostics

/// What every reporter renders: the files checked and their findings, in
/// output order. Building one sorts the findings, so reporters need not.
public struct FindingReport: Sendable {
    public let files: [String]
    public let findings: [Finding]
    /// The rule ids that ran (JUnit lists each as a test case).
    public let rulesRun: [String]
    /// With `--baseline`: the findings the baseline covers. They count nowhere
    /// and most formats leave them out; SARIF keeps them as `baselineState: unchanged`.
    public var unchanged: [Finding] = []
    /// True when a baseline was given (SARIF then marks every result new or unchanged).
    public var baselined = false
    /// Where the working directory is below the repository root ("" at the
    /// root, "sub/dir/" below it; nil outside a repository): formats that need
    /// repository-relative paths (SARIF, Code Quality) put it before each file.
    public var repositoryPrefix: String?
    /// The lowest severity that fails the run (nil: never); JUnit fails only these.
    public var failOn: Severity? = .error

    public init(files: [String], findings: [Finding], rulesRun: [String] = []) {
        self.files = files
        self.findings = findings.sorted(by: Finding.outputOrder)
        self.rulesRun = rulesRun
    }

    /// The same report with only the findings that pass `keep`.
    public func keeping(_ keep: (Finding) -> Bool) -> FindingReport {
        var copy = FindingReport(files: files, findings: findings.filter(keep), rulesRun: rulesRun)
        copy.unchanged = unchanged
        copy.baselined = baselined
        copy.repositoryPrefix = repositoryPrefix
        copy.failOn = failOn
        return copy
    }

    /// The path of a file as the repository sees it: the prefix, then the path
    /// as given with `./` and `..` resolved. A path that leaves the repository
    /// (or an absolute one) is kept as given.
    public func repositoryPath(_ file: String) -> String {
        guard let prefix = repositoryPrefix, !file.hasPrefix("/") else { return file }
        var parts: [Substring] = []
        for part in (prefix + file).split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return file }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Counts of findings that are not excepted, per severity.
    public struct Summary: Sendable, Equatable {
        public var errors = 0
        public var warnings = 0
        public var info = 0
        public var files = 0
    }

    public var summary: Summary {
        var s = Summary()
        s.files = files.count
        for f in findings where !f.excepted {
            switch f.severity {
            case .error: s.errors += 1
            case .warning: s.warnings += 1
            case .info: s.info += 1
            }
        }
        return s
    }

    /// True when a finding that counts is at or above `threshold` (nil: never).
    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { !$0.excepted && $0.severity >= threshold }
    }
}
