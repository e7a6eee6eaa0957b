/// Ids are lower-case kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
public enum Identifier {
    /// The same rule as `isValid`, as a regular expression (for the JSON Schema).
    public static let pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    public static func isValid(_ s: String) -> Bool {
        var previousDash = true  // no leading dash
        var any = false
        for c in s.utf8 {
            if c == UInt8(ascii: "-") {
                if previousDash { return false }
                previousDash = true
            } else if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                previousDash = false
                any = true
            } else {
                return false
            }
        }
        return any && !previousDash
    }

    /// The id a malformed one was probably meant to be: `Foo_Bar` -> `foo-bar`.
    public static func suggestion(for s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
