import DPFlowDiagnostics

/// What every reporter renders: the files checked and their findings, in
/// output order. Building one sorts the findings, so reporters need not.
public struct FindingReport: Sendable {
    public let files: [String]
    public let findings: [Finding]
    /// The rule ids that ran (JUnit lists each as a test case).
    public let rulesRun: [String]

    public init(files: [String], findings: [Finding], rulesRun: [String] = []) {
        self.files = files
        self.findings = findings.sorted(by: Finding.outputOrder)
        self.rulesRun = rulesRun
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
