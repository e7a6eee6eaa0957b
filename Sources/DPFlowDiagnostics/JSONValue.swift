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
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// The document as UTF-8 bytes: written straight into one buffer, strings
    /// escaped by scanning their bytes and copying unescaped runs whole.
    public func bytes(indent: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, level: 0, indent: indent)
        if indent { out.append(0x0A) }
        return out
    }

    private static func pad(_ out: inout [UInt8], _ level: Int) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    private func write(into out: inout [UInt8], level: Int, indent: Bool) {
        switch self {
        case .string(let s): Self.escape(s, into: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)
            if indent { out.append(0x0A) }
            for (i, item) in items.enumerated() {
                if indent { Self.pad(&out, level + 1) }
                item.write(into: &out, level: level + 1, indent: indent)
                if i + 1 < items.count { out.append(0x2C) }
                if indent { out.append(0x0A) }
            }
            if indent { Self.pad(&out, level) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)
            if indent { out.append(0x0A) }
            for (i, (key, value)) in members.enumerated() {
                if indent { Self.pad(&out, level + 1) }
                Self.escape(key, into: &out)
                out.append(0x3A)
                if indent { out.append(0x20) }
                value.write(into: &out, level: level + 1, indent: indent)
                if i + 1 < members.count { out.append(0x2C) }
                if indent { out.append(0x0A) }
            }
            if indent { Self.pad(&out, level) }
            out.append(0x7D)
        }
    }

    /// RFC 8259 string escaping on UTF-8: quote, backslash and C0 controls
    /// escaped, U+2028 and U+2029 too (they end a line in JavaScript);
    /// everything else copied as it is, a run at a time.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            var i = 0
            let n = bytes.count
            func flush(_ end: Int) {
                if end > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            }
            while i < n {
                let b = bytes[i]
                var escaped: StaticString?
                var width = 1
                switch b {
                case 0x22: escaped = "\\\""
                case 0x5C: escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x08: escaped = "\\b"
                case 0x0C: escaped = "\\f"
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    flush(i)
                    out.append(contentsOf: (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                    start = i
                    continue
                default:
                    if b < 0x20 {
                        flush(i)
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        out.append(contentsOf: "\\u00".utf8)
                        out.append(hex[Int(b >> 4)])
                        out.append(hex[Int(b & 0xF)])
                        i += 1
                        start = i
                        continue
                    }
                    width = 0
                }
                if let escaped {
                    flush(i)
                    escaped.withUTF8Buffer { out.append(contentsOf: $0) }
                    i += width
                    start = i
                } else {
                    i += 1
                }
            }
            flush(n)
        }
        out.append(0x22)
    }

    /// Escapes into a `String` (for callers that build text).
    static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
