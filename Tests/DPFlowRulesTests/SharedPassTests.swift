import DPFlowDiagnostics
import DPFlowEngine
import DPFlowGraph
import DPFlowModel
@testable import DPFlowRules
import Foundation
import Testing

/// Flow rules and retention rules run in shared passes (one walk over the
/// flows, one over the retention entries). These tests hold the passes to
/// what each rule gives when it runs alone, and to each finding once.
@Suite("Shared rule passes")
struct SharedPassTests {
    /// Every example of every rule, and the repository's programmes.
    static func programmes() -> [(name: String, graph: FlowGraph)] {
        var out: [(String, FlowGraph)] = []
        for d in RuleRegistry.descriptions {
            for example in d.triggering + d.nonTriggering {
                let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "example.yaml")
                if let graph = loaded.graph { out.append(("\(d.info.id): \(example.title)", graph)) }
            }
        }
        for file in [
            "Flows/homes-for-ukraine.yaml", "Flows/ukraine-family-scheme.yaml", "Flows/everyone-in.yaml",
            "Flows/homelessness-case-level-collection.yaml", "Examples/blue-badge-digital-service.yaml",
            "Examples/shielded-patient-list.yaml",
        ] {
            guard let path = Format11Tests.repoFile(file), let loaded = try? ProgrammeLoader.load(file: path), let graph = loaded.graph
            else { continue }
            out.append((file, graph))
        }
        return out
    }

    static func key(_ f: Finding) -> String { "\(f.rule) \(f.file):\(f.line):\(f.column) \(f.path) \(f.message) \(f.trace)" }

    @Test func theSharedPassesGiveWhatEachRuleGivesAlone() {
        let programmes = Self.programmes()
        #expect(programmes.count > 100)
        let rules = RuleRegistry.rules
        for (name, graph) in programmes {
            let context = RuleContext(graph: graph, configuration: .standard, asOf: examplesAsOf)
            let shared = RuleRunner.runEnabled(rules, context).map(Self.key)
            var alone: [String] = []
            for type in rules {
                var sink = RuleFindings(description: type.description, file: context.file, model: context.model)
                type.init().check(context, into: &sink)
                alone += sink.findings.map(Self.key)
            }
            #expect(shared == alone, "\(name)")
        }
    }

    @Test func everyFindingIsGivenOnce() {
        for (name, graph) in Self.programmes() {
            let context = RuleContext(graph: graph, configuration: .standard, asOf: examplesAsOf)
            let keys = RuleRunner.runEnabled(RuleRegistry.rules, context).map(Self.key)
            let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(name): \(repeated)")
        }
    }

    /// A finding about the whole file (here an unknown Schedule 1 condition)
    /// comes once however many flows the programme has.
    @Test func aFileLevelFindingDoesNotRepeatPerFlow() throws {
        var example = try #require(RuleRegistry.description(of: "LB006")?.triggering.first)
        example.programme = example.programme.replacing("lawful-basis: {", with: "lawful-basis: {schedule-1: [no-such-condition], ")
        for i in 0..<5 {
            example.flows += "\n  extra-\(i): {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}"
        }
        let findings = run(example).filter { $0.message.contains("no-such-condition") }
        #expect(findings.count == 1, "\(findings.map(\.message))")
    }

    /// `FindingSet` keeps what `Set<Finding>` keeps, in the order first seen.
    @Test func findingSetKeepsTheFirstOfEqualFindings() {
        var findings: [Finding] = []
        for (_, graph) in Self.programmes() {
            let context = RuleContext(graph: graph, configuration: .standard, asOf: examplesAsOf)
            findings += RuleRunner.runEnabled(RuleRegistry.rules, context)
        }
        // Equal findings repeated, and others at the same place with another message.
        var input = findings + findings.prefix(25)
        for f in findings.prefix(25) {
            var other = f
            other.message += " (another)"
            input.append(other)
        }
        var set = FindingSet()
        var standard = Set<Finding>()
        let kept = input.filter { set.insert($0) }
        let expected = input.filter { standard.insert($0).inserted }
        #expect(kept == expected)
        #expect(findings.count > 25)
    }
}
