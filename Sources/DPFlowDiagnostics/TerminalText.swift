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
///
/// The work is done on UTF-8 bytes (`appendVisible`): a byte below 0x80 is a
/// whole scalar, and only a scalar that starts with 0xC2, 0xD8 or 0xE2 can be
/// unsafe above it, so everything else is copied a run at a time.
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
        var s = s
        guard s.withUTF8({ firstUnsafe($0, from: 0) != nil }) else { return s }
        var out: [UInt8] = []
        appendVisible(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` made visible to `out`; bytes in `percentEncoding` (ASCII)
    /// are also written as `%XX` (GitHub's workflow commands).
    public static func appendVisible(_ s: String, into out: inout [UInt8], percentEncoding: ASCIISet = .empty) {
        var s = s
        s.withUTF8 { appendVisible($0, into: &out, percentEncoding: percentEncoding) }
    }

    public static func appendVisible(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], percentEncoding: ASCIISet = .empty) {
        var start = 0
        var i = 0
        let n = bytes.count
        let encodes = !percentEncoding.isEmpty
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x20 && b != 0x7F {
                    if encodes && percentEncoding.contains(b) {
                        if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                        out.append(0x25)
                        out.append(upperHexDigits[Int(b >> 4)])
                        out.append(upperHexDigits[Int(b & 0xF)])
                        start = i + 1
                    }
                    i += 1
                    continue
                }
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                appendEscape(UInt32(b), into: &out)
                i += 1
                start = i
                continue
            }
            let (scalar, width) = decode(bytes, at: i)
            if isUnsafe(scalar) {
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                appendEscape(scalar, into: &out)
                start = i + width
            }
            i += width
        }
        if n > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<n])) }
    }

    /// The offset of the first unsafe scalar at or after `from`, if any.
    static func firstUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { return i }
                i += 1
                continue
            }
            let (scalar, width) = decode(bytes, at: i)
            if isUnsafe(scalar) { return i }
            i += width
        }
        return nil
    }

    /// The scalar whose (valid, as in every Swift string) UTF-8 starts at `i`, and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(bytes[i])
        let n = bytes.count
        @inline(__always) func next(_ k: Int) -> UInt32 { i + k < n ? UInt32(bytes[i + k]) & 0x3F : 0 }
        if b < 0xE0 { return ((b & 0x1F) << 6 | next(1), 2) }
        if b < 0xF0 { return ((b & 0x0F) << 12 | next(1) << 6 | next(2), 3) }
        return ((b & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
    }

    /// `\u{HEX}`: upper-case hex, no leading zeros.
    static func appendEscape(_ v: UInt32, into out: inout [UInt8]) {
        out.append(contentsOf: "\\u{".utf8)
        var shift = 28
        while shift > 0 && (v >> UInt32(shift)) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            out.append(upperHexDigits[Int((v >> UInt32(shift)) & 0xF)])
            shift -= 4
        }
        out.append(0x7D)
    }

    /// Text of several lines (such as a usage message): each line made visible,
    /// the line breaks kept.
    public static func visibleLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n")
    }
}
