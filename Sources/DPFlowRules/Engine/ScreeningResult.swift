import DPFlowGraph
import DPFlowModel

/// The DPIA screening (RULES.md "Screening"), computed once per programme and
/// kept on the result: each criterion met, with the reason for it.
public struct ScreeningResult: Sendable {
    public struct Met: Sendable {
        public let criterion: DPIACriteria.Criterion
        public let reason: String
    }

    /// Every criterion met, in catalogue order.
    public let met: [Met]
    /// Whether a DPIA is required.
    public let required: Bool
    /// Why it is required (or not), in one sentence.
    public let conclusion: String

    public init(graph: FlowGraph, configuration: RuleConfiguration) {
        let model = graph.model
        let s = model.programme.screening
        var met: [DPIACriteria.Criterion: String] = [:]

        let threshold = configuration.largeScaleSubjects
        let large = model.subjects.filter { ($0.count?.value ?? 0) >= threshold }
        let sensitive = model.data.filter { $0.kind != .personal }
        // Art 35(3)(b) pairs the two: a large group whose own data is sensitive.
        let sensitiveGroups = Set(sensitive.flatMap { $0.subjects.map(\.value) })
        let largeSensitive = large.filter { sensitiveGroups.contains($0.id) }
        let vulnerable = model.subjects.filter { $0.vulnerable?.value == true || $0.children?.value == true }
        let matching = Self.dataMatching(graph)
        let special = Set(model.data.flatMap { $0.specialCategories })

        let largeReason = large.map { "'\($0.id)' (\($0.count?.value ?? 0) people)" }.joined(separator: ", ")
        if !large.isEmpty { met[.largeScale] = "subject groups of \(threshold) or more: \(largeReason)" }
        if !sensitive.isEmpty {
            met[.sensitiveData] = "special category or criminal offence data: " + sensitive.map { "'\($0.id)'" }.joined(separator: ", ")
        }
        if !vulnerable.isEmpty {
            let reason = "vulnerable people or children: " + vulnerable.map { "'\($0.id)'" }.joined(separator: ", ")
            met[.vulnerableSubjects] = reason
            met[.targetingVulnerable] = reason
        }
        if let m = matching {
            met[.matchingDatasets] = m
            met[.dataMatching] = m
        }
        if s[.profiling] { met[.evaluationScoring] = "screening: profiling is true" }
        let decisions = model.programme.purposes.compactMap { p in p.automatedDecision.map { ($0, "purpose '\(p.id)'") } }
            + model.flows.compactMap { f in f.automatedDecision.map { ($0, "flow '\(f.id)'") } }
        if s[.automatedDecisions] {
            met[.automatedDecisions] = "screening: automated-decisions is true"
            met[.automatedDecisionsWithEffect] = "screening: automated-decisions is true"
        } else if let (d, site) = decisions.first {
            let reason = "\(site) takes \(d.decision.map { "'\($0.value)'" } ?? "a significant decision") solely by automated means"
            met[.automatedDecisions] = reason
            met[.automatedDecisionsWithEffect] = reason
        }
        if s[.systematicMonitoring] { met[.systematicMonitoring] = "screening: systematic-monitoring is true" }
        if s[.innovativeTechnology] {
            met[.innovativeUse] = "screening: innovative-technology is true"
            met[.innovativeTechnology] = "screening: innovative-technology is true"
        }
        if s[.denialOfService] {
            met[.preventingRights] = "screening: denial-of-service is true"
            met[.denialOfService] = "screening: denial-of-service is true"
        }
        if s[.invisibleProcessing] { met[.invisibleProcessing] = "screening: invisible-processing is true" }
        if s[.tracking] { met[.tracking] = "screening: tracking is true" }
        if s[.physicalHarm] { met[.physicalHarm] = "screening: physical-harm is true" }
        if !large.isEmpty {
            if !largeSensitive.isEmpty {
                let pairs = largeSensitive.map { subject in
                    let data = sensitive.filter { $0.subjects.contains { $0.value == subject.id } }.map { "'\($0.id)'" }
                    return "'\(subject.id)' (\(subject.count?.value ?? 0) people): \(data.joined(separator: ", "))"
                }
                met[.largeScaleSensitive] = "special category or criminal offence data about large groups: " + pairs.joined(separator: "; ")
            }
            if s[.systematicMonitoring] { met[.largeScaleMonitoring] = "systematic monitoring of \(largeReason)" }
            if s[.profiling] { met[.largeScaleProfiling] = "profiling of \(largeReason)" }
        }
        if special.contains(.biometric) { met[.biometric] = "biometric special category data" }
        if special.contains(.genetic) { met[.genetic] = "genetic special category data" }

        self.met = DPIACriteria.Criterion.allCases.compactMap { c in met[c].map { Met(criterion: c, reason: $0) } }

        let wp248 = self.met.filter { $0.criterion.source == .wp248 }
        let standalone = self.met.filter {
            ($0.criterion.source == .article35 || $0.criterion.source == .icoList) && !$0.criterion.needsAnotherCriterion
        }
        let plusOne = self.met.filter { $0.criterion.needsAnotherCriterion }
        if let first = standalone.first {
            required = true
            conclusion = "required: \(first.criterion.source.rawValue), \(first.criterion.title)"
        } else if wp248.count >= DPIACriteria.wp248Threshold {
            required = true
            conclusion = "required: \(wp248.count) WP248 criteria are met"
        } else if let p = plusOne.first(where: { item in wp248.contains { $0.criterion != Self.implied(by: item.criterion) } }) {
            required = true
            conclusion = "required: \(p.criterion.title) with another WP248 criterion"
        } else {
            required = false
            conclusion = "not required: no Art 35(3) case or ICO list item holds, and fewer than two WP248 criteria are met"
        }
    }

