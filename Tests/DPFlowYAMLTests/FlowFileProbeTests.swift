import DPFlowYAML
import Testing

@Suite("Which files are flow files: the probe")
struct FlowFileProbeTests {
    @Test(arguments: [
        ("dpflow: 1\nprogramme: {name: x}\n", FlowFileProbe.Verdict.flowFile),
        ("programme:\n  name: x\n  nested: {a: [1, 2]}\nflows: {}\ndpflow: 1\n", .flowFile),
        ("dpflow: 1\nregistry: {name: r}\n", .flowFile),
        ("? [complex, key]\n: value\ndpflow: 1\n", .flowFile),
        ("name: ci\non: push\njobs: {build: {runs-on: ubuntu-latest}}\n", .notFlowFile),
        ("config:\n  dpflow: 1\n", .notFlowFile),
        ("key: dpflow\nother: dpflow\n", .notFlowFile),
        ("- dpflow\n- 1\n", .notFlowFile),
        ("just text\n", .notFlowFile),
        ("# only a comment\n", .notFlowFile),
        ("", .notFlowFile),
        ("a: [unclosed\n", .unreadable),
    ])
    func verdicts(text: String, expected: FlowFileProbe.Verdict) {
        #expect(FlowFileProbe.probe(bytes: Array(text.utf8)) == expected, "\(text)")
    }

    @Test func stopsAtTheKeyWithoutReadingTheRest() {
        // The rest of the file is broken YAML: the probe has its answer first.
        #expect(FlowFileProbe.probe(bytes: Array("dpflow: 1\nprogramme: [\n".utf8)) == .flowFile)
    }

    @Test func deepNestingIsOnlyCounted() {
        let deep = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(FlowFileProbe.probe(bytes: Array(deep.utf8)) != .flowFile)
    }
}
