import ArgumentParser
import DPFlowEngine
import DPFlowModel

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a change to a programme adds, removes and alters: flows, data, transfers, findings.",
        discussion: """
            dpflow diff OLD NEW, or dpflow diff --git REF FILE to compare FILE with its version at a git ref. \
            A file new since REF, or deleted since, is compared with an empty programme (so is /dev/null as OLD or NEW). \
            Exit 1 when NEW adds findings at or above --fail-on.
            """)

    @Argument(help: "OLD and NEW flow files (or, with --git, the one file).")
    var files: [String]

    @Option(help: "Compare the file with its version at this git ref (e.g. origin/main).")
    var git: String?

    @Option(name: .customLong("old-path"), help: "With --git: the file's path at REF, when the change renamed it.")
    var oldPath: String?

    @Option(help: "Output format: text, json or markdown (for a pull-request comment; empty when nothing changed).")
    var format: DiffFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity of a new finding that makes the exit status 1.")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default today.")
    var asOf: CalendarDate?

    @Option(help: "Configuration file; default .dpflow.yaml in the working directory or a parent.")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file: the defaults.")
    var noConfig = false

    @OptionGroup var loadLimits: LoadLimitOptions

    func validate() throws {
        if git == nil && files.count != 2 { throw ValidationError("give OLD and NEW, or --git REF and one file") }
        if git != nil && files.count != 1 { throw ValidationError("with --git, give one file") }
        if git == nil && oldPath != nil { throw ValidationError("--old-path goes with --git") }
    }

    func run() throws {
        var options = CheckOptions(asOf: asOf ?? .today())
        options.failOn = failOn
        let (files, git, format, config, oldPath, noConfig) = (self.files, self.git, self.format, self.config, self.oldPath, self.noConfig)
        let loadLimits = self.loadLimits
        try Output.finish { () throws(EngineError) in
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            loadLimits.apply(to: &options.configuration)
            if let git { return try DiffRunner.runGit(ref: git, file: files[0], oldPath: oldPath, format: format, options: options) }
            return try DiffRunner.run(old: files[0], new: files[1], format: format, options: options)
        }
    }
}
