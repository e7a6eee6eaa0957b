import ArgumentParser
import DPFlowDepartment
import DPFlowEngine
import DPFlowModel

extension WhereRunner.Format: ExpressibleByArgument {}

struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "The department map: every programme and registry together, the DM rules, and Reports/department/.",
        discussion: "Writes map.html (an offline, searchable page), map.json, ropa.csv (the department's Article 30 record), data-map.svg and findings.json. Exit status as check's.")

    @Argument(help: "Folders (or files) holding the department's programmes and registries.")
    var paths: [String]

    @Option(name: [.customShort("o"), .customLong("output")], help: "Folder to write to (default Reports/department).")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning, info or never.")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("as-of"), help: "The date to check expiries and reviews against (YYYY-MM-DD); default today.")
    var asOf: CalendarDate?

    @Option(help: "Configuration file; default .dpflow.yaml in the working directory or a parent.")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore any configuration file.")
    var noConfig = false

    @OptionGroup var loadLimits: LoadLimitOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one folder or flow file") }
    }

    func run() async throws {
        var options = CheckOptions(asOf: asOf ?? .today())
        options.failOn = failOn
        let (paths, output, config, noConfig, loadLimits) = (self.paths, self.output, self.config, self.noConfig, self.loadLimits)
        try await Output.finish { () async throws(EngineError) in
            var options = options
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            loadLimits.apply(to: &options.configuration)
            return try await MapRunner.run(paths: paths, output: output, options: options)
        }
    }
}

struct WhereCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "where",
        abstract: "Every place across the department's programmes that holds data about a subject group (or a data category, system or party).",
        discussion: "Answers \"where must we search?\" for a subject access request, a legal hold or a records review: each system with its party, location, programmes, data, retention and disposal, lawful basis, and the flows by which the data arrives.")

    @Argument(help: "Folders (or files) holding the department's programmes and registries.")
    var paths: [String]

    @Option(help: "A subject group id or name, such as guest.")
    var subject: String?

    @Option(help: "A data category id or name.")
    var data: String?

    @Option(help: "A system id or name.")
    var system: String?

    @Option(help: "A party id or name.")
    var party: String?

    @Option(help: "Output format: text, json or csv.")
    var format: WhereRunner.Format = .text

    @Option(name: .customLong("as-of"), help: "The date to check against (YYYY-MM-DD); default today.")
    var asOf: CalendarDate?

    @Option(help: "Configuration file; default .dpflow.yaml in the working directory or a parent.")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore any configuration file.")
    var noConfig = false

    @OptionGroup var loadLimits: LoadLimitOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one folder or flow file") }
        let given = [subject, data, system, party].compactMap { $0 }
        if given.count != 1 { throw ValidationError("give exactly one of --subject, --data, --system or --party") }
    }

    func run() async throws {
        let target: WhereQuery.Target
        if let subject { target = .subject(subject) } else if let data { target = .data(data) } else if let system {
            target = .system(system)
        } else {
            target = .party(party ?? "")
        }
        let options = CheckOptions(asOf: asOf ?? .today())
        let (paths, format, config, noConfig, loadLimits) = (self.paths, self.format, self.config, self.noConfig, self.loadLimits)
        try await Output.finish { () async throws(EngineError) in
            var options = options
            options.configuration = try ConfigurationLocator.load(explicit: config, ignore: noConfig)
            loadLimits.apply(to: &options.configuration)
            return try await WhereRunner.run(paths: paths, target: target, format: format, options: options)
        }
    }
}
