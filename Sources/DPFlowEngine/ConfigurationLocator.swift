import DPFlowRules
import Foundation

/// Finds and reads the configuration: `--config FILE`, else `.dpflow.yaml` in
/// the working directory or the nearest parent that has one, else defaults.
public enum ConfigurationLocator {
    public static let fileName = ".dpflow.yaml"

    public static func load(explicit: String?) throws(EngineError) -> RuleConfiguration {
        let path: String
        if let explicit {
            path = explicit
        } else if let found = search(from: FileManager.default.currentDirectoryPath) {
            path = found
        } else {
            return .standard
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError("cannot read configuration \(path)")
        }
        do {
            return try ConfigurationLoader.load(bytes: [UInt8](data), file: path)
        } catch {
            throw EngineError("invalid configuration: \(error.message)")
        }
    }

    static func search(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) {
                // Shown relative when it is in the working directory.
                return dir.path == URL(fileURLWithPath: directory).standardizedFileURL.path ? fileName : candidate
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }
}
