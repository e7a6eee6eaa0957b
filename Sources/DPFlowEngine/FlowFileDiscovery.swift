import Foundation

/// Finds the flow files named on a command line: files as given, and folders
/// searched (recursively, hidden entries skipped) for `*.yaml` and `*.yml`.
/// Paths are kept as the user wrote them, so output shows them the same way.
public enum FlowFileDiscovery {
    public static func files(for paths: [String]) throws(EngineError) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw EngineError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let found = try flowFiles(under: path)
                for f in found where seen.insert(f).inserted { out.append(f) }
            } else if seen.insert(path).inserted {
                out.append(path)
            }
        }
        return out
    }

    static func flowFiles(under folder: String) throws(EngineError) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let e = FileManager.default.enumerator(atPath: base) else {
            throw EngineError("cannot read folder: \(folder)")
        }
        var found: [String] = []
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") {
                e.skipDescendants()
                continue
            }
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let full = base.isEmpty ? rel : "\(base)/\(rel)"
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    found.append(full)
                }
            }
        }
        return found.sorted()
    }
}
