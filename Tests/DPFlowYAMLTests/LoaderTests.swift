import DPFlowDiagnostics
import Testing

@testable import DPFlowYAML

private func load(_ text: String, limits: LoadLimits = .standard) -> LoadResult {
    YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml", limits: limits)
}

private func value(_ node: YAMLNode?, _ key: String) -> YAMLNode? {
    node?.pairs?.first { $0.keyText == key }?.value
}

@Suite("YAML loader")
struct LoaderTests {
    @Test func positionsOfKeysAndValuesAreOneBased() throws {
        let r = load("a: 1\nb:\n  c: [x, y]\n")
        #expect(r.findings.isEmpty)
        let root = try #require(r.root)
        let pairs = try #require(root.pairs)
        #expect(pairs[0].key.mark == SourceMark(line: 1, column: 1))
        #expect(pairs[0].value.mark == SourceMark(line: 1, column: 4))
        let c = try #require(value(value(root, "b"), "c"))
        #expect(c.mark == SourceMark(line: 3, column: 6))
        #expect(c.items?[1].mark == SourceMark(line: 3, column: 10))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let r = load("name: Zoë Ĳssel\nnext: ok\nkey: \"ä\" \n")
        let root = try #require(r.root)
        #expect(root.pairs?[0].value.scalar?.text == "Zoë Ĳssel")
        let r2 = load("é: [a, b]\n")
        let seq = try #require(r2.root?.pairs?[0].value)
        #expect(seq.mark == SourceMark(line: 1, column: 4))
    }

    @Test func scalarsStayText() throws {
        let r = load("country: NO\nid: 0123\non: yes\nn: ~\nv: 1.10\n")
        let root = r.root
        #expect(value(root, "country")?.scalar?.text == "NO")
        #expect(value(root, "id")?.scalar?.text == "0123")
        #expect(value(root, "on")?.scalar?.text == "yes")
        #expect(value(root, "n")?.isNull == true)
        #expect(value(root, "v")?.scalar?.text == "1.10")
    }

    @Test func quotedNullIsText() {
        let r = load("a: 'null'\nb: \"\"\n")
        #expect(value(r.root, "a")?.isNull == false)
        #expect(value(r.root, "b")?.isNull == false)
    }

    @Test func anchorsAndAliasesShareContent() throws {
        let r = load("base: &b [one, two]\ncopy: *b\n")
        #expect(r.findings.isEmpty)
        let copy = try #require(value(r.root, "copy"))
        #expect(copy.items?.map { $0.scalar?.text } == ["one", "two"])
        #expect(copy.mark == SourceMark(line: 2, column: 7))
    }

    @Test func mergeKeysApplyAndExplicitKeysWin() throws {
        let text = """
            defaults: &d {encrypted: true, frequency: daily}
            other: &o {owner: x, frequency: weekly}
            flow:
              <<: [*d, *o]
              frequency: monthly
            """
        let r = load(text)
        #expect(r.findings.isEmpty)
        let flow = try #require(value(r.root, "flow"))
        #expect(value(flow, "frequency")?.scalar?.text == "monthly")
        #expect(value(flow, "encrypted")?.scalar?.text == "true")
        #expect(value(flow, "owner")?.scalar?.text == "x")
        #expect(flow.pairs?.count == 3)
    }

    @Test func badMergeIsSchemaFinding() {
        let r = load("a:\n  <<: text\n")
        #expect(r.findings.map(\.rule) == ["ST002"])
    }

    @Test func duplicateKeyReportedAtSecondOccurrence() throws {
        let r = load("flows:\n  a: 1\n  b: 2\n  a: 3\n")
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1)
        #expect(f.rule == "ST003")
        #expect(f.mark == SourceMark(line: 4, column: 3))
        #expect(f.message.contains("line 2"))
        #expect(value(value(r.root, "flows"), "a")?.scalar?.text == "1")
    }

    @Test func syntaxErrorHasPosition() throws {
        let r = load("a: [1, 2\nb: c\n")
        #expect(r.root == nil)
        let f = try #require(r.findings.first)
        #expect(f.rule == "ST001")
        #expect(f.line >= 1)
    }

    @Test func badIndentationIsSyntaxError() throws {
        let r = load("a:\n  b: 1\n c: 2\n")
        let f = try #require(r.findings.first)
        #expect(f.rule == "ST001")
        #expect(f.line == 3)
    }

    @Test func invalidUTF8IsSyntaxErrorWithPosition() throws {
        var bytes = Array("ok: yes\nname: ab".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\n".utf8))
        let r = YAMLLoader.load(bytes: bytes, file: "t.yaml")
        let f = try #require(r.findings.first)
        #expect(f.rule == "ST001")
        #expect(f.mark == SourceMark(line: 2, column: 9))
    }

    @Test func binaryGarbageIsSyntaxError() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let r = YAMLLoader.load(bytes: bytes, file: "t.yaml")
            // Never a crash; whatever it is, garbage yields findings or a tree.
            _ = r
        }
        let r = YAMLLoader.load(bytes: [0x00, 0x01, 0x02, 0x7F], file: "t.yaml")
        #expect(r.findings.first?.rule == "ST001")
    }

    @Test func undefinedAliasIsSyntaxError() {
        let r = load("a: *nope\n")
        #expect(r.findings.map(\.rule) == ["ST001"])
        #expect(r.root == nil)
    }

    @Test func deepNestingIsResourceLimitNotStackOverflow() throws {
        let text = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        let r = load(text)
        let f = try #require(r.findings.first)
        #expect(f.rule == "ST006")
        #expect(r.root == nil)
        let blocks = (0..<100).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(load(blocks).findings.first?.rule == "ST006")
    }

    @Test func billionLaughsIsResourceLimit() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(i): &a\(i) [\(refs)]")
        }
        let r = load(lines.joined(separator: "\n") + "\n")
        let f = try #require(r.findings.first)
        #expect(f.rule == "ST006")
        #expect(f.message.contains("aliases"))
    }

    @Test func oversizedFileIsResourceLimit() {
        let r = load("a: 1234567890\n", limits: LoadLimits(maxBytes: 4))
        #expect(r.findings.map(\.rule) == ["ST006"])
    }

    @Test func secondDocumentIsRejected() {
        let r = load("a: 1\n---\nb: 2\n")
        #expect(r.findings.map(\.rule) == ["ST002"])
        #expect(r.findings.first?.line == 2)
    }

    @Test func emptyInputLoadsNothing() {
        let r = load("")
        #expect(r.findings.isEmpty)
        #expect(r.root == nil)
    }

    @Test func byteOffsetToMarkCountsScalars() {
        let bytes = Array("ab\nçd\r\nx".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(YAMLLoader.mark(ofByteOffset: 0, in: b) == SourceMark(line: 1, column: 1))
            #expect(YAMLLoader.mark(ofByteOffset: 5, in: b) == SourceMark(line: 2, column: 2))
            #expect(YAMLLoader.mark(ofByteOffset: 8, in: b) == SourceMark(line: 3, column: 1))
        }
    }
}
