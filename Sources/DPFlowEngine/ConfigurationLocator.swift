import DPFlowDiagnostics
import DPFlowRules
import DPFlowYAML
import Foundation

/// Finds and reads the configuration: `--config FILE`, else `.dpflow.yaml` in
/// the working directory or the nearest parent that has one, else defaults.
public enum ConfigurationLocator {
    public static let fileName = ".dpflow.yaml"

    /// `ignore` is `--no-config`: the defaults, whatever files there are.
    public static func load(explicit: String?, ignore: Bool = false) throws(EngineError) -> RuleConfiguration {
        if ignore {
            if explicit != nil { throw EngineError("give --config FILE or --no-config, not both") }
            return .standard
        }
        let path: String
        if let explicit {
            path = explicit
        } else if let found = search(from: FileManager.default.currentDirectoryPath) {
            path = found
        } else {
            return .standard
        }
        // Read as flow files are (InputFile): a FIFO planted as .dpflow.yaml in a
        // parent folder cannot hang every run.
        let data: [UInt8]
        do {
            data = try InputFile.contents(of: path)
        } catch {
            throw EngineError("cannot read configuration \(TerminalText.visible(path)): \(error.message)")
        }
        do {
            return try ConfigurationLoader.load(bytes: data, file: path)
        } catch {
            throw EngineError("invalid configuration: \(error.message)")
        }
    }

    /// The nearest `.dpflow.yaml`, as a path relative to `directory`
    /// (`.dpflow.yaml`, `../.dpflow.yaml`, ...): no absolute path of the machine
    /// in the output.
    static func search(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        var up = 0
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) {
                return String(repeating: "../", count: up) + fileName
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
            up += 1
        }
    }
}
