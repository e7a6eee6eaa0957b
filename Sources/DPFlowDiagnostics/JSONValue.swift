/// A small deterministic JSON writer: keys in the order given, two-space
/// indentation, strings escaped per RFC 8259. Reporters build `JSONValue`s.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    public func rendered(indent: Bool = true) -> String {
        var out = ""
        write(into: &out, level: 0, indent: indent)
        if indent { out += "\n" }
        return out
    }

    private func write(into out: inout String, level: Int, indent: Bool) {
        let nl = indent ? "\n" : ""
        let pad = indent ? String(repeating: "  ", count: level + 1) : ""
        let closePad = indent ? String(repeating: "  ", count: level) : ""
        let sep = indent ? ": " : ":"
        switch self {
        case .string(let s): Self.escape(s, into: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + nl
            for (i, item) in items.enumerated() {
                out += pad
                item.write(into: &out, level: level + 1, indent: indent)
                out += (i + 1 < items.count ? "," : "") + nl
            }
            out += closePad + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (i, (key, value)) in members.enumerated() {
                out += pad
                Self.escape(key, into: &out)
                out += sep
                value.write(into: &out, level: level + 1, indent: indent)
                out += (i + 1 < members.count ? "," : "") + nl
            }
            out += closePad + "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
