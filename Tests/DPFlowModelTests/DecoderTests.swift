import DPFlowDiagnostics
import DPFlowEngine
import DPFlowGraph
import DPFlowModel
import DPFlowYAML
import Foundation
import Testing

@Suite("Decoder")
struct DecoderTests {
    @Test func minimalProgrammeIsClean() throws {
        let loaded = decode(minimalProgramme)
        #expect(loaded.findings.isEmpty, "\(loaded.findings)")
        let model = try #require(loaded.model)
        #expect(model.flows.first?.from?.value == "resident")
        #expect(model.systems.first?.retention.first?.period?.value == RetentionPeriod(text: "P6Y"))
        #expect(model.parties.first?.country?.value.code == "GB-ENG")
    }

    @Test func exampleProgrammeHasNoStructureFindings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Flows/homes-for-ukraine.yaml").path
        let loaded = try ProgrammeLoader.load(file: file)
        #expect(loaded.findings.filter { $0.rule.hasPrefix("ST") }.isEmpty, "\(loaded.findings)")
        let model = try #require(loaded.model)
        #expect(model.parties.count >= 8)
        #expect(model.systems.count >= 12)
        #expect(model.flows.count >= 20)
    }

    @Test func norwayIsACountryNotFalse() throws {
        let text = minimalProgramme.replacing1("location: GB-ENG", "location: NO")
        let loaded = decode(text)
        #expect(loaded.findings.isEmpty)
        #expect(loaded.model?.systems.first?.location?.value.code == "NO")
    }

    @Test func leadingZeroIdIsKept() throws {
        let text = minimalProgramme.replacing1("  resident: {name: Residents", "  0123: {name: Zero}\n  resident: {name: Residents")
        let model = try #require(decode(text).model)
        #expect(model.subjects.map(\.id) == ["0123", "resident"])
    }

    @Test func yesInFreeTextStaysText() throws {
        let text = minimalProgramme.replacing1("name: Residents", "name: yes")
        #expect(decode(text).model?.subjects.first?.name?.value == "yes")
    }

    @Test func unknownKeySuggestsNearest() throws {
        let text = minimalProgramme.replacing1("    retention:", "    retension:")
        let f = try #require(decode(text).findings.first { $0.rule == "ST002" })
        #expect(f.message.contains("did you mean 'retention'?"))
        #expect(f.path == "systems.crm.retension")
        #expect(f.line == 20)
        #expect(f.column == 5)
    }

    @Test func wrongTypeIsSchema() throws {
        let text = minimalProgramme.replacing1("count: 100", "count: [1, 2]")
        let f = try #require(decode(text).findings.first)
        #expect(f.rule == "ST002")
        #expect(f.message.contains("text"))
        let notNumber = decode(minimalProgramme.replacing1("count: 100", "count: many")).findings
        #expect(notNumber.map(\.rule) == ["ST002"])
    }

    @Test func missingRequiredKeyIsSchemaAtOwner() throws {
        let text = minimalProgramme.replacing1("    to: crm\n", "")
        let f = try #require(decode(text).findings.first)
        #expect(f.rule == "ST002")
        #expect(f.message.contains("'to'"))
        #expect(f.path == "flows.intake")
        #expect(f.line == 23)
        #expect(f.column == 3)
    }

    @Test func badEnumValueSuggests() throws {
        let text = minimalProgramme.replacing1("role: controller", "role: controler")
        let f = try #require(decode(text).findings.first)
        #expect(f.rule == "ST002")
        #expect(f.message.contains("did you mean 'controller'?"))
        #expect(f.path == "parties.council.role")
    }

    @Test func malformedIdIsSchema() throws {
        let text = minimalProgramme.replacing1("  crm:\n", "  Council_CRM:\n")
        let findings = decode(text).findings
        let f = try #require(findings.first { $0.rule == "ST002" })
        #expect(f.message.contains("council-crm"))
    }

    @Test func badDateAndDurationAreSchema() throws {
        let badDate = minimalProgramme.replacing1("  purposes:", "  dpia: {status: draft, review-by: 2025-02-30}\n  purposes:")
        #expect(rules(badDate) == ["ST002"])
        let badPeriod = minimalProgramme.replacing1("period: P6Y", "period: 6 years")
        #expect(rules(badPeriod) == ["ST002"])
    }

    @Test func booleanWordsOfYAML11AreRejected() throws {
        let text = minimalProgramme.replacing1("notice: https://example.gov.uk/privacy", "notice: x\n    encrypted: yes")
        #expect(rules(text) == ["ST002"])
    }

    @Test func unknownReferenceNamesNearest() throws {
        let text = minimalProgramme.replacing1("to: crm", "to: crn")
        let f = try #require(decode(text).findings.first)
        #expect(f.rule == "ST004")
        #expect(f.message.contains("did you mean 'crm'?"))
        #expect(f.path == "flows.intake.to")
        #expect((f.line, f.column) == (25, 9))
    }

    @Test func everyReferenceKindIsChecked() {
        let cases = [
            ("controllers: [council]", "controllers: [counci]"),
            ("subjects: [resident]", "subjects: [residents]"),
            ("party: council", "party: counsel"),
            ("      contact: {period", "      contacts: {period"),
            ("from: resident", "from: residnt"),
            ("data: [contact]", "data: [contract]"),
        ]
        for (old, new) in cases {
            #expect(rules(minimalProgramme.replacing1(old, new)) == ["ST004"], "\(new)")
        }
    }

    @Test func missingVersionIsST005() throws {
        let text = minimalProgramme.replacing1("dpflow: 1\n", "")
        #expect(rules(text) == ["ST005"])
        let v2 = decode(minimalProgramme.replacing1("dpflow: 1", "dpflow: 2"))
        #expect(v2.findings.map(\.rule) == ["ST005"])
        #expect(v2.model == nil)
    }

    @Test func duplicateIdIsST003() throws {
        let text = minimalProgramme.replacing1("  council: {name", "  council: {name: X, type: company, role: controller, country: GB}\n  council: {name")
        let f = try #require(decode(text).findings.first)
        #expect(f.rule == "ST003")
        #expect(f.path == "parties.council")
    }

    @Test func emptyFileAndNonMappingAreSchema() {
        #expect(rules("") == ["ST002"])
        #expect(rules("- a\n- b\n") == ["ST002"])
        #expect(rules("# only a comment\n") == ["ST002"])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let text = minimalProgramme
            .replacing1("role: controller", "role: controler")
            .replacing1("to: crm", "to: crn")
            .replacing1("count: 100", "count: lots")
            .replacing1("    retention:", "    retension:")
        #expect(Set(rules(text)) == ["ST002", "ST004"])
        #expect(rules(text).count == 4)
    }

    @Test func specialCategoryNeedsItsKind() {
        let text = minimalProgramme.replacing1("category: personal", "category: special")
        #expect(rules(text) == ["ST002"])
        let ok = minimalProgramme.replacing1("category: personal", "category: special, special: [health]")
        #expect(rules(ok).isEmpty)
    }

    @Test func processorNeedsItsControllers() {
        let text = minimalProgramme.replacing1("role: controller, country: GB-ENG}", "role: processor, country: GB-ENG}")
        #expect(rules(text).contains("ST002"))
    }

    @Test func hostileInputsNeverCrash() {
        let inputs = [
            "dpflow: 1\nprogramme: [a, b]\nsubjects: x\ndata: 1\nparties: []\nsystems: {a: b}\nflows: {a: []}\n",
            "dpflow: [1]\n",
            "dpflow: 1\nflows: {x: {from: [a], to: {b: c}, data: d, purpose: []}}\n",
            "{? [a] : b}",
            "dpflow: 1\nrisks: {r: {affects: [flows.nope], likelihood: often, severity: severe, description: d}}\n",
            "dpflow: 1\nexceptions: {a: b}\n",
            "dpflow: 1\nexceptions: [1, [2], {rule: X}]\n",
        ]
        for input in inputs {
            let loaded = decode(input)
            #expect(!loaded.findings.isEmpty, "\(input)")
            #expect(loaded.findings.allSatisfy { $0.rule.hasPrefix("ST") && $0.line >= 1 && $0.column >= 1 })
        }
    }
}

