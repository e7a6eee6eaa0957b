import DPFlowDiagnostics
import DPFlowModel
import DPFlowReporters
import DPFlowRules
import DPFlowYAML
import Foundation

/// The output formats of `dpflow check`.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github, codeclimate, checkstyle
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

/// One more output of a run: `--report FORMAT:FILE`.
public struct ReportTarget: Sendable, Equatable {
    public let format: CheckFormat
    public let file: String

    public init(format: CheckFormat, file: String) {
        self.format = format
        self.file = file
    }

    /// Parses `FORMAT:FILE` (the first colon separates them, so FILE may hold colons).
    public init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"), let format = CheckFormat(rawValue: String(argument[..<colon])) else { return nil }
        let file = String(argument[argument.index(after: colon)...])
        guard !file.isEmpty else { return nil }
        self.init(format: format, file: file)
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
    /// `-o FILE`: the `--format` output goes to this file instead of standard output.
    public var output: String?
    /// `--report FORMAT:FILE`: further outputs of the same run.
    public var reports: [ReportTarget] = []
    /// `--quiet`: text and github output show only the findings that fail the
    /// run, without the summary line; notes on standard error are left out.
    public var quiet = false
    /// `--max-warnings N`: more than N warnings (that count) also fail the run.
    public var maxWarnings: Int?
    /// `--exclude GLOB`: files not to check.
    public var excludes: [String] = []
    /// `--skip-non-flow-files`: named files without a `dpflow` key are skipped
    /// as found ones are, and finding no flow file is not an error (the pre-commit hook).
    public var skipNonFlowFiles = false
    /// The name the standard input (`-`) is shown as.
    public var stdinName = "<stdin>"
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
    /// Notes for standard error (e.g. how many files were skipped).
    public var notes: String = ""
    /// Output streamed to standard output a chunk at a time, instead of `output`
    /// (check's findings: never built whole as one `String`).
    public var stream: (@Sendable (inout ByteStream) -> Void)?

    public init(output: String, exitCode: Int32, binary: [UInt8]? = nil) {
        self.output = output
        self.exitCode = exitCode
        self.binary = binary
    }
}

/// `dpflow check PATH...`: load, validate, run the rules, report.
public enum CheckRunner {
    public static func run(paths: [String], options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let (report, selection, leftOut) = try checkCounting(paths: paths, options: options)
        var notes = ""
        // Findings past --max-findings: counted and said; an error left out still fails the run.
        let leftOutNotes = leftOut.map {
            "\($0.count) more finding\($0.count == 1 ? "" : "s") in \(TerminalText.visible($0.file)) left out (at most \(options.maxFindings ?? 0) a file; see --max-findings)\n"
        }.joined()
        let failsLeftOut = leftOut.contains { left in
            guard let threshold = options.failOn.severity, let worst = left.worst else { return false }
            return worst >= threshold
        }
        if !options.quiet {
            let skipped = selection.notFlowFiles.count
            if skipped > 0 {
                notes += "dpflow: skipped \(skipped) YAML file\(skipped == 1 ? "" : "s") with no 'dpflow' key (not flow files)\n"
            }
            if !selection.excluded.isEmpty {
                notes += "dpflow: excluded \(selection.excluded.count) file\(selection.excluded.count == 1 ? "" : "s") (--exclude)\n"
            }
        }
        let fails = report.fails(at: options.failOn.severity) || failsLeftOut
            || (options.maxWarnings.map { report.summary.warnings > $0 } ?? false)
        if report.files.isEmpty {
            // Only with --skip-non-flow-files: a hook given no flow file has nothing to do.
            var outcome = CommandOutcome(output: "", exitCode: 0)
            outcome.notes = notes + (options.quiet ? "" : "dpflow: no flow files among the files given; nothing to check\n")
            return outcome
        }
        for target in options.reports {
            try AtomicFile.write(to: target.file) { write(report, as: target.format, options: options, toTerminal: false, to: &$0) }
        }
        // Text says which configuration applied (one found in a parent folder is
        // never silent) and ends with the findings left out; other formats leave
        // those notes to standard error.
        var header = ""
        var trailer = ""
        if options.format == .text {
            if !options.quiet, let source = options.configuration.source { header = "configuration: \(TerminalText.visible(source))\n" }
            trailer = leftOutNotes
        } else {
            notes += leftOutNotes
        }
        let toTerminal = options.output == nil
        let main: @Sendable (inout ByteStream) -> Void = { [header, trailer] out in
            out.append(header)
            write(report, as: options.format, options: options, toTerminal: toTerminal, to: &out)
            out.append(trailer)
        }
        var outcome = CommandOutcome(output: "", exitCode: fails ? 1 : 0)
        outcome.notes = notes
        if let file = options.output {
            try AtomicFile.write(to: file, main)
        } else {
            outcome.stream = main
        }
        return outcome
    }

