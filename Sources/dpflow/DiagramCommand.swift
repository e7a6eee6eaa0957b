import ArgumentParser
import DPFlowDiagram
import DPFlowEngine
import DPFlowModel

extension DiagramFormat: ExpressibleByArgument {}
extension DiagramOptions.Level: ExpressibleByArgument {}

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram", abstract: "Draw the data-flow diagram as DOT, SVG, PNG or PDF (rendered in-process by Graphviz).")

    @Argument(help: "The flow file.")
    var file: String

    @Option(help: "Output format: dot, svg, png or pdf.")
    var format: DiagramFormat = .dot

    @Option(name: .shortAndLong, help: "Write to this file (written whole or not at all); default standard output.")
    var output: String?

    @Option(help: "Show only the flows that carry this data category.")
    var data: String?

    @Option(help: "Show a system, party or subject and its neighbourhood.")
    var focus: String?

    @Option(help: "With --focus: how many hops around it.")
    var depth: Int = 1

    @Option(help: "systems (default) or parties: one node per party, for board summaries.")
    var level: DiagramOptions.Level = .systems

    @Option(name: .customLong("as-of"), help: "The date shown in the title block and used for the checks; default today.")
    var asOf: CalendarDate?

    @Option(help: "Configuration file; default .dpflow.yaml in the working directory or a parent.")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file: the defaults.")
    var noConfig = false

    @OptionGroup var loadLimits: LoadLimitOptions

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if (format == .png || format == .pdf) && output == nil && Output.stdoutIsTerminal {
            throw ValidationError("\(format.rawValue) is binary: give -o FILE or redirect standard output")
        }
    }

    func run() throws {
        var view = DiagramOptions()
        view.level = level
        view.data = data
        view.focus = focus
        view.depth = depth
        var options = CheckOptions(asOf: asOf ?? .today())
        let (file, format, output, config, noConfig, loadLimits) = (self.file, self.format, self.output, self.config, self.noConfig, self.loadLimits)
        try Output.finish { () throws(EngineError) in
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            loadLimits.apply(to: &options.configuration)
            return try DiagramRunner.run(file: file, format: format, output: output, view: view, options: options)
        }
    }
}

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "List every path a data category takes, with party, location, retention and lawful basis at each hop.")

    @Argument(help: "The flow file.")
    var file: String

    @Option(help: "The data category to follow.")
    var data: String

    @Option(help: "Output format: text or json.")
    var format: CatalogueFormat = .text

    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default today.")
    var asOf: CalendarDate?

    @OptionGroup var loadLimits: LoadLimitOptions

    func run() throws {
        var options = CheckOptions(asOf: asOf ?? .today())
        let (file, data, format, loadLimits) = (self.file, self.data, self.format, self.loadLimits)
        try Output.finish { () throws(EngineError) in
            // The load limits of .dpflow.yaml apply to trace as to every command that reads flow files.
            options.configuration = try ConfigurationLocator.load(explicit: nil)
            loadLimits.apply(to: &options.configuration)
            return try DiagramRunner.trace(file: file, data: data, format: format, options: options)
        }
    }
}