@Suite("Values")
struct ValueTests {
    @Test func durationsCompareByLength() throws {
        let p60m = try #require(ISODuration(iso: "P60M"))
        let p5y = try #require(ISODuration(iso: "P5Y"))
        #expect(p60m == p5y)
        #expect(try #require(ISODuration(iso: "P30D")) < #require(ISODuration(iso: "P1M")))
        #expect(try #require(ISODuration(iso: "P2W")) == #require(ISODuration(iso: "P14D")))
        #expect(try #require(ISODuration(iso: "P1Y6M")) == #require(ISODuration(iso: "P18M")))
        #expect(ISODuration(iso: "P") == nil)
        #expect(ISODuration(iso: "P1D1Y") == nil)
        #expect(ISODuration(iso: "7Y") == nil)
        #expect(ISODuration(iso: "P9999999999Y") == nil)
        #expect(RetentionPeriod(text: "indefinite").map { .duration(p5y) < $0 } == true)
    }

    @Test func datesAreCalendarChecked() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "24-01-01") == nil)
        #expect(CalendarDate(iso: "2024-01-01")?.description == "2024-01-01")
    }

    @Test func countriesIncludeUKNations() {
        #expect(Country(code: "GB-SCT")?.isUK == true)
        #expect(Country(code: "JE")?.isUK == false)
        #expect(Country(code: "NO")?.name == "Norway")
        #expect(Country(code: "UK") == nil)
        #expect(Country.suggestion(for: "UK") == "GB")
        #expect(Country.suggestion(for: "gb-sct") == "GB-SCT")
        #expect(Country.allCodes.count == 253)
    }

    @Test func idsAreKebabCase() {
        #expect(Identifier.isValid("council-to-cloud"))
        #expect(Identifier.isValid("0123"))
        #expect(!Identifier.isValid("Council"))
        #expect(!Identifier.isValid("a--b"))
        #expect(!Identifier.isValid("-a"))
        #expect(!Identifier.isValid("a_b"))
        #expect(Identifier.suggestion(for: "Council_CRM") == "council-crm")
    }
}

