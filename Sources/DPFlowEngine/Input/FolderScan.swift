import DPFlowDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches a folder for flow files (`*.yaml`, `*.yml`; hidden entries
/// skipped) without being led out of it or stopped by what is in it:
///
/// - entries are examined with lstat, never followed blindly: a regular file is
///   taken; a FIFO, device or socket named `x.yaml` is skipped (never opened, so
///   a FIFO with no writer cannot hang the run);
/// - a symbolic link is taken only when it resolves to a regular file inside
///   the folder: one that points outside (say to ~/.ssh/config) is skipped, so
///   a checked-out repository cannot make dpflow read and echo a file elsewhere;
/// - linked folders are not descended into (as `find` does by default), so a
///   link cannot lead out of the folder or round in a loop;
/// - the walk keeps its own stack, so a deep tree cannot overflow the stack.
///
/// Each skipped file is named on stderr with the reason.
public enum FolderScan {
    public struct Result: Sendable {
        public var files: [String] = []
        /// Path and reason of each candidate left out.
        public var skipped: [(path: String, reason: String)] = []
    }

    public static func scan(_ folder: String) -> Result? {
        let base = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let root = realPath(base) else { return nil }
        var result = Result()
        var pending = [base]
        var first = true
        while let dir = pending.popLast() {
            guard let names = entries(of: dir) else {
                if first { return nil }
                result.skipped.append((dir, "the folder cannot be read"))
                continue
            }
            first = false
            for name in names where !name.hasPrefix(".") {
                let full = dir == "/" ? "/" + name : dir + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    pending.append(full)
                    continue
                }
                guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
                switch kind {
                case S_IFREG:
                    result.files.append(full)
                case S_IFLNK:
                    var target = stat()
                    guard let resolved = realPath(full), stat(full, &target) == 0 else {
                        result.skipped.append((full, "a symbolic link to nothing"))
                        continue
                    }
                    if !(resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/")) {
                        result.skipped.append((full, "a symbolic link to a file outside \(base)"))
                    } else if target.st_mode & S_IFMT != S_IFREG {
                        result.skipped.append((full, "a symbolic link to something that is not a regular file"))
                    } else {
                        result.files.append(full)
                    }
                case S_IFIFO:
                    result.skipped.append((full, "a FIFO (named pipe), not a regular file"))
                case S_IFCHR, S_IFBLK:
                    result.skipped.append((full, "a device, not a regular file"))
                default:
                    result.skipped.append((full, "not a regular file"))
                }
            }
        }
        result.files.sort()
        result.skipped.sort { $0.path < $1.path }
        return result
    }

    /// Writes one line per skipped file to stderr.
    public static func reportSkipped(_ result: Result) {
        for s in result.skipped {
            StandardStreams.writeError("dpflow: skipped \(TerminalText.visible(s.path)): \(s.reason)\n")
        }
    }

    static func entries(of dir: String) -> [String]? {
        guard let d = opendir(dir) else { return nil }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
