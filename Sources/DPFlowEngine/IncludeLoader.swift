import DPFlowDiagnostics
import DPFlowModel
import DPFlowYAML
import Foundation

/// (1.1) Loads the registries a file includes, for `ModelAssembler`: each
/// include resolved relative to the including file, kept inside the project,
/// checked for cycles, and read once per run however many programmes include it.
/// Every problem is an ST007 finding at the include, never an error that stops
/// the run.
final class IncludeLoader: @unchecked Sendable {
    /// Decoded files by canonical path: a registry included by ten programmes
    /// is read once. Shared by the tasks of a parallel load, under `lock`.
    private var cache: [String: LoadedProgramme] = [:]
    private let lock = NSLock()
    private let limits: LoadLimits

    init(limits: LoadLimits) { self.limits = limits }

    /// The project root for a file named on the command line: the nearest
    /// folder above it that holds `.git` or `.dpflow.yaml`, else its own folder.
    static func projectRoot(for file: String) -> String {
        let folder = canonical((file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent)
            ?? FileManager.default.currentDirectoryPath
        var dir = folder
        while true {
            for marker in [".git", ".dpflow.yaml"] where FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(marker)) {
                return dir
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return folder }
            dir = parent
        }
    }

    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Assembles `model` (declared in `file`) with what it includes.
    func assemble(_ model: ProgrammeModel, file: String, root: String, chain: [String] = []) -> (model: ProgrammeModel, findings: [Finding]) {
        guard !model.includes.isEmpty else { return (model, []) }
        var sink = FindingSink(file: file)
        var registries: [IncludedRegistry] = []
        let here = Self.canonical(file).map { chain + [$0] } ?? chain
        let folder = (file as NSString).deletingLastPathComponent
        for item in model.includes {
            let written = item.value
            func fail(_ message: String, _ fix: String) {
                sink.report(StructureRule.include, at: item.mark, path: "include", message, fix: fix)
            }
            if written.hasPrefix("/") || written.hasPrefix("~") {
                fail("include '\(written)' is an absolute path: includes are relative to the including file, inside the project",
                     "write the path relative to this file, e.g. 'registry/department.yaml'")
                continue
            }
            let shown = Self.normalise(folder.isEmpty ? written : "\(folder)/\(written)")
            guard let real = Self.canonical(shown) else {
                fail("include '\(written)' names no file (looked for \(shown))", "correct the path, relative to this file")
                continue
            }
            guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                fail("include '\(written)' leaves the project (\(root))", "keep registries inside the project, below the folder that holds .git or .dpflow.yaml")
                continue
            }
            if here.contains(real) {
                fail("include '\(written)' makes a cycle: \(here.map { ($0 as NSString).lastPathComponent }.joined(separator: " -> ")) -> \((real as NSString).lastPathComponent)",
                     "remove one of the includes; a registry cannot include what includes it")
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else {
                fail("include '\(written)' is a folder, not a registry file", "name the registry file")
                continue
            }
            let loaded: LoadedProgramme
            lock.lock()
            let cached = cache[real]
            lock.unlock()
            if let cached {
                loaded = cached
            } else {
                let session = ProgrammeLoader.DecodeSession(file: shown)
                guard let result = YAMLLoader.load(path: real, file: shown, limits: limits, handOff: session.handOff) else {
                    fail("include '\(written)' cannot be read", "check the file's permissions")
                    continue
                }
                loaded = ProgrammeLoader.finishDecoding(result, session, file: shown)
                lock.lock()
                cache[real] = loaded
                lock.unlock()
            }
            sink.append(contentsOf: loaded.findings)
            guard var registry = loaded.model else { continue }
            guard registry.isRegistry else {
                fail("include '\(written)' is a programme file, not a registry: only registries can be included",
                     "move the shared entities into a registry file ('registry:' at its top) and include that")
                continue
            }
            let nested = assemble(registry, file: shown, root: root, chain: here)
            registry = nested.model
            sink.append(contentsOf: nested.findings)
            registries.append(IncludedRegistry(item: item, file: shown, model: registry))
        }
        let assembled = ModelAssembler.assemble(model, including: registries)
        sink.append(contentsOf: assembled.findings)
        return (assembled.model, sink.findings)
    }

    /// `a/./b/../c` -> `a/c`, kept relative as written (paths are shown as given).
    static func normalise(_ path: String) -> String { RelativePath.normalise(path) }
}
