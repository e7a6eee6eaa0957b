import DPFlowDepartment
import DPFlowDiagnostics
import DPFlowReporters
import DPFlowRules

/// The output formats of `dpflow rules` and `dpflow explain`.
public enum CatalogueFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// `dpflow rules` and `dpflow explain ID`.
public enum CatalogueCommands {
    /// The whole catalogue: each programme's rules, then the department map's (DM).
    public static var catalogue: [RuleDescription] {
        RuleRegistry.descriptions + DepartmentRuleRegistry.descriptions.map { d in
            // A DM example is several files: shown one after another, each headed by its path.
            func shown(_ list: [DepartmentExample]) -> [RuleExample] {
                list.map { e in RuleExample.file(e.title, e.files.map { "# --- \($0.path) ---\n\($0.yaml)" }.joined(separator: "\n")) }
            }
            let (triggering, nonTriggering) = (shown(d.triggering), shown(d.nonTriggering))
            return RuleDescription(
                d.info, law: d.law, link: d.link, triggers: d.triggers + " (Run by `dpflow map` across programmes.)", fix: d.fix,
                triggering: triggering, nonTriggering: nonTriggering)
        }
    }

    public static func rules(format: CatalogueFormat) -> CommandOutcome {
        let all = catalogue
        let text: String
        switch format {
        case .text: text = CatalogueReporter.table(all)
        case .json: text = CatalogueReporter.tableJSON(all)
        case .markdown: text = CatalogueReporter.markdown(all)
        }
        return CommandOutcome(output: text, exitCode: 0)
    }

    public static func explain(id: String, format: CatalogueFormat) throws(EngineError) -> CommandOutcome {
        guard let d = catalogue.first(where: { $0.info.id == id.uppercased() }) else {
            let ids = catalogue.map(\.info.id)
            throw EngineError("no rule '\(id)'\(Suggestions.didYouMean(id.uppercased(), in: ids)) ('dpflow rules' lists them)")
        }
        return CommandOutcome(output: format == .json ? CatalogueReporter.explainJSON(d) : CatalogueReporter.explain(d), exitCode: 0)
    }
}
