import DPFlowDiagnostics
import Testing

@testable import DPFlowYAML

/// Issue 13 part 4: each load limit counts what it says, and its ST006 names it.
@Suite("Load limits")
struct LoadLimitTests {
    private func load(_ text: String, _ limits: LoadLimits) -> LoadResult {
        YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml", limits: limits)
    }

    /// 2,000 flows of about 10 nodes each, no alias.
    private static let aliasFree = "dpflow: 1\nflows:\n" + (0..<2_000).map {
        "  f\($0): {from: a, to: b, data: [contact, health], purpose: p\($0)}\n"
    }.joined()

    @Test func aLargeAliasFreeDocumentPassesASmallAliasExpansionLimit() {
        let r = load(Self.aliasFree, LoadLimits(maxAliasExpansion: 10))
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
        #expect(r.root?.pairs?.count == 2)
    }

    @Test func aliasesCountTheirAnchorsWeightEachTimeTheyAreUsed() {
        // The anchor is 5 nodes (a mapping of two pairs); each use adds 5.
        let base = "d: &d {x: 1, y: 2}\n"
        let twice = base + "a: *d\nb: *d\n"
        #expect(load(twice, LoadLimits(maxAliasExpansion: 10)).findings.isEmpty)
        let thrice = twice + "c: *d\n"
        let r = load(thrice, LoadLimits(maxAliasExpansion: 10))
        #expect(r.findings.map(\.rule) == ["ST006"])
        #expect(r.findings.first?.line == 4)
        #expect(r.findings.first?.message == "aliases expand to more than 10 nodes, the limit (max-alias-expansion)")
        // A merge key applying an alias counts the same way.
        let merged = base + "a: {<<: *d, z: 3}\nb: {<<: *d}\nc: {<<: *d}\n"
        #expect(load(merged, LoadLimits(maxAliasExpansion: 10)).findings.map(\.rule) == ["ST006"])
    }

    @Test func billionLaughsIsStoppedNamingMaxAliasExpansion() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1...9 {
            lines.append("a\(i): &a\(i) [\(Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", "))]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        // Far fewer nodes are written than the default node limit: only the expansion stops it.
        let r = load(text, .standard)
        let f = try #require(r.findings.first)
        #expect(f.rule == "ST006")
        #expect(f.message == "aliases expand to more than 5,000,000 nodes, the limit (max-alias-expansion)")
        #expect(f.fix.contains("`load-limits: {max-alias-expansion: 10000000}` in .dpflow.yaml"), "\(f.fix)")
        #expect(r.root == nil)
        // Raising the limit to its ceiling does not let it through either.
        let raised = load(text, LoadLimits(maxAliasExpansion: LoadLimits.Key.maxAliasExpansion.ceiling))
        #expect(raised.findings.first?.message.contains("(max-alias-expansion)") == true)
        #expect(raised.findings.first?.fix.contains("already at its ceiling of 100000000") == true)
    }

    @Test func theNodeLimitCountsNodesWrittenAndNamesMaxNodes() throws {
        // 24,005 nodes: 5 for the top, 12 a flow (key, mapping, four pairs, the list and its two items).
        let r = load(Self.aliasFree, LoadLimits(maxNodes: 1_000))
        let f = try #require(r.findings.first)
        #expect(r.findings.map(\.rule) == ["ST006"])
        #expect(f.message == "the file has more than 1,000 nodes, the limit (max-nodes)")
        #expect(f.fix == "split the programme into smaller files, or raise the limit: `load-limits: {max-nodes: 2000}` in .dpflow.yaml")
        #expect(f.path.hasPrefix("flows."))
        #expect(load(Self.aliasFree, LoadLimits(maxNodes: 40_000)).findings.isEmpty)
        // An alias is one node written, whatever it stands for.
        let aliased = "d: &d [1, 2, 3, 4, 5, 6, 7, 8]\n" + (0..<10).map { "a\($0): *d\n" }.joined()
        #expect(load(aliased, LoadLimits(maxNodes: 31)).findings.isEmpty)  // 2 + 9 + 10 x 2
        #expect(load(aliased, LoadLimits(maxNodes: 30)).findings.map(\.rule) == ["ST006"])
    }

    @Test func theDepthLimitNamesMaxDepth() throws {
        let text = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(load(text, LoadLimits(maxDepth: 10)).findings.isEmpty)
        let f = try #require(load(text, LoadLimits(maxDepth: 9)).findings.first)
        #expect(f.rule == "ST006")
        #expect(f.message == "nesting is deeper than the limit of 9 levels (max-depth)")
        #expect(f.fix == "flatten the structure; a flow file needs only a few levels, or raise the limit: `load-limits: {max-depth: 18}` in .dpflow.yaml")
    }

    @Test func theFileLimitNamesMaxFileMBAndTheOption() throws {
        let big = String(repeating: "# padding\n", count: 120_000)  // 1,200,000 bytes
        let f = try #require(load(big, LoadLimits(maxBytes: 1 << 20)).findings.first)
        #expect(f.rule == "ST006")
        #expect(f.message == "the file is 1,200,000 bytes, over the limit of 1 MiB (max-file-mb)")
        #expect(f.fix == "split the programme into smaller files, or raise the limit: --max-file-mb 2, or `load-limits: {max-file-mb: 2}` in .dpflow.yaml")
        #expect(load(big, LoadLimits(maxBytes: 2 << 20)).findings.isEmpty)
        // The suggestion is at least the file's size.
        let g = try #require(load(big + big + big, LoadLimits(maxBytes: 1 << 20)).findings.first)
        #expect(g.fix.contains("--max-file-mb 4,"), "\(g.fix)")
    }

    @Test func limitsAreSetAndReadInTheirOwnUnits() {
        var limits = LoadLimits.standard
        #expect(LoadLimits.Key.allCases.map { limits.value(of: $0) } == [16, 20_000_000, 64, 5_000_000])
        limits.set(.maxFileMB, to: 1024)
        #expect(limits.maxBytes == 1_073_741_824)
        #expect(1_234_567.grouped == "1,234,567" && 999.grouped == "999")
    }
}
