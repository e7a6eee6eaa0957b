/// Escaping of text for XML 1.0 content and attribute values, shared by every
/// XML output (JUnit, checkstyle, the DOCX parts). Markup characters become
/// entities; characters XML 1.0 forbids never reach the output. One escaper,
/// on UTF-8 bytes: it scans for the few bytes that need work and copies the
/// runs between them whole.
public enum XMLText {
    /// What to do with tab, line feed, carriage return and other C0 controls.
    public enum Controls: Sendable {
        /// Tab, LF and CR as character references (they survive in attributes);
        /// other controls dropped. For JUnit, whose messages are attributes.
        case characterReferences
        /// Tab kept; every other control (LF and CR included) becomes a space.
        /// For DOCX runs, where a line break is a separate element.
        case spaces
    }

    public static func escape(_ s: String, controls: Controls) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        escape(s, controls: controls, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` escaped to `out`.
    public static func escape(_ s: String, controls: Controls, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escape($0, controls: controls, into: &out) }
    }

    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, controls: Controls, into out: inout [UInt8]) {
        let references = controls == .characterReferences
        var start = 0
        var i = 0
        let n = bytes.count
        @inline(__always) func flush(_ end: Int) {
            if end > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
        }
        while i < n {
            let b = bytes[i]
            // Only controls, & < > " ' and the lead byte of U+FFFE/U+FFFF need work.
            if b >= 0x28 && b != 0x3C && b != 0x3E && b != 0xEF {
                i += 1
                continue
            }
            var replacement: StaticString?
            var width = 1
            switch b {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27 where references: replacement = "&apos;"
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters: dropped.
                guard i + 2 < n && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) else {
                    i += 1
                    continue
                }
                replacement = ""
                width = 3
            case 0x00..<0x20:
                if references {
                    switch b {
                    case 0x0A: replacement = "&#10;"
                    case 0x09: replacement = "&#9;"
                    case 0x0D: replacement = "&#13;"
                    default: replacement = ""
                    }
                } else {
                    if b == 0x09 {
                        i += 1
                        continue
                    }
                    replacement = " "
                }
            default:
                i += 1
                continue
            }
            flush(i)
            replacement?.withUTF8Buffer { out.append(contentsOf: $0) }
            i += width
            start = i
        }
        flush(n)
    }
}
