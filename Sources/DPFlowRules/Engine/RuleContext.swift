import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel

/// Everything a rule may read: the graph (and its model), the configuration,
/// the as-of date and the DPIA screening, computed once.
public struct RuleContext: Sendable {
    public let graph: FlowGraph
    public let configuration: RuleConfiguration
    public let asOf: CalendarDate
    public let screening: ScreeningResult
    /// The flows this programme's record covers, in file order: every flow but
    /// those between two systems outside it (FORMAT.md 1.1, `scope: external`).
    public let recordFlows: [Int]
    /// (1.1) Where automated decisions are declared, found once for every rule that judges them.
    let automatedDecisionSites: [AutomatedDecisionSite]

    public var model: ProgrammeModel { graph.model }
    public var file: String { graph.model.file }

    public init(graph: FlowGraph, configuration: RuleConfiguration, asOf: CalendarDate) {
        self.graph = graph
        self.configuration = configuration
        self.asOf = asOf
        self.screening = ScreeningResult(graph: graph, configuration: configuration)
        self.recordFlows = graph.model.flows.indices.filter { graph.inRecord(flow: $0) }
        self.automatedDecisionSites = AutomatedDecisionSite.find(graph: graph, recordFlows: recordFlows)
    }

    /// True when a system is one whose own processing this programme records:
    /// not of a `scope: external` party (retention and onward flows are the
    /// external controller's business).
    public func inScope(system s: Int) -> Bool { !graph.systemExternal[s] }

    /// The systems in scope, in file order.
    public var scopedSystems: [Int] { model.systems.indices.filter { !graph.systemExternal[$0] } }

    // MARK: helpers shared by rules

    /// The party of a flow's source or target system, if resolved.
    public func party(ofNode node: Int) -> Party? {
        graph.party(ofNode: node).map { model.parties[$0] }
    }

    /// The controllers behind a node: for a controller's system, the controller;
    /// for a processor's, the controllers it acts for. Subjects have none.
    /// A system with its own role (1.1) answers for the controllers of that role.
    public func controllers(ofNode node: Int) -> [Int] {
        guard let s = graph.systemIndex(ofNode: node) else { return [] }
        return graph.systemControllers[s]
    }

    /// True when the system's party, or any controller it acts for there, is a public authority.
    public func actsAsPublicAuthority(node: Int) -> Bool {
        guard let s = graph.systemIndex(ofNode: node), let p = graph.party(ofNode: node) else { return false }
        if model.parties[p].isPublicAuthority { return true }
        return graph.systemControllers[s].contains { model.parties[$0].isPublicAuthority }
    }

    /// The role a node's party acts in there (a system's own `role`, else its party's).
    public func role(ofNode node: Int) -> PartyRole? {
        guard let s = graph.systemIndex(ofNode: node) else { return nil }
        return graph.systemRole[s]
    }

    public func dataCategories(ofFlow f: Int) -> [DataCategory] {
        graph.flowData[f].map { model.data[$0] }
    }

    /// Does the flow carry data of this kind? (No copies: the hot path of several rules.)
    public func flow(_ f: Int, carriesKind kind: DataKind) -> Bool { graph.flow(f, carriesKind: kind) }

    /// A flow's effective lawful basis, computed once in the graph.
    public func basis(ofFlow f: Int) -> LawfulBasis? { graph.effectiveBasis(ofFlow: f) }

    /// Where to point for something wrong with a flow's lawful basis.
    public func lawfulBasisMark(_ flow: Flow) -> SourceMark {
        flow.lawfulBasis?.mark ?? flow.mark
    }

    public func systemName(_ s: Int) -> String { model.systems[s].id }
}
