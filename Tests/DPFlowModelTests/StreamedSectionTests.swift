import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import DPFlowYAML
import Foundation
import Testing

/// The loader streams the id-keyed sections (`systems`, `flows`, ...) one
/// entry at a time into the decoder. What it gives must be what decoding the
/// whole tree gives: the same model, the same findings at the same places.
@Suite("Sections streamed entry by entry")
struct StreamedSectionTests {
    /// The whole tree first (no hand-off), then decoded.
    static func wholeTree(_ text: String) -> (model: ProgrammeModel?, findings: [Finding]) {
        let loaded = YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml")
        if loaded.root == nil && !loaded.findings.isEmpty { return (nil, loaded.findings) }
        let decoded = ProgrammeDecoder.decode(loaded.root, file: "t.yaml")
        return (decoded.model, loaded.findings + decoded.findings)
    }

    static func key(_ f: Finding) -> String { "\(f.rule) \(f.line):\(f.column) \(f.path) \(f.message)" }

    static func agree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let streamed = decode(text)
        let whole = wholeTree(text)
        #expect(
            streamed.findings.filter { $0.rule.hasPrefix("ST") }.map(key).sorted() == whole.findings.map(key).sorted(),
            sourceLocation: sourceLocation)
        #expect(String(describing: streamed.model?.systems) == String(describing: whole.model?.systems), sourceLocation: sourceLocation)
        #expect(String(describing: streamed.model?.flows) == String(describing: whole.model?.flows), sourceLocation: sourceLocation)
        #expect(String(describing: streamed.model?.data) == String(describing: whole.model?.data), sourceLocation: sourceLocation)
        #expect(String(describing: streamed.model?.parties) == String(describing: whole.model?.parties), sourceLocation: sourceLocation)
        #expect(String(describing: streamed.model?.subjects) == String(describing: whole.model?.subjects), sourceLocation: sourceLocation)
    }

    @Test func aRepeatedIdIsReportedAtItsSecondPlaceAndTheFirstKept() {
        let text = minimalProgramme + "\n  intake:\n    from: resident\n    to: crm\n    data: [contact]\n    purpose: other\n"
        let findings = decode(text).findings.filter { $0.rule == "ST003" }
        #expect(findings.count == 1)
        #expect(findings.first?.path == "flows.intake")
        #expect(findings.first?.message.hasPrefix("duplicate key 'intake': it was already given at line") == true)
        #expect(decode(text).model?.flows.map { $0.purpose?.value } == ["support"])
        Self.agree(text)
    }

    @Test func mergeKeysInASectionBringInEntriesExplicitOnesWin() {
        let text = minimalProgramme.replacing1(
            "systems:\n",
            "systems:\n  <<: [{archive: {name: Archive, party: council, location: GB-ENG}}, {crm: {name: Merged CRM, party: council}}]\n")
        let model = decode(text).model
        #expect(model?.systems.map(\.id) == ["crm", "archive"])
        #expect(model?.systems.first?.name?.value != "Merged CRM")
        Self.agree(text)
    }

    @Test func aBadMergeInASectionIsASchemaFinding() {
        let text = minimalProgramme.replacing1("systems:\n", "systems:\n  <<: not-a-mapping\n")
        #expect(decode(text).findings.contains { $0.rule == "ST002" && $0.message.contains("merge key") })
        Self.agree(text)
    }

    @Test func anAnchoredSectionAndARepeatedSectionAreReadAsBefore() {
        let anchored = minimalProgramme.replacing1("flows:\n", "flows: &all\n")
        #expect(decode(anchored).model?.flows.count == 1)
        Self.agree(anchored)
        let repeated = minimalProgramme + "\nflows:\n  other: {from: resident, to: crm, data: [contact], purpose: support}\n"
        #expect(decode(repeated).findings.contains { $0.rule == "ST003" && $0.path == "flows" })
        #expect(decode(repeated).model?.flows.map(\.id) == ["intake"])
        Self.agree(repeated)
    }

    @Test func malformedIdsAndNonTextKeysAreReportedAsBefore() {
        let text = minimalProgramme + "\n  Bad_Id: {from: resident, to: crm, data: [contact], purpose: support}\n  [a, b]: {from: resident}\n"
        let findings = decode(text).findings
        #expect(findings.contains { $0.message.hasPrefix("malformed id 'Bad_Id'") })
        #expect(findings.contains { $0.message.hasPrefix("an id in 'flows' must be text") })
        Self.agree(text)
    }

    /// Every programme in the repository decodes the same either way.
    @Test func theRepositoryProgrammesDecodeTheSame() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<2 { root.deleteLastPathComponent() }
        var checked = 0
        for folder in ["Flows", "Examples"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                let streamed = ProgrammeStreamDecoderProbe.decodeStreamed(text)
                let whole = Self.wholeTree(text)
                #expect(String(describing: streamed.model?.flows) == String(describing: whole.model?.flows), "\(name)")
                #expect(String(describing: streamed.model?.systems) == String(describing: whole.model?.systems), "\(name)")
                #expect(streamed.findings.map(Self.key).sorted() == whole.findings.map(Self.key).sorted(), "\(name)")
                checked += 1
            }
        }
        #expect(checked >= 6)
    }
}

/// Streams a text through the loader into the decoder, without resolving
/// includes, so that it compares with the whole-tree decode of the same file.
enum ProgrammeStreamDecoderProbe {
    final class Box { var decoder = ProgrammeStreamDecoder(file: "t.yaml") }

    static func decodeStreamed(_ text: String) -> (model: ProgrammeModel?, findings: [Finding]) {
        let box = Box()
        let handOff = DocumentHandOff(
            sections: ProgrammeStreamDecoder.streamedSections, pair: { box.decoder.accept($0) },
            entry: { box.decoder.acceptEntry(of: $0, $1) })
        let loaded = YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml", handOff: handOff)
        if loaded.root == nil && !loaded.findings.isEmpty { return (nil, loaded.findings) }
        let decoded = box.decoder.finish(root: loaded.root)
        return (decoded.model, loaded.findings + decoded.findings)
    }
}
