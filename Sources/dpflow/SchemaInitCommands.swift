import ArgumentParser
import DPFlowEngine
import DPFlowReporters
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the flow-file format, for editors.")

    func run() throws {
        try Output.finish { () throws(EngineError) in CommandOutcome(output: SchemaReporter.render(), exitCode: 0) }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Print a commented starter flow file that passes check.")

    @Option(help: "The programme's name.")
    var name: String = "New programme"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (never overwrites).")
    var output: String?

    @Option(help: "Where the JSON Schema is (from 'dpflow schema'), relative to the working directory; the file's $schema comment points there relative to the file itself.")
    var schema: String = "dpflow-schema.json"

    func run() throws {
        let (name, output, schema) = (self.name, self.output, self.schema)
        try Output.finish { () throws(EngineError) in
            let reference = output.map { StarterProgramme.relativeSchemaPath(schema: schema, from: $0) } ?? schema
            let text = StarterProgramme.text(name: name, schema: reference)
            guard let output else { return CommandOutcome(output: text, exitCode: 0) }
            if FileManager.default.fileExists(atPath: output) {
                throw EngineError("\(output) exists; dpflow init never overwrites a file")
            }
            try AtomicFile.write(Array(text.utf8), to: output)
            return CommandOutcome(output: "", exitCode: 0)
        }
    }
}
