/// Escaping for DOT. Every user string goes through here: names with quotes,
/// backslashes, braces, newlines or HTML survive as text.
enum DOTText {
    /// For HTML-like labels (`label=<...>`): &, <, >, quotes escaped; newlines
    /// become line breaks; other control characters become spaces.
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br/>"
            case "\r", "\t": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) {
                    out += " "
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// For quoted DOT strings (`"..."`): backslashes and quotes escaped, newlines as \n.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// Shortens a string for a label, with an ellipsis.
    static func abbreviate(_ s: String, to limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(max(1, limit - 1))) + "…"
    }

    /// HTML-escaped text broken into lines of about `width` characters at
    /// spaces (never inside a word), joined with `<br/>`: narrow boxes make a
    /// diagram that fits a page.
    static func wrapped(_ s: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map(html).joined(separator: "<br/>")
    }
}
