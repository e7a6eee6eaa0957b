@testable import DPFlowYAML
import Testing

@Suite("Short scalar texts made once")
struct ShortTextCacheTests {
    /// Whatever is cached, evicted or collides, the text is that of the bytes.
    @Test func theTextIsAlwaysThatOfTheBytes() {
        var cache = ShortTextCache()
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghij-0123456789".utf8) + Array("é£€😀".utf8)
        var samples: [[UInt8]] = [[], Array("from".utf8), Array("to".utf8), Array("period".utf8), Array("fifteen-bytes!!".utf8),
                                  Array("sixteen-bytes-ok".utf8), Array("a\u{0}b".utf8)]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...18, using: &rng)
            samples.append((0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
        }
        for round in 0..<3 {
            for bytes in samples {
                let got = bytes.withUnsafeBufferPointer { cache.text($0) }
                #expect(Array(got.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "round \(round): \(bytes)")
            }
        }
    }
}
