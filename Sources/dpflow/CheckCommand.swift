import ArgumentParser
import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel

extension ReportTarget: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate flow files, run the rules and print the findings.",
        discussion: """
            A folder is searched for *.yaml and *.yml; a YAML file in it with no 'dpflow' key is not a flow file and \
            is skipped (standard error says how many). A file named on the command line is checked whatever it holds. \
            No flow file at all is exit 2. '-' reads a flow file from standard input.

            Several outputs in one run: the --format output goes to standard output (or -o FILE), and each \
            --report FORMAT:FILE writes one more, e.g. 'dpflow check Flows --report sarif:dpflow.sarif \
            --report junit:dpflow.xml' prints text to the log and writes SARIF and JUnit files.

            Colour: --color or --no-color; otherwise none when NO_COLOR is set (non-empty), always when \
            FORCE_COLOR is set (non-empty, not 0), else only on a terminal.
            """
    )

    @Argument(help: "Flow files, folders to search for *.yaml and *.yml, or - for standard input.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif (code scanning), junit, github (workflow annotations), codeclimate (GitLab Code Quality) or checkstyle.")
    var format: CheckFormat = .text

    @Option(name: .shortAndLong, help: "Write the --format output to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("One more output of the same run, as FORMAT:FILE (repeatable).", valueName: "format:file"))
    var reports: [ReportTarget] = []

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning, info or never.")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("max-warnings"), help: "Also exit 1 when more than this many warnings count.")
    var maxWarnings: Int?

    @Flag(name: .shortAndLong, help: "Text and github output: only the findings that fail the run, no summary line, no notes on standard error.")
    var quiet = false

    @Option(help: ArgumentHelp("Run only these rules (comma-separated ids, repeatable); structure rules always run.", valueName: "ids"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Do not run these rules (comma-separated ids, repeatable); structure (ST) rules cannot be ignored.", valueName: "ids"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("Do not check files matching this glob (repeatable; * matches across folders), e.g. 'Flows/drafts/*'.", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .customLong("list-files"), help: "Print the flow files that would be checked, one a line, and stop.")
    var listFiles = false

    @Flag(name: .customLong("skip-non-flow-files"), help: "Treat named files as a folder search does: skip those with no 'dpflow' key; none left is not an error (for pre-commit).")
    var skipNonFlowFiles = false

    @Option(name: .customLong("stdin-filename"), help: "The name shown for a flow file read from standard input (default <stdin>).")
    var stdinFilename: String?

    @Flag(inversion: .prefixedNo, help: "Colour the text output (default: on a terminal only; see below).")
    var color: Bool?

    @Option(name: .customLong("as-of"), help: "The date to check expiries and reviews against (YYYY-MM-DD); default today.")
    var asOf: CalendarDate?

    @Option(help: "Configuration file; default .dpflow.yaml in the working directory or a parent.")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file: the defaults.")
    var noConfig = false

    @Option(help: "Findings JSON of an earlier run: report, and fail on, only findings not in it (matched by rule and path).")
    var baseline: String?

    @Option(name: .customLong("max-findings"), help: "Most findings shown per file (default 1000; 0: no limit); the rest are counted and the run says how many.")
    var maxFindings: Int = FindingCap.defaultLimit

    @OptionGroup var loadLimits: LoadLimitOptions

    func validate() throws {
        if maxFindings < 0 { throw ValidationError("--max-findings must be 0 or more") }
        if paths.isEmpty { throw ValidationError("give at least one flow file or folder") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once") }
        do {
            _ = try RuleSelection(select: select, ignore: ignore)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        var options = CheckOptions(asOf: asOf ?? .today())
        options.format = format
        options.failOn = failOn
        options.color = format == .text && Output.useColor(flag: color)
        options.output = output
        options.reports = reports
        options.quiet = quiet
        options.maxWarnings = maxWarnings
        options.excludes = exclude
        options.skipNonFlowFiles = skipNonFlowFiles
        if let stdinFilename { options.stdinName = stdinFilename }
        options.maxFindings = maxFindings == 0 ? nil : maxFindings
        let paths = self.paths
        let (config, baseline, listFiles, noConfig) = (self.config, self.baseline, self.listFiles, self.noConfig)
        let (select, ignore, loadLimits) = (self.select, self.ignore, self.loadLimits)
        try Output.finish { () throws(EngineError) in
            var options = options
            if listFiles { return try CheckRunner.listFiles(paths: paths, options: options) }
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            loadLimits.apply(to: &options.configuration)
            try RuleSelection(select: select, ignore: ignore).apply(to: &options.configuration)
            if let baseline { options.baseline = try Baseline(file: baseline) }
            return try CheckRunner.run(paths: paths, options: options)
        }
    }
}
