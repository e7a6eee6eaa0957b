import ArgumentParser
import DPFlowEngine

extension CatalogueFormat: ExpressibleByArgument {}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rule catalogue: id, name, severity and area.")

    @Option(help: "Output format: text, json, or markdown (the reference page docs/rules.md).")
    var format: CatalogueFormat = .text

    func run() throws {
        let format = self.format
        try Output.finish { () throws(EngineError) in CatalogueCommands.rules(format: format) }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain one rule: its law, what triggers it, the fix, and examples.")

    @Argument(help: "A rule id, such as TR001.")
    var id: String

    @Option(help: "Output format: text or json.")
    var format: CatalogueFormat = .text

    func run() throws {
        let (id, format) = (self.id, self.format)
        try Output.finish { () throws(EngineError) in try CatalogueCommands.explain(id: id, format: format) }
    }
}
