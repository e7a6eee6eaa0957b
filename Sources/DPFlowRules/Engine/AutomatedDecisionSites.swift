import DPFlowDiagnostics
import DPFlowGraph
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

    /// Every site of a programme: computed once, in `RuleContext`.
    static func all(in context: RuleContext) -> [AutomatedDecisionSite] { context.automatedDecisionSites }

    static func find(graph: FlowGraph, recordFlows: [Int]) -> [AutomatedDecisionSite] {
        let model = graph.model
        var sites: [AutomatedDecisionSite] = []
        var byPurpose: [Int: [Int]] = [:]
        if model.programme.purposes.contains(where: { $0.automatedDecision != nil }) {
            for f in recordFlows where model.flows[f].automatedDecision == nil && graph.flowPurpose[f] >= 0 {
                byPurpose[graph.flowPurpose[f], default: []].append(f)
            }
        }
        for (i, purpose) in model.programme.purposes.enumerated() {
            guard let d = purpose.automatedDecision else { continue }
            sites.append(
                AutomatedDecisionSite(
                    decision: d, path: "\(purpose.path).automated-decision", title: "purpose '\(purpose.id)'",
                    flows: byPurpose[i] ?? [], purposeBasis: purpose.lawfulBasis))
        }
        for f in recordFlows {
            guard let d = model.flows[f].automatedDecision else { continue }
            let id = model.flows[f].id
            sites.append(AutomatedDecisionSite(decision: d, path: "flows.\(id)", title: "flow '\(id)'", flows: [f], purposeBasis: nil))
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
            (context.model.flows[f].id, context.basis(ofFlow: f))
        }
    }

    /// True when the decision rests wholly or partly on special category data:
    /// it says so, or a flow it covers carries special (or `reveals`) data.
    func restsOnSpecialData(_ context: RuleContext) -> Bool {
        if decision.specialCategory?.value == true { return true }
        return flows.contains { context.flow($0, carriesKind: .special) }
    }
}
