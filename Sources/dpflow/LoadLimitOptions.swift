import ArgumentParser
import DPFlowRules
import DPFlowYAML

/// `--max-file-mb`, on every command that reads flow files: the largest flow
/// file read, overriding `load-limits: {max-file-mb}` in `.dpflow.yaml`.
struct LoadLimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-file-mb"),
        help: ArgumentHelp(
            "Largest flow file read, in MiB (default 16; at most \(LoadLimits.Key.maxFileMB.ceiling)); overrides load-limits in .dpflow.yaml.",
            valueName: "MiB"))
    var maxFileMB: Int?

    func validate() throws {
        if let maxFileMB, maxFileMB < 1 || maxFileMB > LoadLimits.Key.maxFileMB.ceiling {
            throw ValidationError("--max-file-mb must be a whole number from 1 to \(LoadLimits.Key.maxFileMB.ceiling)")
        }
    }

    /// The configuration's load limits with the command line's applied.
    func apply(to configuration: inout RuleConfiguration) {
        if let maxFileMB { configuration.loadLimits.set(.maxFileMB, to: maxFileMB) }
    }
}
