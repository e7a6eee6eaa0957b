import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel
import DPFlowRules
import Testing

/// Behaviour beyond the examples: graph walks, screening, configuration, exceptions.
@Suite("Rule behaviour")
struct RuleBehaviourTests {
    /// Three systems in a cycle, each keeping contact details.
    static func cycle(periods: [String], residency: String? = nil, locations: [String] = ["GB-ENG", "GB-ENG", "GB-ENG"]) -> RuleExample {
        let names = ["a", "b", "c"]
        let systems = zip(names, zip(periods, locations)).map { n, pl in
            "  \(n): {name: \(n), party: council, location: \(pl.1), retention: {contact: {period: \(pl.0), from: x, basis: y, disposal: delete}}}"
        }.joined(separator: "\n")
        let flows = """
              in: {from: resident, to: a, data: [contact], purpose: support, notice: n, encrypted: true}
              ab: {from: a, to: b, data: [contact], purpose: support, encrypted: true}
              bc: {from: b, to: c, data: [contact], purpose: support, encrypted: true}
              ca: {from: c, to: a, data: [contact], purpose: support, encrypted: true}
            """
        let data = "  contact: {name: Contact, subjects: [resident], category: personal\(residency.map { ", residency: \($0)" } ?? "")}"
        return RuleExample("cycle", data: data, systems: systems, flows: flows)
    }

    @Test func retentionWalkTerminatesOnCyclesAndNamesThePath() throws {
        let findings = run(Self.cycle(periods: ["P1Y", "P2Y", "P3Y"])).filter { $0.rule == "RT004" }
        #expect(findings.count == 2)
        let c = try #require(findings.first { $0.path == "systems.c.retention.contact" })
        #expect(c.trace == ["systems.b", "systems.c"])
        #expect(run(Self.cycle(periods: ["P1Y", "P1Y", "P12M"])).filter { $0.rule == "RT004" }.isEmpty)
    }

    @Test func residencyFollowsAnyNumberOfHopsThroughCycles() throws {
        let example = Self.cycle(periods: ["P1Y", "P1Y", "P1Y"], residency: "GB-ENG", locations: ["GB-ENG", "GB-ENG", "GB-SCT"])
        let f = try #require(run(example).first { $0.rule == "TR005" })
        #expect(f.trace == ["subjects.resident", "systems.a", "systems.b", "systems.c"])
        #expect(f.path == "flows.bc")
        let inGB = Self.cycle(periods: ["P1Y", "P1Y", "P1Y"], residency: "GB", locations: ["GB-ENG", "GB-WLS", "GB-SCT"])
        #expect(!run(inGB).contains { $0.rule == "TR005" })
    }

