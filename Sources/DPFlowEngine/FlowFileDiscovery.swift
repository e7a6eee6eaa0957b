import DPFlowDiagnostics
import DPFlowYAML
import Foundation

/// Finds the flow files named on a command line: files as given, and folders
/// searched (recursively, hidden entries skipped) for `*.yaml` and `*.yml`.
/// Paths are kept as the user wrote them, so output shows them the same way.
public enum FlowFileDiscovery {
    /// What `select` found: the flow files to check, and the YAML files passed
    /// over because they are not flow files or match an exclude glob.
    public struct Selection: Sendable, Equatable {
        public var files: [String] = []
        /// YAML files with no top-level `dpflow` key (CLI.md "Which files are flow files").
        public var notFlowFiles: [String] = []
        /// Files matched by an `--exclude` glob.
        public var excluded: [String] = []
    }

    /// The standard input, named on the command line as `-`.
    public static let standardInput = "-"

    /// Chooses the flow files among `paths` (CLI.md "Which files are flow files"):
    /// a YAML file found while searching a folder is skipped when it has no
    /// `dpflow` key; a file named explicitly is checked whatever it holds (and
    /// is ST005 without the key), unless `probeNamedFiles` (the pre-commit hook,
    /// which passes every changed YAML file) asks that named files be treated
    /// as found ones. `excludes` are globs matched against each path as shown
    /// and against its part below the searched folder. `-` is the standard input.
    public static func select(paths: [String], excludes: [String] = [], probeNamedFiles: Bool = false) throws(EngineError) -> Selection {
        var selection = Selection()
        for candidate in try candidates(for: paths) {
            if candidate.path == standardInput {
                selection.files.append(candidate.path)
                continue
            }
            if excludes.contains(where: { Glob.matches($0, candidate.path) || Glob.matches($0, candidate.relative) }) {
                selection.excluded.append(candidate.path)
                continue
            }
            if candidate.named && !probeNamedFiles {
                selection.files.append(candidate.path)
            } else if FlowFileProbe.probe(path: candidate.path) == .notFlowFile {
                selection.notFlowFiles.append(candidate.path)
            } else {
                selection.files.append(candidate.path)
            }
        }
        return selection
    }

    /// Every candidate file: named ones and the YAML files in named folders.
    public static func files(for paths: [String]) throws(EngineError) -> [String] {
        try candidates(for: paths).map(\.path)
    }

    struct Candidate {
        let path: String
        /// Below the folder searched (the path itself when named).
        let relative: String
        let named: Bool
    }

    static func candidates(for paths: [String]) throws(EngineError) -> [Candidate] {
        var out: [Candidate] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            // Standard input, named explicitly (read with the byte limit).
            if path == standardInput {
                if seen.insert(path).inserted { out.append(Candidate(path: path, relative: path, named: true)) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw EngineError("no such file or folder: \(TerminalText.visible(path))")
            }
            if isDirectory.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let found = try flowFiles(under: path)
                for f in found where seen.insert(f).inserted {
                    let relative = f.hasPrefix(base + "/") ? String(f.dropFirst(base.count + 1)) : f
                    out.append(Candidate(path: f, relative: relative, named: false))
                }
            } else if seen.insert(path).inserted {
                out.append(Candidate(path: path, relative: path, named: true))
            }
        }
        return out
    }

    /// Regular files only, and no link out of the folder (FolderScan).
    static func flowFiles(under folder: String) throws(EngineError) -> [String] {
        guard let scan = FolderScan.scan(folder) else {
            throw EngineError("cannot read folder: \(folder)")
        }
        FolderScan.reportSkipped(scan)
        return scan.files
    }
}

/// Shell-style globs for `--exclude` (fnmatch(3)): `*` and `?` match any
/// character including `/`, so `drafts/*` excludes everything under drafts;
/// `[...]` classes as fnmatch has them. A leading `./` on either side is ignored.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        func trimmed(_ s: String) -> String {
            var s = s
            while s.hasPrefix("./") { s.removeFirst(2) }
            return s
        }
        return fnmatch(trimmed(pattern), trimmed(path), 0) == 0
    }
}