    /// One format of the report, streamed. `--quiet` and colour apply to the standard output only.
    static func write(_ report: FindingReport, as format: CheckFormat, options: CheckOptions, toTerminal: Bool, to out: inout ByteStream) {
        var report = report
        if toTerminal && options.quiet && (format == .text || format == .github) {
            let threshold = options.failOn.severity ?? .error
            report = report.keeping { !$0.excepted && $0.severity >= threshold }
        }
        let summary = !(toTerminal && options.quiet)
        switch format {
        case .text: TextReporter.write(report, color: toTerminal && options.color, summary: summary, to: &out)
        case .json: JSONReporter.write(report, to: &out)
        case .sarif: SARIFReporter.write(report, catalogue: RuleRegistry.descriptions, to: &out)
        case .junit: JUnitReporter.write(report, to: &out)
        case .github: GitHubReporter.write(report, summary: summary, to: &out)
        case .codeclimate: CodeClimateReporter.write(report, to: &out)
        case .checkstyle: CheckstyleReporter.write(report, to: &out)
        }
    }

    /// The findings of a run (what every format renders).
    public static func check(paths: [String], options: CheckOptions) throws(EngineError) -> FindingReport {
        try checkSelecting(paths: paths, options: options).0
    }

    /// The findings, and which files were checked, skipped and excluded.
    public static func checkSelecting(paths: [String], options: CheckOptions) throws(EngineError) -> (FindingReport, FlowFileDiscovery.Selection) {
        let (report, selection, _) = try checkCounting(paths: paths, options: options)
        return (report, selection)
    }

    /// The same, with how many findings per file the cap (--max-findings) left out and the worst of them.
    static func checkCounting(paths: [String], options: CheckOptions) throws(EngineError) -> (
        FindingReport, FlowFileDiscovery.Selection, [(file: String, count: Int, worst: Severity?)]
    ) {
        var leftOut: [(file: String, count: Int, worst: Severity?)] = []
        var selection = try FlowFileDiscovery.select(
            paths: paths, excludes: options.excludes, probeNamedFiles: options.skipNonFlowFiles)
        if selection.files.isEmpty && !options.skipNonFlowFiles {
            var why = ""
            if !selection.notFlowFiles.isEmpty { why += "; \(selection.notFlowFiles.count) YAML file(s) without a 'dpflow' key skipped" }
            if !selection.excluded.isEmpty { why += "; \(selection.excluded.count) excluded" }
            throw EngineError("no flow files found in \(paths.joined(separator: " "))\(why)")
        }
        var findings: [Finding] = []
        var ran: [String] = RuleRegistry.descriptions.map(\.info.id).filter { options.configuration.isEnabled($0) }
        let includes = IncludeLoader(limits: options.configuration.loadLimits)
        // A registry included by several programmes (and checked itself) may
        // give the same finding more than once: it is reported once.
        var seen = FindingSet()
        for (i, file) in selection.files.enumerated() {
            let analysis: ProgrammeAnalysis
            if file == FlowFileDiscovery.standardInput {
                analysis = ProgrammeAnalysis.analyse(bytes: try StandardInput.read(limit: options.configuration.loadLimits.maxBytes), file: options.stdinName, options: options)
                selection.files[i] = options.stdinName
            } else {
                analysis = try ProgrammeAnalysis.analyse(file: file, options: options, includes: includes)
            }
            for f in analysis.findings where seen.insert(f) { findings.append(f) }
            if analysis.findingsLeftOut > 0 { leftOut.append((selection.files[i], analysis.findingsLeftOut, analysis.worstLeftOut)) }
            if !analysis.rulesRun.isEmpty { ran = analysis.rulesRun }
        }
        var unchanged: [Finding] = []
        if let baseline = options.baseline { (findings, unchanged) = baseline.split(findings) }
        var report = FindingReport(files: selection.files, findings: findings, rulesRun: ran)
        report.unchanged = unchanged.sorted(by: Finding.outputOrder)
        report.baselined = options.baseline != nil
        report.failOn = options.failOn.severity
        let formats = [options.format] + options.reports.map(\.format)
        if formats.contains(.sarif) || formats.contains(.codeclimate) {
            report.repositoryPrefix = Repository.prefix()
        }
        return (report, selection, leftOut)
    }

    /// The flow files `check` would read (`--list-files`).
    public static func listFiles(paths: [String], options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let selection = try FlowFileDiscovery.select(paths: paths, excludes: options.excludes, probeNamedFiles: options.skipNonFlowFiles)
        if selection.files.isEmpty && !options.skipNonFlowFiles {
            throw EngineError("no flow files found in \(paths.joined(separator: " "))")
        }
        return CommandOutcome(output: selection.files.map { $0 == FlowFileDiscovery.standardInput ? options.stdinName : $0 }.map { $0 + "\n" }.joined(), exitCode: 0)
    }
}

/// Reading a flow file from the standard input (`dpflow check -`), up to the
/// loader's byte limit plus one, so that an endless stream is refused (ST006), not held.
enum StandardInput {
    static func read(limit: Int = LoadLimits.standard.maxBytes) throws(EngineError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw EngineError("cannot read the standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }
}

/// The git repository around the working directory.
enum Repository {
    /// `git rev-parse --show-prefix`: "" at the top level, "sub/dir/" below it;
    /// nil outside a repository or without git.
    static func prefix() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--show-prefix"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
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
