import ArgumentParser
import DPFlowEngine
import DPFlowModel

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the DPIA (HTML, Markdown, Word), the Article 30 record and their companions into Reports/<programme>/.")

    @Argument(help: "The flow file.")
    var file: String

    @Option(name: .shortAndLong, help: "Write under this folder instead of Reports/ (a folder named after the file is made in it).")
    var output: String?

    @Option(help: "A folder with dpia.html.mustache and/or dpia.md.mustache, for a department's own house style.")
    var template: String?

    @Option(name: .customLong("as-of"), help: "The date the report is as of (YYYY-MM-DD); default today.")
    var asOf: CalendarDate?

    @Option(help: "Configuration file; default .dpflow.yaml in the working directory or a parent.")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file: the defaults.")
    var noConfig = false

    @OptionGroup var loadLimits: LoadLimitOptions

    func run() throws {
        var options = CheckOptions(asOf: asOf ?? .today())
        let (file, output, template, config, noConfig) = (self.file, self.output, self.template, self.config, self.noConfig)
        let loadLimits = self.loadLimits
        try Output.finish { () throws(EngineError) in
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            loadLimits.apply(to: &options.configuration)
            return try ReportRunner.run(file: file, outputRoot: output, templateDir: template, configFile: config, options: options)
        }
    }
}
