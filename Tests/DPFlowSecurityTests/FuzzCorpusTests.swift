import DPFlowEngine
import Foundation
import Testing

/// The committed fuzz corpus (Fuzz/corpus) as regression inputs, through the
/// same entry point as the libFuzzer target (Fuzz/Sources/DPFlowFuzz), in the
/// normal build: an input that once crashed, hung or blew up stays fixed.
@Suite("Fuzz corpus regression")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    @Test func everyCorpusInputRunsThroughTheFuzzEntryDeterministically() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count >= 10)
        var loaded = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
            let first = FuzzEntry.run(bytes)
            let second = FuzzEntry.run(bytes)
            #expect(first.findings == second.findings && first.outputBytes == second.outputBytes, "\(name) is not deterministic")
            #expect(first.findings <= 1000, "\(name): findings are capped")
            if first.loaded { loaded += 1 }
        }
        // The seeds include whole programmes, so the report model and DOT are reached.
        #expect(loaded >= 3)
    }
}
