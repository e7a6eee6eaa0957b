/// Output as UTF-8 bytes: writers append to `buffer`, and once it holds a
/// chunk (64 KiB) it is handed to the sink (standard output, or the temporary
/// file of a safe write), so no output is ever built whole as one `String`.
/// Without a sink the bytes are simply collected (`bytes`).
///
/// A sink that fails (a closed pipe, a full disk) records its errno in
/// `failure`; later output is then dropped, and the caller reports the failure
/// once the writer is done (`finish`).
public struct ByteStream {
    /// Writes one chunk in full; returns nil, or the errno of a failure.
    public typealias Sink = (UnsafeRawBufferPointer) -> Int32?

    public static let chunkSize = 65_536

    /// The bytes not yet handed to the sink. Writers append to it directly
    /// (escapers copy unescaped runs whole), then call `flushIfFull`.
    public var buffer: [UInt8] = []
    private let sink: Sink?
    private let chunk: Int
    /// The errno of the first failed write, if any.
    public private(set) var failure: Int32?

    /// A stream that collects its bytes in memory.
    public init() {
        sink = nil
        chunk = .max
    }

    /// A stream that hands each full chunk (about `chunk` bytes) to `sink`.
    public init(chunk: Int = ByteStream.chunkSize, sink: @escaping Sink) {
        self.sink = sink
        self.chunk = max(1, chunk)
        buffer.reserveCapacity(self.chunk + self.chunk / 4)
    }

    /// Everything written, for a stream without a sink.
    public var bytes: [UInt8] { buffer }

    @inline(__always)
    public mutating func append(_ byte: UInt8) { buffer.append(byte) }

    @inline(__always)
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    public mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// An integer in decimal, as `String(n)` writes it.
    public mutating func appendDecimal(_ n: Int) {
        if n >= 0 && n < 10 {
            buffer.append(0x30 + UInt8(n))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var magnitude = n.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[23 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            if n < 0 { buffer.append(0x2D) }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(24 - count)...]))
        }
    }

    /// Hands the buffer to the sink once it holds a chunk.
    @inline(__always)
    public mutating func flushIfFull() {
        if buffer.count >= chunk { flush() }
    }

    /// Hands whatever is buffered to the sink (dropped after a failure).
    public mutating func flush() {
        guard let sink, !buffer.isEmpty else { return }
        if failure == nil {
            failure = buffer.withUnsafeBytes { sink($0) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes the rest; returns the errno of the first failure, or nil.
    public mutating func finish() -> Int32? {
        flush()
        return failure
    }
}

/// A set of ASCII bytes, tested with two 64-bit masks (for byte escapers).
public struct ASCIISet: Sendable {
    let low: UInt64
    let high: UInt64

    public static let empty = ASCIISet(low: 0, high: 0)

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    public init(_ members: StaticString) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        members.withUTF8Buffer { bytes in
            for b in bytes where b < 0x80 {
                if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
            }
        }
        self.init(low: low, high: high)
    }

    @inline(__always)
    public func contains(_ b: UInt8) -> Bool {
        b < 64 ? (low >> UInt64(b)) & 1 == 1 : (b < 128 && (high >> UInt64(b - 64)) & 1 == 1)
    }

    public var isEmpty: Bool { low == 0 && high == 0 }
}

/// Upper-case hexadecimal digits, for the escapers.
@usableFromInline
let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

extension ByteStream {
    /// `%XX` (upper-case hex) for `byte`.
    @inline(__always)
    public mutating func appendPercentEncoded(_ byte: UInt8) {
        buffer.append(0x25)
        buffer.append(upperHexDigits[Int(byte >> 4)])
        buffer.append(upperHexDigits[Int(byte & 0xF)])
    }

    /// `s` with every byte in `set` as `%XX` and everything else copied, a run at a time.
    public mutating func appendPercentEncoding(_ s: String, _ set: ASCIISet) {
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count where set.contains(bytes[i]) {
                if i > start { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                appendPercentEncoded(bytes[i])
                start = i + 1
            }
            if bytes.count > start { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }
}
