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
            // Standard input, named explicitly (read with the byte limit: InputFile).
            if path == "-" {
                if seen.insert(path).inserted { out.append(path) }
                continue
            }
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

    /// Regular files only, and no link out of the folder (FolderScan).
    static func flowFiles(under folder: String) throws(EngineError) -> [String] {
        guard let scan = FolderScan.scan(folder) else {
            throw EngineError("cannot read folder: \(folder)")
        }
        FolderScan.reportSkipped(scan)
        return scan.files
    }
}
