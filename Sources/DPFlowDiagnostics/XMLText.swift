/// Escaping of text for XML 1.0 content and attribute values, shared by every
/// XML output (JUnit, the DOCX parts). Markup characters become entities;
/// characters XML 1.0 forbids never reach the output.
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
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where controls == .characterReferences: out += "&apos;"
            default:
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                guard u.value < 0x20 else {
                    out.unicodeScalars.append(u)
                    continue
                }
                switch controls {
                case .characterReferences:
                    switch u {
                    case "\n": out += "&#10;"
                    case "\t": out += "&#9;"
                    case "\r": out += "&#13;"
                    default: continue
                    }
                case .spaces:
                    out += u == "\t" ? "\t" : " "
                }
            }
        }
        return out
    }
}
