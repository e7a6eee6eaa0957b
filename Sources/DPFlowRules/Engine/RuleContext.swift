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

    public var model: ProgrammeModel { graph.model }
    public var file: String { graph.model.file }

    public init(graph: FlowGraph, configuration: RuleConfiguration, asOf: CalendarDate) {
        self.graph = graph
        self.configuration = configuration
        self.asOf = asOf
        self.screening = ScreeningResult(graph: graph, configuration: configuration)
    }

    // MARK: helpers shared by rules

    /// The party of a flow's source or target system, if resolved.
    public func party(ofNode node: Int) -> Party? {
        graph.party(ofNode: node).map { model.parties[$0] }
    }

    /// The controllers behind a node: for a controller's system, the controller;
    /// for a processor's, the controllers it acts for. Subjects have none.
    public func controllers(ofNode node: Int) -> [Int] {
        guard let p = graph.party(ofNode: node) else { return [] }
        return graph.controllersOf[p]
    }

    /// True when the party, or any controller it acts for, is a public authority.
    public func actsAsPublicAuthority(node: Int) -> Bool {
        guard let p = graph.party(ofNode: node) else { return false }
        if model.parties[p].isPublicAuthority { return true }
        return graph.controllersOf[p].contains { model.parties[$0].isPublicAuthority }
    }

    public func dataCategories(ofFlow f: Int) -> [DataCategory] {
        graph.flowData[f].map { model.data[$0] }
    }

    /// Does the flow carry data of this kind? (No copies: the hot path of several rules.)
    public func flow(_ f: Int, carriesKind kind: DataKind) -> Bool {
        graph.flowData[f].contains { model.data[$0].kind == kind }
    }

    /// Where to point for something wrong with a flow's lawful basis.
    public func lawfulBasisMark(_ flow: Flow) -> SourceMark {
        flow.lawfulBasis?.mark ?? flow.mark
    }

    public func systemName(_ s: Int) -> String { model.systems[s].id }
}