@Suite("Flow graph")
struct GraphTests {
    @Test func indexesFlowsByNodeDataAndParty() throws {
        let text = minimalProgramme
            .replacing1("flows:\n", "  crm2: {name: Second, party: council, location: GB, retention: {contact: {period: P1Y}}}\nflows:\n")
            + "\n  share: {from: crm, to: crm2, data: [contact], purpose: support}\n"
        let loaded = decode(text)
        #expect(loaded.findings.isEmpty, "\(loaded.findings)")
        let graph = try #require(loaded.graph)
        try #require(graph.nodeCount == 3 && graph.model.flows.count == 2)
        let crm = graph.node(ofSystem: 0)
        #expect(graph.outFlows[crm] == [1])
        #expect(graph.inFlows[crm] == [0])
        #expect(graph.flowsByData[0] == [0, 1])
        #expect(graph.systemParty == [0, 0])
        #expect(graph.controllersOf[0] == [0])
        #expect(graph.nodePath(0) == "subjects.resident")
        #expect(graph.nodePath(crm) == "systems.crm")
    }

    @Test func subProcessorChainsResolveToControllersAndCyclesEnd() throws {
        let parties = """
            parties:
              council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}
              host: {name: Host, type: company, role: processor, country: GB, processor-for: [council]}
              sub: {name: Sub, type: company, role: sub-processor, country: IE, sub-processor-of: [host]}
              loop-a: {name: A, type: company, role: sub-processor, country: IE, sub-processor-of: [loop-b]}
              loop-b: {name: B, type: company, role: sub-processor, country: IE, sub-processor-of: [loop-a]}
            """
        let text = minimalProgramme.replacing1(
            "parties:\n  council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}", parties)
        let graph = try #require(decode(text).graph)
        try #require(graph.controllersOf.count == 5)
        #expect(graph.controllersOf[1] == [0])
        #expect(graph.controllersOf[2] == [0])
        #expect(graph.controllersOf[3] == [])
    }

