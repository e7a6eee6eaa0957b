/// The one sanitiser for text that a person reads on a terminal or in a CI log
/// (check's text and github formats, trace, diff, messages on stderr).
///
/// Names, paths and messages come from flow files and file names that an
/// attacker may write. Printed raw, a control character can move the cursor,
/// retitle the terminal (OSC), ring the bell, rewrite the line (CR, backspace),
/// start a new line that looks like a finding or a CI workflow command
/// (`::set-env`), or reorder what is shown (bidi overrides, "Trojan Source").
/// `visible` shows each such character as a visible escape instead, so what is
/// printed is exactly what the file says, and nothing more:
///
/// - C0 controls (U+0000-U+001F, including tab, CR and LF), DEL (U+007F) and
///   C1 controls (U+0080-U+009F, such as U+009B, the one-byte CSI)
/// - bidirectional formatting (U+061C, U+200E, U+200F, U+202A-U+202E,
///   U+2066-U+2069) and the line and paragraph separators (U+2028, U+2029)
///
/// become `\u{1B}`-style escapes (hex, upper case), which are plain ASCII.
public enum TerminalText {
    /// True for a scalar that must not reach a terminal raw.
    @inline(__always)
    public static func isUnsafe(_ v: UInt32) -> Bool {
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v < 0x61C { return false }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `s` with every unsafe scalar shown as a visible escape. One line in, one
    /// line out: a newline becomes `\u{A}`.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isUnsafe($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isUnsafe(scalar.value) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Text of several lines (such as a usage message): each line made visible,
    /// the line breaks kept.
    public static func visibleLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n")
    }
}
