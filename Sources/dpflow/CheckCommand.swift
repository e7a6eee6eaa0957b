import ArgumentParser
import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate flow files, run the rules and print the findings."
    )

    @Argument(help: "Flow files, or folders to search for *.yaml and *.yml.")
    var paths: [String]

    @Option(help: "Output format: text, json, sarif (code scanning), junit or github (workflow annotations).")
    var format: CheckFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning, info or never.")
    var failOn: FailThreshold = .error

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

    func validate() throws {
        if maxFindings < 0 { throw ValidationError("--max-findings must be 0 or more") }
        if paths.isEmpty { throw ValidationError("give at least one flow file or folder") }
    }

    func run() throws {
        var options = CheckOptions(asOf: asOf ?? .today())
        options.format = format
        options.failOn = failOn
        options.maxFindings = maxFindings == 0 ? nil : maxFindings
        options.color = format == .text && Output.useColor
        let paths = self.paths
        let (config, baseline, noConfig) = (self.config, self.baseline, self.noConfig)
        try Output.finish { () throws(EngineError) in
            var options = options
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            if let baseline { options.baseline = try Baseline(file: baseline) }
            return try CheckRunner.run(paths: paths, options: options)
        }
    }
}