    @Test func partyContactAndDPOAreDecoded() throws {
        let text = minimalProgramme.replacing1(
            "role: controller, country: GB-ENG}",
            "role: controller, country: GB-ENG, contact: {name: Information governance, email: ig@council.example}, dpo: {name: Council DPO, email: dpo@council.example}}")
        let loaded = decode(text)
        #expect(loaded.findings.isEmpty, "\(loaded.findings)")
        let party = try #require(loaded.model?.parties.first)
        #expect(party.contact?.email?.value == "ig@council.example")
        #expect(party.dpo?.name?.value == "Council DPO")
        #expect(rules(text.replacing1("dpo: {name: Council DPO", "dpo: {nmae: Council DPO")).contains { $0.hasPrefix("ST") })
    }

    @Test func measureDueAndStatusAreDecoded() throws {
        let risk = """
            risks:
              leak:
                description: Contact details leak
                likelihood: possible
                severity: significant
                measures:
                  - {description: Access control, effect: reduced, owner: IG lead, due: 2027-03-31, status: in-progress}
            """
        let loaded = decode(minimalProgramme + "\n" + risk)
        #expect(loaded.findings.filter { $0.rule.hasPrefix("ST") }.isEmpty, "\(loaded.findings)")
        let measure = try #require(loaded.model?.risks.first?.measures.first)
        #expect(measure.status?.value == .inProgress)
        #expect(measure.due.map { "\($0.value)" } == "2027-03-31")
        #expect(rules(minimalProgramme + "\n" + risk.replacing1("in-progress", "underway")).contains { $0.hasPrefix("ST") })
    }
}

import DPFlowReporters

@Suite("Schema")
struct SchemaTests {
    @Test func everyKeyTheDecoderReadsHasASchemaType() {
        #expect(SchemaReporter.untypedKeys.isEmpty, "\(SchemaReporter.untypedKeys)")
    }

    @Test func everyKeyHasHoverText() {
        #expect(SchemaReporter.undescribedKeys.isEmpty, "\(SchemaReporter.undescribedKeys)")
    }
}

@Suite("Streaming decode")
struct StreamingDecodeTests {
    @Test func duplicateTopLevelSectionIsST003AtTheSecond() throws {
        let text = minimalProgramme + "\nflows:\n  other: {from: resident, to: crm, data: [contact], purpose: support}\n"
        let findings = decode(text).findings
        let f = try #require(findings.first { $0.rule == "ST003" })
        #expect(f.path == "flows")
        #expect(f.line == 29)
        #expect(decode(text).model?.flows.map(\.id) == ["intake"], "the first is kept")
    }

    @Test func aSyntaxErrorAfterDecodedSectionsDropsThem() {
        let text = minimalProgramme.replacing1("flows:\n", "flows: [\n")
        let findings = decode(text).findings
        #expect(findings.map(\.rule) == ["ST001"])
        #expect(decode(text).model == nil)
    }

    @Test func streamedAndWholeTreeDecodesAgree() throws {
        let streamed = decode(minimalProgramme)
        let loaded = YAMLLoader.load(bytes: Array(minimalProgramme.utf8), file: "t.yaml")
        let whole = ProgrammeDecoder.decode(loaded.root, file: "t.yaml")
        #expect(streamed.findings == whole.findings)
        #expect(streamed.model?.flows.map(\.id) == whole.model?.flows.map(\.id))
        #expect(streamed.model?.systems.first?.retention.map(\.dataID) == whole.model?.systems.first?.retention.map(\.dataID))
    }

    @Test func unknownAndMergeKeysAtTheTopAreSchemaFindings() {
        let text = minimalProgramme + "\nflow:\n  x: 1\n"
        #expect(decode(text).findings.first { $0.rule == "ST002" }?.message.contains("did you mean 'flows'?") == true)
    }
}
