import DPFlowDiagnostics
import DPFlowModel

/// (1.1) Where significant solely automated decisions are declared, with the
/// flows each one covers: a purpose's decision covers the flows of that
/// purpose that do not declare their own; a flow's decision covers that flow.
/// Rules about decisions report once per site, where the decision is written.
struct AutomatedDecisionSite {
    let decision: AutomatedDecision
    /// `programme.purposes.<id>.automated-decision` or `flows.<id>`.
    let path: String
    let title: String
    /// The record flows the decision covers (indices).
    let flows: [Int]
    /// For a purpose's decision with no flows, the purpose's basis.
    let purposeBasis: LawfulBasis?

    static func all(in context: RuleContext) -> [AutomatedDecisionSite] {
        let model = context.model
        var sites: [AutomatedDecisionSite] = []
        var byPurpose: [Int: [Int]] = [:]
        for f in context.recordFlows where model.flows[f].automatedDecision == nil {
            if let p = model.flows[f].purpose.flatMap({ model.purposeIndex[$0.value] }) { byPurpose[p, default: []].append(f) }
        }
        for (i, purpose) in model.programme.purposes.enumerated() {
            guard let d = purpose.automatedDecision else { continue }
            sites.append(
                AutomatedDecisionSite(
                    decision: d, path: "\(purpose.path).automated-decision", title: "purpose '\(purpose.id)'",
                    flows: byPurpose[i] ?? [], purposeBasis: purpose.lawfulBasis))
        }
        for f in context.recordFlows {
            let flow = model.flows[f]
            guard let d = flow.automatedDecision else { continue }
            sites.append(AutomatedDecisionSite(decision: d, path: flow.path, title: "flow '\(flow.id)'", flows: [f], purposeBasis: nil))
        }
        return sites
    }

    /// What is decided, quoted for a message.
    var what: String { decision.decision.map { "'\($0.value)'" } ?? "a decision" }

    /// The lawful bases the decision rests on: each covered flow's effective
    /// basis, or the purpose's own when no flow uses it yet.
    func bases(_ context: RuleContext) -> [(flow: String?, basis: LawfulBasis?)] {
        if flows.isEmpty { return [(nil, purposeBasis)] }
        return flows.map { f in
            let flow = context.model.flows[f]
            return (flow.id, context.model.effectiveLawfulBasis(of: flow))
        }
    }

    /// True when the decision rests wholly or partly on special category data:
    /// it says so, or a flow it covers carries special (or `reveals`) data.
    func restsOnSpecialData(_ context: RuleContext) -> Bool {
        if decision.specialCategory?.value == true { return true }
        return flows.contains { context.flow($0, carriesKind: .special) }
    }
}
