/// JSON written straight to a `ByteStream`, with nothing built in between:
/// keys in the order written, two-space indentation (or none), strings escaped
/// by `JSONText`. `JSONValue` renders through it, so a streamed document and a
/// `JSONValue` of the same shape are the same bytes.
///
///     out.writeJSON { json in
///         json.beginObject()
///         json.key("version"); json.int(1)
///         json.endObject()
///     }
public struct JSONWriter {
    public var out: ByteStream
    private let indent: Bool
    private var depth = 0
    /// No value yet in the innermost open array or object.
    private var first = true
    /// A key was just written: the next value is its value, not a new member.
    private var afterKey = false

    init(out: ByteStream, indent: Bool) {
        self.out = out
        self.indent = indent
    }

    /// The comma, line break and indentation before a value or key.
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !first { out.buffer.append(0x2C) }
        first = false
        if indent {
            out.buffer.append(0x0A)
            out.buffer.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !first && indent {
            out.buffer.append(0x0A)
            out.buffer.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        out.buffer.append(bracket)
        first = false
        out.flushIfFull()
    }

    public mutating func beginObject() {
        separate()
        out.buffer.append(0x7B)
        depth += 1
        first = true
    }

    public mutating func endObject() { close(0x7D) }

    public mutating func beginArray() {
        separate()
        out.buffer.append(0x5B)
        depth += 1
        first = true
    }

    public mutating func endArray() { close(0x5D) }

    /// A member's key; its value is whatever is written next.
    public mutating func key(_ k: String) {
        separate()
        JSONText.escape(k, into: &out.buffer)
        out.buffer.append(0x3A)
        if indent { out.buffer.append(0x20) }
        afterKey = true
    }

    public mutating func string(_ s: String) {
        separate()
        JSONText.escape(s, into: &out.buffer)
    }

    public mutating func int(_ n: Int) {
        separate()
        out.appendDecimal(n)
    }

    public mutating func bool(_ b: Bool) {
        separate()
        out.append(b ? "true" : "false")
    }

    public mutating func null() {
        separate()
        out.append("null")
    }

    /// A string value written in parts (`part`), escaped as one string would be.
    public mutating func beginString() {
        separate()
        out.buffer.append(0x22)
    }

    public mutating func part(_ s: String) { JSONText.escapeContents(s, into: &out.buffer) }

    public mutating func endString() { out.buffer.append(0x22) }

    /// A key and its string value.
    public mutating func member(_ k: String, _ value: String) {
        key(k)
        string(value)
    }

    /// A key and its integer value.
    public mutating func member(_ k: String, _ value: Int) {
        key(k)
        int(value)
    }

    /// A key whose value is an object written by `body`.
    public mutating func object(_ k: String, _ body: (inout JSONWriter) -> Void) {
        key(k)
        beginObject()
        body(&self)
        endObject()
    }

    /// A key whose value is an array written by `body`.
    public mutating func array(_ k: String, _ body: (inout JSONWriter) -> Void) {
        key(k)
        beginArray()
        body(&self)
        endArray()
    }
}

extension ByteStream {
    /// Writes one JSON document with `body`, then a final line break when indented.
    public mutating func writeJSON(indent: Bool = true, _ body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(out: self, indent: indent)
        self = ByteStream()  // the writer holds the only reference to the buffer
        body(&writer)
        if indent { writer.out.buffer.append(0x0A) }
        self = writer.out
        flushIfFull()
    }
}

/// RFC 8259 string escaping on UTF-8, the one JSON escaper: quote, backslash
/// and C0 controls escaped, U+2028 and U+2029 too (they end a line in
/// JavaScript); everything else copied as it is, a run at a time.
public enum JSONText {
    /// `s` as a JSON string, quotes included.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        escapeContents(s, into: &out)
        out.append(0x22)
    }

    /// `s` escaped, without the quotes.
    public static func escapeContents(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escapeContents($0, into: &out) }
    }

    static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)

    public static func escapeContents(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            // The common case: a byte copied as it is.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                i += 1
                continue
            }
            var escaped: StaticString
            var width = 1
            switch b {
            case 0x22: escaped = "\\\""
            case 0x5C: escaped = "\\\\"
            case 0x0A: escaped = "\\n"
            case 0x0D: escaped = "\\r"
            case 0x09: escaped = "\\t"
            case 0x08: escaped = "\\b"
            case 0x0C: escaped = "\\f"
            case 0xE2:
                guard i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) else {
                    i += 1
                    continue
                }
                escaped = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                // Other C0 controls.
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                out.append(contentsOf: "\\u00".utf8)
                out.append(lowerHex[Int(b >> 4)])
                out.append(lowerHex[Int(b & 0xF)])
                i += 1
                start = i
                continue
            }
            if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            escaped.withUTF8Buffer { out.append(contentsOf: $0) }
            i += width
            start = i
        }
        if n > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<n])) }
    }
}
