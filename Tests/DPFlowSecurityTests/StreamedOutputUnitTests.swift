import DPFlowDiagnostics
import DPFlowReporters
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The byte escapers against the String implementations they replaced (kept
/// here as oracles), and ByteStream's chunking, on awkward text.
@Suite("Streamed output: byte escapers and chunks")
struct StreamedOutputUnitTests {
    /// Pieces that need escaping somewhere, and some that must not be touched.
    static let pieces: [String] = [
        "a", "plain words ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1B}[31m", "\u{1F}", "\u{7F}",
        "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "é", "e\u{301}", "ß", "日本", "\u{600}.", "😀", "🇬🇧", "👩‍👩‍👧",
        "\u{61B}", "\u{61C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}",
        "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFF}",
        "]]>", "<", ">", "&", "'", "%", "%25", ":", ",", "::error file=x::", ".", "?", "!", " Fix: ",
    ]

    /// A deterministic generator (SplitMix64): the same strings every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func samples(_ count: Int = 3000) -> [String] {
        var g = Generator(state: 13)
        var out = [""] + pieces
        for _ in 0..<count {
            let n = Int.random(in: 1...12, using: &g)
            out.append((0..<n).map { _ in pieces.randomElement(using: &g) ?? "" }.joined())
        }
        return out
    }

    // The String implementations as they were before the byte escapers.

    static func oracleVisible(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if TerminalText.isUnsafe(scalar.value) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func oracleXML(_ s: String, controls: XMLText.Controls) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where controls == .characterReferences: out += "&apos;"
            default:
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                guard u.value < 0x20 else {
                    out.unicodeScalars.append(u)
                    continue
                }
                switch controls {
                case .characterReferences:
                    switch u {
                    case "\n": out += "&#10;"
                    case "\t": out += "&#9;"
                    case "\r": out += "&#13;"
                    default: continue
                    }
                case .spaces:
                    out += u == "\t" ? "\t" : " "
                }
            }
        }
        return out
    }

    static func oracleJSON(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// GitHub's toolkit escapes workflow-command text by code unit (%, CR and
    /// LF in a message; also ':' and ',' in a property value).
    static func oracleToolkit(_ s: String, property: Bool) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func oracleGitHubData(_ s: String) -> String { oracleToolkit(s, property: false) }
    static func oracleGitHubProperty(_ s: String) -> String { oracleToolkit(s, property: true) }

    /// The String reporter escaped with `replacing`, which matches whole
    /// characters: a ':' or ',' followed by a combining mark or joiner (one
    /// grapheme) was left raw, so a file name could end the properties early
    /// (`::`). Every such byte is escaped now.
    @Test func everyDelimiterByteIsEscapedWhateverFollowsIt() {
        let name = "x:\u{301}:\u{301}forged,\u{200D}title=y%\u{301}\r\n.yaml"
        #expect(name.replacing(":", with: "%3A") == name, "the old escaping missed these")
        var out = ByteStream()
        out.appendPercentEncoding(name, ASCIISet("%\r\n:,"))
        let escaped = String(decoding: out.bytes, as: UTF8.self)
        #expect(escaped == "x%3A\u{301}%3A\u{301}forged%2C\u{200D}title=y%25\u{301}%0D%0A.yaml")
        var visible: [UInt8] = []
        TerminalText.appendVisible(name, into: &visible, percentEncoding: ASCIISet("%\r\n:,"))
        #expect(String(decoding: visible, as: UTF8.self) == "x%3A\u{301}%3A\u{301}forged%2C\u{200D}title=y%25\u{301}\\u{D}\\u{A}.yaml")
    }

    @Test func terminalTextMatchesTheScalarSanitiser() {
        for s in Self.samples() {
            #expect(TerminalText.visible(s) == Self.oracleVisible(s), "\(Array(s.unicodeScalars))")
            var bytes: [UInt8] = []
            TerminalText.appendVisible(s, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.oracleVisible(s))
            #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { TerminalText.isUnsafe($0.value) })
        }
    }

    @Test func gitHubEscapingIsVisibleThenTheToolkits() {
        let data = ASCIISet("%\r\n")
        let property = ASCIISet("%\r\n:,")
        for s in Self.samples() {
            var bytes: [UInt8] = []
            TerminalText.appendVisible(s, into: &bytes, percentEncoding: data)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.oracleGitHubData(Self.oracleVisible(s)))
            bytes = []
            TerminalText.appendVisible(s, into: &bytes, percentEncoding: property)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.oracleGitHubProperty(Self.oracleVisible(s)))
            var out = ByteStream()
            out.appendPercentEncoding(s, property)
            #expect(String(decoding: out.bytes, as: UTF8.self) == Self.oracleGitHubProperty(s))
        }
    }

    @Test func xmlEscapingMatchesTheScalarEscaper() {
        for s in Self.samples() {
            for controls in [XMLText.Controls.characterReferences, .spaces] {
                #expect(XMLText.escape(s, controls: controls) == Self.oracleXML(s, controls: controls), "\(Array(s.unicodeScalars))")
            }
        }
    }

    @Test func jsonEscapingMatchesRFC8259() {
        for s in Self.samples() {
            #expect(JSONValue.string(s).rendered() == Self.oracleJSON(s) + "\n")
            var bytes: [UInt8] = []
            JSONText.escape(s, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.oracleJSON(s))
        }
    }

    @Test func integersAreWrittenAsStringWritesThem() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, Int(Int32.max) + 1] {
            var out = ByteStream()
            out.appendDecimal(n)
            #expect(String(decoding: out.bytes, as: UTF8.self) == String(n))
        }
    }

    /// A report with every kind of awkward text in every field.
    static func report() -> FindingReport {
        var g = Generator(state: 2)
        let texts = samples(400)
        func text() -> String { texts.randomElement(using: &g) ?? "" }
        let rules = [
            RuleInfo(id: "TR006", name: "sharing-without-agreement", severity: .warning, area: .transfers),
            RuleInfo(id: "ST004", name: "unknown-key", severity: .error, area: .structure),
            RuleInfo(id: "GR001", name: "orphan-system", severity: .info, area: .graph),
        ]
        let files = ["a.yaml", "./odd \"name\" %,: é\u{202E}]]>.yaml", "../outside.yml"]
        var findings: [Finding] = []
        for i in 0..<600 {
            findings.append(
                Finding(
                    rule: rules[i % 3], message: text(), fix: i % 5 == 0 ? "" : text(), file: files[i % 3],
                    at: SourceMark(line: i, column: i % 7), path: i % 11 == 0 ? "" : text(),
                    trace: i % 4 == 0 ? [text(), text()] : [], excepted: i % 9 == 0))
        }
        var report = FindingReport(files: files, findings: findings, rulesRun: ["ST004", "TR006", "GR001"])
        report.failOn = .warning
        report.repositoryPrefix = "sub/"
        return report
    }

    static let writers: [(String, @Sendable (FindingReport, inout ByteStream) -> Void)] = [
        ("text", { TextReporter.write($0, color: true, to: &$1) }),
        ("json", { JSONReporter.write($0, to: &$1) }),
        ("sarif", { SARIFReporter.write($0, catalogue: [], to: &$1) }),
        ("junit", { JUnitReporter.write($0, catalogue: [], to: &$1) }),
        ("github", { GitHubReporter.write($0, to: &$1) }),
        ("codeclimate", { CodeClimateReporter.write($0, to: &$1) }),
        ("checkstyle", { CheckstyleReporter.write($0, to: &$1) }),
    ]

    @Test func chunkedOutputIsTheSameBytes() {
        let report = Self.report()
        for (name, write) in Self.writers {
            var whole = ByteStream()
            write(report, &whole)
            #expect(whole.bytes.count > 4096, "\(name)")
            for chunk in [1, 7, 4096] {
                final class Collected: @unchecked Sendable {
                    var bytes: [UInt8] = []
                    var sizes: [Int] = []
                }
                let collected = Collected()
                var out = ByteStream(chunk: chunk) { part in
                    collected.bytes += part
                    collected.sizes.append(part.count)
                    return nil
                }
                write(report, &out)
                #expect(out.finish() == nil)
                #expect(collected.bytes == whole.bytes, "\(name) in chunks of \(chunk)")
                // Every chunk but the last is full: nothing is held back as one whole output.
                #expect(collected.sizes.dropLast().allSatisfy { $0 >= chunk }, "\(name)")
                if chunk == 4096 { #expect(collected.sizes.count > 1, "\(name)") }
            }
        }
    }

    @Test func aFailedChunkStopsTheOutput() {
        var calls = 0
        var out = ByteStream(chunk: 100) { _ in
            calls += 1
            return calls == 2 ? EPIPE : nil
        }
        JSONReporter.write(Self.report(), to: &out)
        #expect(out.finish() == EPIPE)
        #expect(calls == 2, "nothing is written after the failure")
    }
}
