import DPFlowDiagnostics
import DPFlowModel
import DPFlowReporters
import DPFlowRules
import Foundation

/// The output formats of `dpflow check`.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github
}

/// `--fail-on`: the lowest severity that fails the run, or never.
public enum FailThreshold: String, CaseIterable, Sendable {
    case error, warning, info, never

    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}

public struct CheckOptions: Sendable {
    public var format: CheckFormat = .text
    public var failOn: FailThreshold = .error
    public var asOf: CalendarDate
    public var color = false
    public var configuration = RuleConfiguration.standard
    /// Findings already known: only the others are reported and can fail the run.
    public var baseline: Baseline?
    /// The most findings kept per file (FindingCap); nil keeps all.
    public var maxFindings: Int? = FindingCap.defaultLimit

    public init(asOf: CalendarDate) { self.asOf = asOf }
}

/// The outcome of a command: what to print and the exit status.
public struct CommandOutcome: Sendable {
    public let output: String
    public let exitCode: Int32
    /// Binary output (a PNG or PDF on standard output), printed instead of `output`.
    public var binary: [UInt8]?

    public init(output: String, exitCode: Int32, binary: [UInt8]? = nil) {
        self.output = output
        self.exitCode = exitCode
        self.binary = binary
    }
}

/// `dpflow check PATH...`: load, validate, run the rules, report.
public enum CheckRunner {
    public static func run(paths: [String], options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let (report, leftOut) = try checkCounting(paths: paths, options: options)
        var output: String
        switch options.format {
        case .text:
            // Say which configuration applied: one found in a parent folder is never silent.
            let using = options.configuration.source.map { "configuration: \(TerminalText.visible($0))\n" } ?? ""
            output = using + TextReporter.render(report, color: options.color)
        case .json: output = JSONReporter.render(report)
        case .sarif: output = SARIFReporter.render(report)
        case .junit: output = JUnitReporter.render(report)
        case .github: output = GitHubReporter.render(report)
        }
        // Findings past --max-findings: counted, and said (in text output, or on stderr).
        let notes = leftOut.map { "\($0.count) more finding\($0.count == 1 ? "" : "s") in \(TerminalText.visible($0.file)) left out (at most \(options.maxFindings ?? 0) a file; see --max-findings)\n" }.joined()
        if options.format == .text { output += notes } else if !notes.isEmpty { StandardStreams.writeError(notes) }
        let threshold = options.failOn.severity
        let failsLeftOut = leftOut.contains { left in
            guard let threshold, let worst = left.worst else { return false }
            return worst >= threshold
        }
        return CommandOutcome(output: output, exitCode: report.fails(at: threshold) || failsLeftOut ? 1 : 0)
    }

    public static func check(paths: [String], options: CheckOptions) throws(EngineError) -> FindingReport {
        try checkCounting(paths: paths, options: options).report
    }

    /// The report, and per file how many findings the cap left out and the worst of them.
    static func checkCounting(paths: [String], options: CheckOptions) throws(EngineError) -> (
        report: FindingReport, leftOut: [(file: String, count: Int, worst: Severity?)]
    ) {
        let files = try FlowFileDiscovery.files(for: paths)
        var leftOut: [(file: String, count: Int, worst: Severity?)] = []
        var findings: [Finding] = []
        var ran: [String] = RuleRegistry.descriptions.map(\.info.id).filter { options.configuration.isEnabled($0) }
        for file in files {
            let analysis = try ProgrammeAnalysis.analyse(file: file, options: options)
            findings += analysis.findings
            if analysis.findingsLeftOut > 0 { leftOut.append((file, analysis.findingsLeftOut, analysis.worstLeftOut)) }
            if !analysis.rulesRun.isEmpty { ran = analysis.rulesRun }
        }
        if let baseline = options.baseline { findings = baseline.filterNew(findings) }
        return (FindingReport(files: files, findings: findings, rulesRun: ran), leftOut)
    }
}

extension CalendarDate {
    /// Today's date in UTC: used only when `--as-of` is not given.
    public static func today() -> CalendarDate {
        let utc = TimeZone(identifier: "UTC") ?? .current
        let parts = Calendar(identifier: .gregorian).dateComponents(in: utc, from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .unixEpoch
    }
}
