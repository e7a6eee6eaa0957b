import ArgumentParser
import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import Foundation

/// The `dpflow` command: parses arguments and calls the library. Nothing else.
@main
struct DPFlowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dpflow",
        abstract: "Check, draw and report on a programme's personal-data flows.",
        discussion: "Flow files are YAML (see the format in the README). Exit status: 0 success, 1 findings at or above --fail-on, 2 the command could not do its work.",
        version: "\(DPFlowEngineInfo.version) (flow-file format \(DPFlowTool.formatRevision))",
        subcommands: [
            CheckCommand.self, DiagramCommand.self, TraceCommand.self, ReportCommand.self, RulesCommand.self, ExplainCommand.self,
            DiffCommand.self, SchemaCommand.self, InitCommand.self, MapCommand.self, WhereCommand.self,
        ]
    )

    /// ArgumentParser exits 64 on usage errors; CLI.md says 2. Findings exit 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            // `map` and `where` load a department in parallel (structured concurrency).
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty, (try? StandardStreams.writeOutput(message + "\n")) == nil { Foundation.exit(2) }
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            if !message.isEmpty { Output.error(message) }
            Foundation.exit(2)
        }
    }
}

/// Writing to the terminal, in one place: through write(2) with every error a
/// value (StandardStreams), never FileHandle.write, which traps on a failed write.
enum Output {
    static func write(_ text: String) throws(EngineError) {
        try StandardStreams.writeOutput(text)
    }

    /// A message on stderr, its control characters shown visibly (TerminalText).
    static func error(_ text: String) {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        StandardStreams.writeError(TerminalText.visibleLines(body) + "\n")
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, never when NO_COLOR is set.
    static var useColor: Bool { useColor(flag: nil) }

    /// Whether to colour: `--color`/`--no-color` when given (an explicit
    /// per-run choice, as no-color.org allows); else none when NO_COLOR is set
    /// and not empty (no-color.org), colour when FORCE_COLOR is set and not
    /// empty or "0" (force-color.org); NO_COLOR wins over FORCE_COLOR; else
    /// colour only on a terminal.
    static func useColor(flag: Bool?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let flag { return flag }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force != "false" { return true }
        return isatty(STDOUT_FILENO) == 1
    }

    /// `finish` for an async library call.
    static func finish(_ body: () async throws(EngineError) -> CommandOutcome) async throws {
        let outcome: CommandOutcome
        do {
            outcome = try await body()
        } catch {
            self.error("dpflow: \(error.message)")
            throw ExitCode(2)
        }
        try finish { () throws(EngineError) in outcome }
    }

    /// Runs a library call: prints its output and exits with its status;
    /// an `EngineError` is printed to stderr with status 2.
    static func finish(_ body: () throws(EngineError) -> CommandOutcome) throws {
        do {
            let outcome = try body()
            if !outcome.notes.isEmpty { error(outcome.notes) }
            if let stream = outcome.stream {
                try StandardStreams.writeOutput(stream)
            } else if let binary = outcome.binary {
                try StandardStreams.writeOutput(binary)
            } else {
                try write(outcome.output)
            }
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        } catch let e as EngineError {
            // A reader that went away (`| head`) needs no message.
            if e.message != StandardStreams.brokenPipe { error("dpflow: \(e.message)") }
            throw ExitCode(2)
        }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension CheckFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
