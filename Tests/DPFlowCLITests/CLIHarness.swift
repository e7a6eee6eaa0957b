import Foundation
import Testing

/// Spawns the built `dpflow` binary, as a user or CI would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (swift build puts both in one folder).
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dpflow"),
            Bundle.main.bundleURL.appendingPathComponent("dpflow"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dpflow"),
            packageRoot.appendingPathComponent(".build/debug/dpflow"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }()

    static func run(
        _ args: [String], in directory: URL = packageRoot, environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = args
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Homes for Ukraine as files to put in a scratch folder: the programme at
    /// `name` and the registry it includes beside it.
    static func example(as name: String) throws -> [String: String] {
        func read(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: packageRoot.appendingPathComponent(path)), as: UTF8.self)
        }
        let folder = (name as NSString).deletingLastPathComponent
        return [
            name: try read("Flows/homes-for-ukraine.yaml"),
            (folder.isEmpty ? "" : folder + "/") + "registry/department.yaml": try read("Flows/registry/department.yaml"),
        ]
    }

    /// A fresh temporary folder with the given files.
    static func scratch(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }
}
