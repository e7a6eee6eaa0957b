import DPFlowDiagnostics
import DPFlowEngine
import DPFlowGraph
import DPFlowModel
import DPFlowRules
import Foundation
import Testing

/// Format revision 1.1: what each addition decodes to and how the rules read it.
@Suite("Format 1.1")
struct Format11Tests {
    static func analyse(_ yaml: String, file: String = "p.yaml") -> [Finding] {
        let loaded = ProgrammeLoader.load(bytes: Array(yaml.utf8), file: file)
        return RuleRunner.run(graph: loaded.graph, loadFindings: loaded.findings, asOf: examplesAsOf).findings
    }

    // MARK: decoding

    @Test func everyAdditionDecodes() throws {
        let example = RuleExample(
            "1.1",
            programme: RuleExample.baseProgramme.replacing(
                "{article-6: public-task, legal-power: Localism Act 2011 s1}",
                with: "{article-6: [public-task, vital-interests], legal-power: Localism Act 2011 s1}\n      automated-decision: {decision: Priority, special-category: false, safeguards: [inform, contest]}")
                + "\n  external: [police]\n  starts: 2022-03-18\n  ends: 2027-03-31",
            data: RuleExample.baseData + "\n  shielding: {name: Shielding list, subjects: [resident], category: personal, reveals: [health]}",
            systems: """
                  crm:
                    name: Council CRM
                    party: council
                    location: [GB-ENG, IE, EEA]
                    creates: [contact]
                    role: controller
                    retention:
                      contact: {period: criteria, criteria: While support lasts, review-every: P1Y, until: consent-withdrawn, basis: B, disposal: delete}
                """,
            flows: RuleExample.baseFlows + "\n  letter: {from: crm, to: resident, data: [contact], purpose: support, encrypted: true}",
            partiesExtra: "  police: {name: Police, type: public-authority, role: controller, country: unknown, group: true, scope: external}")
        let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "p.yaml")
        #expect(loaded.findings.filter { $0.rule.hasPrefix("ST") }.isEmpty, "\(loaded.findings.map(\.message))")
        let model = try #require(loaded.model)
        let p = model.programme
        #expect(p.external.map(\.value) == ["police"])
        #expect(p.starts?.value.description == "2022-03-18" && p.ends?.value.description == "2027-03-31")
        #expect(p.purposes[0].lawfulBasis?.article6Bases.map(\.value) == [.publicTask, .vitalInterests])
        let decision = try #require(p.purposes[0].automatedDecision)
        #expect(decision.decision?.value == "Priority" && decision.safeguards.map(\.value) == [.inform, .contest])
        let shielding = try #require(model.dataCategory("shielding"))
        #expect(shielding.kind == .special && shielding.isInferredSpecial && shielding.specialCategories == [.health])
        let police = try #require(model.party("police"))
        #expect(police.isGroup && police.scope?.value == .external && police.country?.value.isUnknown == true)
        let crm = try #require(model.system("crm"))
        #expect(crm.locations.map(\.value.code) == ["GB-ENG", "IE", "EEA"])
        #expect(crm.creates.map(\.value) == ["contact"] && crm.role?.value == .controller)
        let entry = try #require(crm.retention.first)
        #expect(entry.period?.value == .criteria && entry.criteria?.value == "While support lasts")
        #expect(entry.reviewEvery?.value.text == "P1Y" && entry.until?.value == "consent-withdrawn")
        let graph = try #require(loaded.graph)
        let letter = try #require(model.flowIndex["letter"])
        #expect(graph.isSubject(graph.flowTo[letter]))
    }

    @Test func additionsAreCheckedWithPositions() {
        let bad = RuleExample(
            "bad",
            systems: RuleExample.baseSystems.replacing("location: GB-ENG", with: "location: [GB-ENG, Atlantis]")
                .replacing("{period: P6Y, from: case-closed,", with: "{period: criteria, from: case-closed,"),
            partiesExtra: "  police: {name: Police, type: public-authority, role: controller, country: EEA, scope: outside}")
        let findings = Self.analyse(bad.yaml).filter { $0.rule == "ST002" }
        #expect(findings.contains { $0.message.contains("'Atlantis' is not a place") && $0.path == "systems.crm.location" })
        #expect(findings.contains { $0.message.contains("'period: criteria' needs 'criteria'") })
        #expect(findings.contains { $0.message.contains("'EEA' is not an ISO 3166 country code") })  // regions are for locations
        #expect(findings.contains { $0.message.contains("'outside' is not a valid scope") && $0.path == "parties.police.scope" })
        #expect(findings.allSatisfy { $0.line > 1 })
    }

    @Test func aFileOfRevision10ChecksTheSame() throws {
        // Homes for Ukraine is a 1.0 file: it still checks with no errors and no new warnings.
        let file = try #require(Self.repoFile("Flows/homes-for-ukraine.yaml"))
        let findings = try ProgrammeAnalysis.analyse(file: file, options: CheckOptions(asOf: examplesAsOf)).findings
        #expect(!findings.contains { $0.severity == .error }, "\(findings.map(\.message))")
    }

    // MARK: reporting once

    @Test func anInheritedDefectIsReportedOnceAtThePurpose() throws {
        let example = RuleExample(
            "inherited",
            programme: RuleExample.baseProgramme.replacing(", legal-power: Localism Act 2011 s1", with: ""),
            systems: RuleExample.baseSystems + "\n  letters: {name: Letters, party: council, location: GB-ENG, stores: false}",
            flows: RuleExample.baseFlows
                + "\n  letter-1: {from: crm, to: letters, data: [contact], purpose: support, encrypted: true}"
                + "\n  letter-2: {from: crm, to: letters, data: [contact], purpose: support, encrypted: true}"
                + "\n  own: {from: crm, to: letters, data: [contact], purpose: support, encrypted: true, lawful-basis: {article-6: legal-obligation}}")
        let lb003 = Self.analyse(example.yaml).filter { $0.rule == "LB003" }
        #expect(lb003.count == 2, "\(lb003.map(\.message))")
        let atPurpose = try #require(lb003.first { $0.path == "programme.purposes.support.lawful-basis" })
        #expect(atPurpose.trace.isEmpty)
        #expect(atPurpose.message.contains("inherited by 3 flows: 'intake', 'letter-1', 'letter-2'"))
        #expect(lb003.contains { $0.path == "flows.own" })
    }

    @Test func findingsInAnAliasedBlockPointAtTheAlias() {
        let yaml = RuleExample(
            "alias",
            data: RuleExample.baseData + "\n  phone: {name: Phone, subjects: [resident], category: personal}",
            systems: """
                  crm:
                    name: Council CRM
                    party: council
                    location: GB-ENG
                    retention:
                      contact: &standard {period: P6Y, from: case-closed, disposal: delete}
                      phone: *standard
                """,
            flows: RuleExample.baseFlows.replacing("data: [contact]", with: "data: [contact, phone]")).yaml
        let rt003 = Self.analyse(yaml).filter { $0.rule == "RT003" }
        #expect(rt003.count == 2)
        let lines = Set(rt003.map(\.line))
        #expect(lines.count == 2, "each finding at its own place: \(rt003.map { "\($0.line):\($0.column) \($0.path)" })")
        let lineOf = { (needle: String) in (yaml.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1 }
        #expect(lines == [lineOf("contact: &standard"), lineOf("phone: *standard")])
    }

    @Test func mergedKeysPointAtTheMergeKey() throws {
        let yaml = """
            dpflow: 1
            programme:
              name: P
              description: D
              controllers: [council]
              purposes:
                support:
                  lawful-basis: {article-6: public-task, legal-power: L}
            subjects:
              resident: {name: Residents}
            data:
              contact: {name: Contact, subjects: [resident], category: personal}
            parties:
              council: {name: C, type: public-authority, role: controller, country: GB-ENG}
            systems:
              crm:
                name: CRM
                party: council
                location: GB-ENG
                retention:
                  contact:
                    <<: {period: P6Y, from: closed, disposal: delete, basis: B, colour: blue}
            flows:
              intake: {from: resident, to: crm, data: [contact], purpose: support, notice: n, encrypted: true}
            """
        let f = try #require(Self.analyse(yaml).first { $0.rule == "ST002" })
        #expect(f.line == 22 && f.message.contains("colour"))
    }

    // MARK: scope, roles and places

    @Test func anExternalControllerIsCheckedOnlyAtTheBoundary() {
        let example = RuleExample(
            "external",
            flows: RuleExample.baseFlows
                + "\n  referral: {from: crm, to: police-records, data: [contact], purpose: support}"
                + "\n  onward: {from: police-records, to: court, data: [contact], purpose: support}",
            programmeExtra: "  external: [courts]",
            partiesExtra: """
                  police: {name: Police, type: public-authority, role: controller, country: GB-ENG, scope: external}
                  courts: {name: Courts, type: public-authority, role: controller, country: GB-ENG}
                """,
            systemsExtra: """
                  police-records: {name: Police records, party: police, location: GB-ENG}
                  court: {name: Court records, party: courts, location: GB-ENG}
                """)
        let findings = Self.analyse(example.yaml)
        // The disclosure is checked: no agreement, not encrypted.
        #expect(findings.contains { $0.rule == "TR006" && $0.path == "flows.referral" })
        #expect(findings.contains { $0.rule == "TR010" && $0.path == "flows.referral" })
        // What the police do with it is not this programme's record.
        #expect(!findings.contains { $0.path.hasPrefix("systems.police-records") || $0.path.hasPrefix("systems.court") })
        #expect(!findings.contains { $0.path == "flows.onward" }, "\(findings.filter { $0.path == "flows.onward" }.map { $0.rule })")
    }

    @Test func aSystemWithItsOwnRoleIsJudgedByThatRole() throws {
        let example = RuleExample(
            "roles",
            flows: RuleExample.baseFlows + "\n  notify: {from: crm, to: notify, data: [contact], purpose: support, encrypted: true}",
            partiesExtra: "  gds: {name: GDS, type: public-authority, role: controller, country: GB}",
            systemsExtra: "  notify: {name: GOV.UK Notify, party: gds, role: processor, processor-for: [council], contract: MOU-1, location: GB, stores: false}")
        let findings = Self.analyse(example.yaml)
        #expect(!findings.contains { $0.rule == "TR006" }, "a processor for the council shares with no other controller")
        #expect(!findings.contains { $0.rule == "TR007" })
        let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "p.yaml")
        let g = try #require(loaded.graph)
        let notify = try #require(loaded.model?.systemIndex["notify"])
        #expect(g.systemRole[notify] == .processor)
        #expect(g.systemControllers[notify].map { g.model.parties[$0].id } == ["council"])
    }

    @Test func checkTraceAndDiagramAgreeOnWhereDataIs() throws {
        // A system in the UK held by a US company: a restricted transfer everywhere.
        let example = RuleExample(
            "place",
            flows: RuleExample.baseFlows + "\n  backup: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}",
            partiesExtra: "  host: {name: Host Inc, type: company, role: processor, country: US, processor-for: [council], contract: C-1}",
            systemsExtra: "  cloud: {name: Backup, party: host, location: GB, retention: {contact: {period: P30D, from: x, basis: y, disposal: delete}}}")
        let findings = Self.analyse(example.yaml)
        let tr001 = try #require(findings.first { $0.rule == "TR001" })
        #expect(tr001.message.contains("US"))
        let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "p.yaml")
        let g = try #require(loaded.graph)
        let cloud = try #require(loaded.model?.systemIndex["cloud"])
        #expect(g.placesLabel(ofSystem: cloud) == "GB (party in US)")
        #expect(g.drawnPlace(ofSystem: cloud)?.code == "US")
    }

    @Test func aDisclosureToIndividualsIsNotATransferOrARetention() {
        let example = RuleExample(
            "disclosure",
            flows: RuleExample.baseFlows + "\n  letter: {from: crm, to: resident, data: [contact], purpose: support, encrypted: true}")
        let findings = Self.analyse(example.yaml)
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule) \($0.message)" })")
    }

    // MARK: registries

    static func repoFile(_ relative: String) -> String? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<2 { dir.deleteLastPathComponent() }
        let path = dir.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// A scratch project folder with a `.git` marker.
    static func project(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-registry-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let registry = """
        dpflow: 1
        registry: {name: Shared register, owner: Records officer}
        subjects:
          resident: {name: Residents, count: 100}
        data:
          contact: {name: Contact details, subjects: [resident], category: personal}
          unused: {name: Something else, subjects: [resident], category: personal}
        parties:
          council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}
        systems:
          crm:
            name: Council CRM
            party: council
            location: GB-ENG
            retention:
              contact: {period: P6Y, from: case-closed, disposal: delete}
              unused: {period: P1Y, from: case-closed, disposal: delete}
        """

    static let programme = """
        dpflow: 1
        include: [registry/shared.yaml]
        programme:
          name: P
          description: D
          controllers: [council]
          purposes:
            support:
              lawful-basis: {article-6: public-task, legal-power: L}
          dpia: {status: approved, approved-by: S, approved-on: 2026-01-15, review-by: 2027-12-31}
        flows:
          intake: {from: resident, to: crm, data: [contact], purpose: support, notice: n, encrypted: true}
        """

    @Test func aProgrammeUsesItsRegistryAndFindingsNameTheRegistry() throws {
        let root = try Self.project(["registry/shared.yaml": Self.registry, "programmes/p.yaml": Self.programme.replacing("registry/", with: "../registry/")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = try CheckRunner.check(paths: [root + "/programmes/p.yaml"], options: CheckOptions(asOf: examplesAsOf))
        // The registry's retention has no basis: reported once, in the registry, for the data this programme uses.
        let rt003 = report.findings.filter { $0.rule == "RT003" }
        #expect(rt003.count == 1, "\(report.findings.map { "\($0.rule) \($0.file):\($0.line) \($0.message)" })")
        #expect(rt003.first?.file == root + "/registry/shared.yaml")
        #expect(rt003.first?.line == 16)
        #expect(rt003.first?.path == "systems.crm.retention.contact")
        #expect(!report.findings.contains { $0.rule.hasPrefix("ST") })
        // What no flow of this programme uses is the department map's business.
        #expect(!report.findings.contains { $0.message.contains("unused") })
    }

    @Test func aFolderChecksRegistriesOnceAndAloneWithStructureRules() throws {
        let root = try Self.project(["registry/shared.yaml": Self.registry, "p.yaml": Self.programme, "q.yaml": Self.programme])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = try CheckRunner.check(paths: [root], options: CheckOptions(asOf: examplesAsOf))
        #expect(report.files.count == 3)
        #expect(report.findings.filter { $0.rule == "RT003" }.count == 1, "a registry finding shared by two programmes is reported once")
        let alone = try CheckRunner.check(paths: [root + "/registry/shared.yaml"], options: CheckOptions(asOf: examplesAsOf))
        #expect(alone.findings.isEmpty, "a registry alone gets only the structure rules: \(alone.findings.map(\.message))")
    }

    @Test(arguments: [
        ("missing", ["p.yaml": programme.replacing("registry/shared.yaml", with: "registry/nope.yaml")], "names no file"),
        ("absolute", ["p.yaml": programme.replacing("registry/shared.yaml", with: "/etc/passwd")], "absolute path"),
        ("outside", ["p.yaml": programme.replacing("registry/shared.yaml", with: "../../outside.yaml")], "names no file|leaves the project"),
        ("programme", ["p.yaml": programme, "registry/shared.yaml": programme.replacing("registry/shared.yaml", with: "x.yaml")],
         "is a programme file"),
        ("cycle", ["p.yaml": programme, "registry/shared.yaml": registry.replacing("registry: {", with: "include: [other.yaml]\nregistry: {"),
                   "registry/other.yaml": registry.replacing("registry: {", with: "include: [shared.yaml]\nregistry: {")], "makes a cycle"),
        ("redeclared", ["p.yaml": programme + "\nsystems:\n  crm: {name: Mine, party: council, location: GB}", "registry/shared.yaml": registry],
         "declared here and also in the included registry"),
    ])
    func includeProblemsAreST007(_ name: String, _ files: [String: String], _ expected: String) throws {
        var all = files
        if all["registry/shared.yaml"] == nil, name != "missing" { all["registry/shared.yaml"] = Self.registry }
        let root = try Self.project(all)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = try CheckRunner.check(paths: [root + "/p.yaml"], options: CheckOptions(asOf: examplesAsOf))
        let st007 = report.findings.filter { $0.rule == "ST007" }
        let alternatives = expected.split(separator: "|").map(String.init)
        #expect(st007.contains { f in alternatives.contains { f.message.contains($0) } }, "\(name): \(report.findings.map(\.message))")
        #expect(st007.allSatisfy { $0.line >= 1 && $0.column >= 1 })
    }
}
