/// An RFC 4180 CSV field with cells a spreadsheet would read as a formula
/// neutralised: the Article 30 records and `where --format csv` write their
/// cells through this one function.
public enum CSVText {
    public static func cell(_ raw: String) -> String {
        var value = raw
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        if value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        return value
    }
}

/// Paths compared as written: `a/./b/../c` is `a/c`, kept relative (paths are
/// shown as given), so an include's `../registry/x.yaml` and a scanned folder's
/// `Flows/registry/x.yaml` name the same file.
public enum RelativePath {
    public static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
