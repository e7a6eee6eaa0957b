import Foundation
import Testing

/// The MHCLG example department in Flows/ (docs/examples.md): `dpflow map`
/// and `dpflow where` on it, end to end, against the committed Reports/department.
@Suite("dpflow map and where on the example department, end to end")
struct DepartmentMapCommandTests {
    /// Every output, the interactive page included (its behaviour has its own browser test).
    static let compared = ["map.html", "map.json", "ropa.csv", "data-map.svg", "findings.json"]

    @Test func committedDepartmentMapIsUpToDate() throws {
        let dir = try CLI.scratch([:])
        let out = dir.appendingPathComponent("department").path
        let r = try CLI.run(["map", "Flows", "-o", out, "--as-of", "2026-11-29"], in: CLI.packageRoot)
        // DM001 (conflicting retention) is an error, so the default --fail-on error exits 1.
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("department map: 4 programmes, 1 registry"), "\(r.stdout)")
        for name in Self.compared {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name))
            let committed = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Reports/department/\(name)"))
            let same = fresh == committed
            #expect(same, "Reports/department/\(name) is out of date: run 'make reports' and commit it")
        }
    }

    @Test func theExampleHasOneFindingOfEachDepartmentRule() throws {
        let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Reports/department/findings.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let dm = findings.compactMap { $0["rule"] as? String }.filter { $0.hasPrefix("DM") }.sorted()
        #expect(dm == ["DM001", "DM002", "DM003", "DM004"])
        // Each where docs/examples.md says it is.
        func place(_ rule: String) -> String? {
            findings.first { $0["rule"] as? String == rule }.map { "\($0["file"] ?? ""):\($0["path"] ?? "")" }
        }
        #expect(place("DM001") == "Flows/ukraine-family-scheme.yaml:systems.case-management.retention.guest-identity")
        #expect(place("DM002") == "Flows/everyone-in.yaml:parties.ministry")
        #expect(place("DM003") == "Flows/registry/department.yaml:systems.council-case-system")
        #expect(place("DM004") == "Flows/registry/department.yaml:systems.statistics-warehouse.retention.rough-sleeper-health-linkage")
    }

    @Test func whereListsEverySystemHoldingGuestsData() throws {
        let r = try CLI.run(["where", "Flows", "--subject", "guest", "--format", "json"], in: CLI.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let places = try #require(doc["places"] as? [[String: Any]])
        let systems = places.compactMap { $0["system"] as? String }.sorted()
        #expect(systems == [
            "backup-store", "case-management", "charity-crm", "cloud-hosting", "council-case-system",
            "scottish-council-system", "statistics-warehouse", "visa-casework",
        ])
        // The systems both Ukraine schemes use are listed with both programmes.
        for shared in ["case-management", "council-case-system", "visa-casework"] {
            let progs = places.first { $0["system"] as? String == shared }?["programmes"] as? [String]
            #expect(progs == ["Homes for Ukraine", "Ukraine Family Scheme"], "\(shared)")
        }
    }

    /// A registry is not a programme: diagram, trace and report say so (exit 2).
    @Test func aRegistryIsNotDrawnOrReportedOn() throws {
        for args in [["diagram", "Flows/registry/department.yaml"], ["report", "Flows/registry/department.yaml", "-o", "/tmp/dpflow-registry-report"],
                     ["trace", "Flows/registry/department.yaml", "--data", "guest-identity"]] {
            let r = try CLI.run(args, in: CLI.packageRoot)
            #expect(r.status == 2, "\(args): \(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains("is a registry, not a programme"), "\(args): \(r.stderr)")
        }
    }
}
