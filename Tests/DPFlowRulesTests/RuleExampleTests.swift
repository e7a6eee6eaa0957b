import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import DPFlowRules
import Testing

let examplesAsOf = CalendarDate(iso: "2026-11-29") ?? .unixEpoch

func run(_ example: RuleExample, configuration: RuleConfiguration = .standard) -> [Finding] {
    let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "example.yaml")
    return RuleRunner.run(graph: loaded.graph, loadFindings: loaded.findings, configuration: configuration, asOf: examplesAsOf)
        .findings
}

/// Every rule's examples run as tests: no rule exists without examples that prove it.
@Suite("Rule examples")
struct RuleExampleTests {
    static let ids = RuleRegistry.descriptions.map(\.info.id)

    @Test func catalogueHasEveryRuleOnce() {
        let expected = [
            "ST001", "ST002", "ST003", "ST004", "ST005", "ST006", "ST007",
            "LB001", "LB002", "LB003", "LB004", "LB005", "LB006", "LB007", "LB008", "LB009", "LB010",
            "LB011", "LB012", "LB013",
            "TP001", "TP002", "TP003",
            "RT001", "RT002", "RT003", "RT004", "RT005", "RT006", "RT007", "RT008", "RT009", "RT010",
            "TR001", "TR002", "TR003", "TR004", "TR005", "TR006", "TR007", "TR008", "TR009", "TR010", "TR011", "TR012",
            "TR013",
            "DP001", "DP002", "DP003", "DP004",
            "GR001", "GR002",
            "EX001", "EX002", "EX003",
        ]
        #expect(Self.ids == expected)
        #expect(Set(RuleRegistry.descriptions.map(\.info.name)).count == expected.count)
    }

    @Test(arguments: ids)
    func ruleHasExamples(_ id: String) throws {
        let d = try #require(RuleRegistry.description(of: id))
        #expect(!d.triggering.isEmpty, "\(id) has no triggering example")
        #expect(!d.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        #expect(!d.law.isEmpty && !d.triggers.isEmpty && !d.fix.isEmpty)
        #expect(d.info.id.hasPrefix(d.info.area.rawValue))
    }

    @Test(arguments: ids)
    func triggeringExamplesFire(_ id: String) throws {
        let d = try #require(RuleRegistry.description(of: id))
        for example in d.triggering {
            let findings = run(example)
            #expect(findings.contains { $0.rule == id }, "\(id) did not fire on '\(example.title)': \(findings.map(\.rule))")
            if !id.hasPrefix("ST") {
                let structural = findings.filter { $0.rule.hasPrefix("ST") }
                #expect(structural.isEmpty, "\(id) example '\(example.title)' is not a valid file: \(structural.map(\.message))")
            }
            for f in findings where f.rule == id {
                #expect(f.line >= 1 && f.column >= 1 && !f.path.isEmpty || id.hasPrefix("ST"), "\(id): \(f)")
                #expect(!f.fix.isEmpty, "\(id) finding has no fix")
            }
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesStaySilent(_ id: String) throws {
        let d = try #require(RuleRegistry.description(of: id))
        for example in d.nonTriggering {
            let findings = run(example)
            #expect(!findings.contains { $0.rule == id && !$0.excepted }, "\(id) fired on '\(example.title)': \(findings.filter { $0.rule == id }.map(\.message))")
            let structural = findings.filter { $0.rule.hasPrefix("ST") }
            #expect(structural.isEmpty, "\(id) example '\(example.title)' is not a valid file: \(structural.map(\.message))")
        }
    }

    @Test func baselineExampleIsCleanUnderEveryRule() {
        #expect(run(RuleExample("baseline")).isEmpty)
    }
}
