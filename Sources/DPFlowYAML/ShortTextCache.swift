/// The texts of short scalars, made once and reused: a flow file repeats its
/// keys (`from`, `to`, `period`, ...) and many values (`delete`, `true`,
/// `GB`, party ids) hundreds of thousands of times, and making a `String`
/// from bytes (validating them) costs more than finding it here.
///
/// A direct-mapped table of 4,096 slots keyed by the bytes themselves (up to
/// 15, which Swift stores inline, with no allocation): a slot is replaced
/// when another text hashes to it, so the table never grows. What it returns
/// is always the text of exactly those bytes, cached or not.
struct ShortTextCache {
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// Length + 1 (0: empty).
        var length: Int = 0
        var text = ""
    }

    private static let slotCount = 4096
    private var slots = [Slot](repeating: Slot(), count: slotCount)

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        guard n <= 15, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        // The bytes, zero-padded, as two words.
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.baseAddress?.copyMemory(from: base, byteCount: n) }
        let hash = (words.0 &* 0x9E37_79B9_7F4A_7C15) ^ (words.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        let index = Int(truncatingIfNeeded: (hash ^ (hash >> 29)) & UInt64(Self.slotCount - 1))
        return slots.withUnsafeMutableBufferPointer { table in
            if table[index].length == n + 1, table[index].low == words.0, table[index].high == words.1 { return table[index].text }
            let text = String(decoding: bytes, as: UTF8.self)
            table[index] = Slot(low: words.0, high: words.1, length: n + 1, text: text)
            return text
        }
    }
}