    /// The WP248 criterion a "+1" ICO item holds by itself, which cannot count as its "another".
    static func implied(by item: DPIACriteria.Criterion) -> DPIACriteria.Criterion {
        item == .innovativeTechnology ? .innovativeUse : .sensitiveData
    }

    /// A system receives the same subject group's data from systems of two or
    /// more different parties.
    static func dataMatching(_ graph: FlowGraph) -> String? {
        let model = graph.model
        for s in model.systems.indices {
            let node = graph.node(ofSystem: s)
            var partiesBySubject: [String: Set<Int>] = [:]
            for f in graph.inFlows[node] {
                guard let p = graph.party(ofNode: graph.flowFrom[f]) else { continue }
                for d in graph.flowData[f] {
                    for subject in model.data[d].subjects { partiesBySubject[subject.value, default: []].insert(p) }
                }
            }
            for (subject, parties) in partiesBySubject.sorted(by: { $0.key < $1.key }) where parties.count >= 2 {
                let names = parties.map { model.parties[$0].id }.sorted().map { "'\($0)'" }.joined(separator: ", ")
                return "system '\(model.systems[s].id)' receives data about '\(subject)' from \(names)"
            }
        }
        return nil
    }

    /// The criteria met, with those that the ICO list, WP248 and Article 35
    /// share named once: each group's title, its sources, and the first reason.
    public var grouped: [(title: String, sources: [String], reason: String)] {
        var out: [(title: String, sources: [String], reason: String)] = []
        for m in met {
            let title = m.criterion.sharedTitle
            if let i = out.firstIndex(where: { $0.title == title }) {
                if !out[i].sources.contains(m.criterion.source.rawValue) { out[i].sources.append(m.criterion.source.rawValue) }
            } else {
                out.append((title, [m.criterion.source.rawValue], m.reason))
            }
        }
        return out
    }

    /// The criteria met, as "title (reason)" lines.
    public var lines: [String] { met.map { "\($0.criterion.title) (\($0.reason))" } }
}
