import DPFlowDiagnostics
import Testing

@Suite("TerminalText: one sanitiser for what people read")
struct TerminalTextTests {
    @Test func controlsAndBidiBecomeVisibleEscapes() {
        let cases: [(String, String)] = [
            ("plain name", "plain name"),
            ("caf\u{E9} \u{1F600}", "caf\u{E9} \u{1F600}"),  // printable Unicode untouched
            ("a\u{1B}[31mred", "a\\u{1B}[31mred"),  // ESC (CSI)
            ("t\u{1B}]0;title\u{07}", "t\\u{1B}]0;title\\u{7}"),  // OSC, BEL
            ("x\u{9B}2J", "x\\u{9B}2J"),  // C1 CSI
            ("back\u{08}\u{08}", "back\\u{8}\\u{8}"),
            ("line\r\n::set-env name=X::1", "line\\u{D}\\u{A}::set-env name=X::1"),
            ("tab\tdel\u{7F}nul\u{0}", "tab\\u{9}del\\u{7F}nul\\u{0}"),
            ("abc\u{202E}fed\u{202C}", "abc\\u{202E}fed\\u{202C}"),  // Trojan Source
            ("\u{2066}\u{2069}\u{200F}\u{061C}\u{2028}", "\\u{2066}\\u{2069}\\u{200F}\\u{61C}\\u{2028}"),
        ]
        for (raw, shown) in cases {
            #expect(TerminalText.visible(raw) == shown)
            #expect(!TerminalText.visible(raw).unicodeScalars.contains { TerminalText.isUnsafe($0.value) })
        }
    }

    @Test func linesKeepTheirBreaksOnly() {
        #expect(TerminalText.visibleLines("Error: bad\u{1B}x\nUsage: dpflow") == "Error: bad\\u{1B}x\nUsage: dpflow")
    }
}
