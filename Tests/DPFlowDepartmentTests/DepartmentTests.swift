import DPFlowDepartment
import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import Foundation
import Testing

let asOf = CalendarDate(iso: "2026-11-29") ?? .unixEpoch

/// A scratch project (with a `.git` marker, so includes stay inside it).
func project(_ files: [(path: String, yaml: String)]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dpflow-dept-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
    for (path, yaml) in files {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try yaml.write(toFile: full, atomically: true, encoding: .utf8)
    }
    return root
}

func mapFindings(_ files: [(path: String, yaml: String)]) async throws -> [Finding] {
    let root = try project(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    return try await MapRunner.analyse(paths: [root], options: CheckOptions(asOf: asOf)).findings
}

/// Every DM rule's examples run as tests, as every other rule's do.
@Suite("Department rules")
struct DepartmentRuleTests {
    static let ids = DepartmentRuleRegistry.descriptions.map(\.info.id)

    @Test func catalogue() {
        #expect(Self.ids == ["DM001", "DM002", "DM003", "DM004"])
        for d in DepartmentRuleRegistry.descriptions {
            #expect(!d.triggering.isEmpty && !d.nonTriggering.isEmpty && !d.law.isEmpty && !d.fix.isEmpty)
        }
    }

    @Test(arguments: ids)
    func triggeringExamplesFire(_ id: String) async throws {
        let d = try #require(DepartmentRuleRegistry.descriptions.first { $0.info.id == id })
        for example in d.triggering {
            let findings = try await mapFindings(example.files)
            let hits = findings.filter { $0.rule == id }
            #expect(!hits.isEmpty, "\(id) did not fire on '\(example.title)': \(findings.map { "\($0.rule) \($0.message)" })")
            #expect(!findings.contains { $0.rule.hasPrefix("ST") }, "\(id) example '\(example.title)' is not valid: \(findings.map(\.message))")
            for f in hits {
                #expect(f.line >= 1 && f.column >= 1 && !f.path.isEmpty && f.file.hasSuffix(".yaml"), "\(f)")
            }
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesStaySilent(_ id: String) async throws {
        let d = try #require(DepartmentRuleRegistry.descriptions.first { $0.info.id == id })
        for example in d.nonTriggering {
            let findings = try await mapFindings(example.files)
            #expect(!findings.contains { $0.rule == id }, "\(id) fired on '\(example.title)': \(findings.filter { $0.rule == id }.map(\.message))")
            #expect(!findings.contains { $0.rule.hasPrefix("ST") }, "\(findings.map(\.message))")
        }
    }
}

@Suite("Department map")
struct DepartmentMapTests {
    static let files: [(path: String, yaml: String)] = [
        ("registry.yaml", DepartmentFixtures.registry),
        ("a.yaml", DepartmentFixtures.programme("Programme A", data: ["contact", "health"])),
        ("b.yaml", DepartmentFixtures.programme("Programme B", data: ["contact"])),
    ]

    @Test func registryEntitiesAreOneWhereverIncluded() async throws {
        let root = try project(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try await DepartmentLoader.load(paths: [root], options: CheckOptions(asOf: asOf))
        let d = loaded.department
        #expect(d.programmes.count == 2 && d.registries.count == 1)
        let crm = try #require(d.find(.systems, "crm"))
        #expect(d.entities[crm].declarations.count == 1 && d.entities[crm].isInRegistry)
        #expect(d.entities[crm].programmes.count == 2)
        #expect(d.find(.systems, "Council CRM") == crm, "found by name too")
    }

    @Test func locallyDeclaredEntitiesMatchByIdOrFoldedNameWithinTheirOwner() async throws {
        let a = DepartmentFixtures.standalone("Programme A", systemID: "crm", systemName: "Council CRM", party: "A Council")
        let b = DepartmentFixtures.standalone("Programme B", systemID: "council-crm", systemName: "council  C.R.M.", party: "A council")
        let c = DepartmentFixtures.standalone("Programme C", systemID: "crm", systemName: "Council CRM", party: "Another Council", partyID: "another-council")
        let root = try project([("a.yaml", a), ("b.yaml", b), ("c.yaml", c)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let d = try await DepartmentLoader.load(paths: [root], options: CheckOptions(asOf: asOf)).department
        let crm = try #require(d.entity(.systems, "crm", inProgramme: 0))
        #expect(d.entity(.systems, "council-crm", inProgramme: 1) == crm, "folded name, same party")
        #expect(d.entity(.systems, "crm", inProgramme: 2) != crm, "the same id of another body's system is another system")
    }

    @Test func whereListsEveryPlaceWithRetentionBasisAndArrivals() async throws {
        let root = try project(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try await DepartmentLoader.load(paths: [root], options: CheckOptions(asOf: asOf))
        let q = try WhereQuery(loaded.department, .subject("resident"))
        #expect(q.places.map(\.system) == ["crm"])
        let place = try #require(q.places.first)
        #expect(place.programmes == ["Programme A", "Programme B"])
        #expect(place.holdings.contains { $0.data == "health" && $0.retention == "6 years from case closed, then deleted" && $0.sensitive != nil })
        #expect(place.arrivals.count == 2)
        #expect(place.arrivals.allSatisfy { $0.lawfulBasis.hasPrefix("public-task") })
        let csv = WhereWriter.csv(q)
        #expect(csv.hasPrefix(WhereWriter.csvHeaders.joined(separator: ",") + "\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count == 1 + 3 + 1)  // header, contact x2 programmes + health, trailing
        do {
            _ = try WhereQuery(loaded.department, .subject("residnt"))
            Issue.record("an unknown id must fail")
        } catch {
            guard case .unknown(let message) = error else { return }
            #expect(message.contains("did you mean 'resident'?"))
        }
    }

    /// A registry system's schedule lists every programme's data; a programme
    /// holds there only what its own flows bring.
    @Test func whereCountsARegistrySystemOnlyForTheDataAProgrammeBringsThere() async throws {
        let b = DepartmentFixtures.programme("Programme B", data: ["contact"])
            .replacing("flows:\n", with: "systems:\n  notes: {name: Nurse notes, party: council, location: GB-ENG, retention: {health: {period: P1Y, from: visit, basis: B, disposal: delete}}}\nflows:\n  nurse: {from: resident, to: notes, data: [health], purpose: support, notice: n, encrypted: true}\n")
            .replacing("Localism Act 2011 s1}", with: "Localism Act 2011 s1, article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]}")
        let root = try project([("registry.yaml", DepartmentFixtures.registry), ("a.yaml", DepartmentFixtures.programme("Programme A", data: ["contact", "health"])), ("b.yaml", b)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try await DepartmentLoader.load(paths: [root], options: CheckOptions(asOf: asOf))
        let q = try WhereQuery(loaded.department, .data("health"))
        let crm = try #require(q.places.first { $0.system == "crm" })
        #expect(crm.programmes == ["Programme A"], "\(crm.holdings)")
        #expect(q.places.contains { $0.system == "notes" && $0.programmes == ["Programme B"] })
    }

    @Test func aSystemIsNamedAsTheDepartmentKnowsIt() async throws {
        let a = DepartmentFixtures.standalone("Programme A", systemID: "box", systemName: "Name given by A", party: "A Council")
        let b = DepartmentFixtures.standalone("Programme B", systemID: "box", systemName: "Name given by B", party: "A Council")
        let root = try project([("a.yaml", a), ("b.yaml", b)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try await DepartmentLoader.load(paths: [root], options: CheckOptions(asOf: asOf))
        let q = try WhereQuery(loaded.department, .subject("resident"))
        #expect(q.places.map(\.systemName) == ["Name given by A"])
    }

    @Test func outputsAreDeterministicAndParallelLoadingKeepsFileOrder() async throws {
        let many = (0..<12).map { i in ("p\(i).yaml", DepartmentFixtures.programme("Programme \(i)", data: ["contact"])) }
        let root = try project([("registry.yaml", DepartmentFixtures.registry)] + many)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out1 = root + "/out1", out2 = root + "/out2"
        let r1 = try await MapRunner.run(paths: [root], output: out1, options: CheckOptions(asOf: asOf))
        _ = try await MapRunner.run(paths: [root], output: out2, options: CheckOptions(asOf: asOf))
        #expect(r1.exitCode == 0, "\(r1.output)")
        for name in MapRunner.outputNames {
            let a = try Data(contentsOf: URL(fileURLWithPath: out1 + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: out2 + "/" + name))
            #expect(a == b && !a.isEmpty, "\(name) differs between runs")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out1 + "/map.json"))) as? [String: Any])
        let files = (json["programmes"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
        #expect(files == files.sorted())
        #expect(files.count == 12)
    }
}

enum DepartmentFixtures {
    /// The DM rules' own example files: the tests and the catalogue use one department.
    static let registry = DepartmentExamples.registry
    static func programme(_ name: String, data: [String]) -> String { DepartmentExamples.programme(name, data: data) }

    static func standalone(_ name: String, systemID: String, systemName: String, party: String, partyID: String = "council") -> String {
        """
        dpflow: 1
        programme:
          name: \(name)
          description: A programme.
          controllers: [\(partyID)]
          purposes:
            support:
              lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}
        subjects:
          resident: {name: Residents}
        data:
          contact: {name: Contact details, subjects: [resident], category: personal}
        parties:
          \(partyID): {name: \(party), type: public-authority, role: controller, country: GB-ENG}
        systems:
          \(systemID):
            name: \(systemName)
            party: \(partyID)
            location: GB-ENG
            retention:
              contact: {period: P6Y, from: case-closed, basis: Schedule, disposal: delete}
        flows:
          intake: {from: resident, to: \(systemID), data: [contact], purpose: support, notice: n, encrypted: true}
        """
    }
}