    @Test func screeningRecordsEachCriterionWithItsReason() throws {
        let example = RuleExample(
            "screening",
            programme: RuleExample.baseProgramme + "\n  screening: {profiling: true}",
            subjects: "  resident: {name: Residents, count: 20000}")
        let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "s.yaml")
        let graph = try #require(loaded.graph)
        let screening = ScreeningResult(graph: graph, configuration: .standard)
        let criteria = screening.met.map(\.criterion)
        #expect(criteria.contains(.largeScaleProfiling))
        #expect(criteria.contains(.largeScale))
        #expect(criteria.contains(.evaluationScoring))
        #expect(screening.required)
        #expect(screening.met.first { $0.criterion == .largeScale }?.reason.contains("'resident' (20000 people)") == true)
        var config = RuleConfiguration()
        config.largeScaleSubjects = 50_000
        let small = ScreeningResult(graph: graph, configuration: config)
        #expect(!small.met.map(\.criterion).contains(.largeScale))
        #expect(!small.required)
    }

    @Test func dataMatchingIsDerivedFromTheGraph() throws {
        let example = RuleExample(
            "matching",
            parties: RuleExample.baseParties + "\n  police: {name: Police, type: public-authority, role: controller, country: GB-ENG}\n  dwp: {name: DWP, type: public-authority, role: controller, country: GB}",
            systems: RuleExample.baseSystems
                + "\n  p: {name: P, party: police, location: GB-ENG, retention: {contact: {period: P1Y, from: x, basis: y, disposal: delete}}}"
                + "\n  d: {name: D, party: dwp, location: GB, retention: {contact: {period: P1Y, from: x, basis: y, disposal: delete}}}",
            flows: RuleExample.baseFlows
                + "\n  from-p: {from: p, to: crm, data: [contact], purpose: support, encrypted: true, agreement: A}"
                + "\n  from-d: {from: d, to: crm, data: [contact], purpose: support, encrypted: true, agreement: B}")
        let loaded = ProgrammeLoader.load(bytes: Array(example.yaml.utf8), file: "m.yaml")
        let screening = ScreeningResult(graph: try #require(loaded.graph), configuration: .standard)
        #expect(screening.met.map(\.criterion).contains(.dataMatching))
        #expect(screening.required)
    }

    @Test func biometricNeedsAnotherCriterionBesidesSensitivity() throws {
        let biometric = RuleExample("biometric", data: "  contact: {name: Face scans, subjects: [resident], category: special, special: [biometric]}")
        let loaded = ProgrammeLoader.load(bytes: Array(biometric.yaml.utf8), file: "b.yaml")
        #expect(!ScreeningResult(graph: try #require(loaded.graph), configuration: .standard).required)
    }

    @Test func configurationChangesSeveritiesSwitchesRulesOffAndSetsCeilings() throws {
        let yaml = "rules:\n  TR010: {severity: error}\n  GR001: {enabled: false}\nlimits:\n  retention-ceiling: {personal: P1Y}\n"
        let config = try ConfigurationLoader.load(bytes: Array(yaml.utf8), file: ".dpflow.yaml")
        #expect(config.severities["TR010"] == .error)
        #expect(!config.isEnabled("GR001"))
        let findings = run(RuleExample("x", systemsExtra: "  legacy: {name: L, party: council, location: GB-ENG}"), configuration: config)
        #expect(!findings.contains { $0.rule == "GR001" })
        #expect(findings.contains { $0.rule == "RT005" })  // P6Y > P1Y for personal data
    }

    @Test func configurationRejectsUnknownKeysAndRulesWithSuggestions() {
        for (yaml, expected) in [
            ("rules:\n  TRO10: {severity: error}\n", "did you mean 'TR010'?"),
            ("rule:\n  TR010: {severity: error}\n", "did you mean 'rules'?"),
            ("rules:\n  TR010: {severty: error}\n", "did you mean 'severity'?"),
            ("limits:\n  large-scale-subject: 5\n", "did you mean 'large-scale-subjects'?"),
            ("rules:\n  TR010: {severity: fatal}\n", "severity must be"),
        ] {
            do {
                _ = try ConfigurationLoader.load(bytes: Array(yaml.utf8), file: ".dpflow.yaml")
                Issue.record("accepted \(yaml)")
            } catch {
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(error.message.hasPrefix(".dpflow.yaml:"))
            }
        }
    }

    static let share = RuleExample(
        "share",
        parties: RuleExample.baseParties + "\n  partner: {name: Partner, type: public-authority, role: controller, country: GB-ENG}",
        systems: RuleExample.baseSystems + "\n" + "  partner-crm: {name: P, party: partner, location: GB-ENG, retention: {contact: {period: P2Y, from: x, basis: y, disposal: delete}}}",
        flows: RuleExample.baseFlows + "\n  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: DSA-1}")

    @Test func liveExceptionMarksItsFindingExcepted() throws {
        var example = Self.share
        example.exceptions = "  - {rule: TR010, at: flows.share, reason: r, approved-by: DPO, expires: 2026-11-29}"
        let findings = run(example)
        let f = try #require(findings.first { $0.rule == "TR010" })
        #expect(f.excepted)
        #expect(!findings.contains { $0.rule.hasPrefix("EX") })
        let report = FindingReportBridge.summary(findings)
        #expect(report == [0, 0, 0])
    }

    @Test func expiredExceptionReportsBothAndCounts() throws {
        var example = Self.share
        example.exceptions = "  - {rule: TR010, at: flows.share, reason: r, approved-by: DPO, expires: 2026-11-28}"
        let findings = run(example)
        #expect(findings.first { $0.rule == "TR010" }?.excepted == false)
        #expect(findings.contains { $0.rule == "EX001" })
    }

    @Test func exceptionNamingAnUnknownRuleIsAnUnknownReference() {
        var example = RuleExample("x")
        example.exceptions = "  - {rule: TR999, at: flows.intake, reason: r, approved-by: DPO, expires: 2027-01-01}"
        #expect(run(example).map(\.rule) == ["ST004"])
    }
}

/// Counts (errors, warnings, info) the way the reporters do.
enum FindingReportBridge {
    static func summary(_ findings: [Finding]) -> [Int] {
        let counted = findings.filter { !$0.excepted }
        return [Severity.error, .warning, .info].map { s in counted.filter { $0.severity == s }.count }
    }
}
