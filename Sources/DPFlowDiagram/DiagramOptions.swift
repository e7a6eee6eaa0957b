import DPFlowModel

/// What a diagram shows.
public struct DiagramOptions: Sendable {
    public enum Level: String, Sendable, CaseIterable {
        /// Systems as nodes inside party and jurisdiction clusters.
        case systems
        /// One node per party, edges aggregated: for board summaries of large programmes.
        case parties
    }

    public var level: Level = .systems
    /// Which way the flows run: left to right (by stage), or top to bottom.
    public enum Direction: String, Sendable, CaseIterable {
        case leftToRight = "LR"
        case topToBottom = "TB"
    }
    public var direction: Direction = .leftToRight
    /// Whether lines name their lawful basis (the report's tables give it, so
    /// the report leaves it off the lines to keep the drawing small).
    public var showBasis = true
    /// Only the flows that carry this data category (the lineage view).
    public var data: String?
    /// A system, party or subject id, and how many hops around it to show.
    public var focus: String?
    public var depth = 1
    /// Only these systems (by id) and the flows between them: the report's
    /// per-controller parts when the whole programme does not fit a page.
    public var systems: [String]?
    /// Shown in the title block.
    public var asOf: CalendarDate?
    /// Flows with error findings, by flow id, with the rule ids: highlighted.
    public var errorRules: [String: [String]] = [:]
    /// Flows with warning findings, by flow id, with the rule ids: marked too.
    public var warningRules: [String: [String]] = [:]

    public init() {}

    var viewName: String {
        var parts: [String] = []
        if let data { parts.append("data \(data)") }
        if let focus { parts.append("around \(focus), \(depth) hop\(depth == 1 ? "" : "s")") }
        if let systems { parts.append("\(systems.count) system\(systems.count == 1 ? "" : "s")") }
        if level == .parties { parts.append("parties") }
        return parts.isEmpty ? "whole programme" : parts.joined(separator: ", ")
    }
}

/// A view that names something the programme does not declare.
public struct DiagramError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
