import DPFlowDiagnostics
import DPFlowReporters
import DPFlowRules

/// The output formats of `dpflow rules` and `dpflow explain`.
public enum CatalogueFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// `dpflow rules` and `dpflow explain ID`.
public enum CatalogueCommands {
    public static func rules(format: CatalogueFormat) -> CommandOutcome {
        let all = RuleRegistry.descriptions
        let text: String
        switch format {
        case .text: text = CatalogueReporter.table(all)
        case .json: text = CatalogueReporter.tableJSON(all)
        case .markdown: text = CatalogueReporter.markdown(all)
        }
        return CommandOutcome(output: text, exitCode: 0)
    }

    public static func explain(id: String, format: CatalogueFormat) throws(EngineError) -> CommandOutcome {
        guard let d = RuleRegistry.description(of: id) else {
            let ids = RuleRegistry.descriptions.map(\.info.id)
            throw EngineError("no rule '\(id)'\(Suggestions.didYouMean(id.uppercased(), in: ids)) ('dpflow rules' lists them)")
        }
        return CommandOutcome(output: format == .json ? CatalogueReporter.explainJSON(d) : CatalogueReporter.explain(d), exitCode: 0)
    }
}
