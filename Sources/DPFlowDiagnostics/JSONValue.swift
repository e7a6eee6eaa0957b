/// A small deterministic JSON document: keys in the order given, two-space
/// indentation, strings escaped per RFC 8259 (`JSONText`). For documents built
/// as values (diff, where, the map); check's reporters stream theirs with
/// `JSONWriter`, which this renders through, so both give the same bytes.
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

    /// The document as UTF-8 bytes, written straight into one buffer.
    public func bytes(indent: Bool = true) -> [UInt8] {
        var out = ByteStream()
        out.buffer.reserveCapacity(4096)
        out.writeJSON(indent: indent) { write(to: &$0) }
        return out.bytes
    }

    /// Writes the value at the writer's position.
    public func write(to json: inout JSONWriter) {
        switch self {
        case .string(let s): json.string(s)
        case .int(let i): json.int(i)
        case .bool(let b): json.bool(b)
        case .null: json.null()
        case .array(let items):
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
        case .object(let members):
            json.beginObject()
            for (key, value) in members {
                json.key(key)
                value.write(to: &json)
            }
            json.endObject()
        }
    }

    /// Escapes into a `String` (for callers that build text).
    static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        JSONText.escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
