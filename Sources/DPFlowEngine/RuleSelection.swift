import DPFlowDiagnostics
import DPFlowRules
import Foundation

/// `check --select IDS` and `--ignore IDS`: which rules run, on top of the
/// configuration. Ids are comma-separated and may be repeated; an unknown id is
/// an error with "did you mean". Structure (ST) rules always run: they say
/// whether the file could be read at all, so `--ignore ST...` is refused and
/// `--select` never switches them off.
public struct RuleSelection: Sendable {
    public let selected: Set<String>
    public let ignored: Set<String>

    public init(select: [String], ignore: [String]) throws(EngineError) {
        let known = RuleRegistry.descriptions.map(\.info.id)
        func ids(_ lists: [String], _ option: String) throws(EngineError) -> Set<String> {
            var out = Set<String>()
            for list in lists {
                for raw in list.split(separator: ",") {
                    let id = raw.trimmingCharacters(in: .whitespaces).uppercased()
                    guard !id.isEmpty else { continue }
                    guard known.contains(id) else {
                        let hint = Suggestions.nearest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? ""
                        throw EngineError("\(option): unknown rule '\(raw)'\(hint) (dpflow rules lists them)")
                    }
                    out.insert(id)
                }
            }
            return out
        }
        selected = try ids(select, "--select")
        ignored = try ids(ignore, "--ignore")
        if let st = ignored.filter({ $0.hasPrefix(RuleArea.structure.rawValue) }).sorted().first {
            throw EngineError("--ignore: \(st) is a structure rule and cannot be ignored: it reports a file dpflow could not read")
        }
    }

    /// Switches off, in `configuration`, every rule not selected and every rule ignored.
    public func apply(to configuration: inout RuleConfiguration) {
        for description in RuleRegistry.descriptions {
            let id = description.info.id
            if id.hasPrefix(RuleArea.structure.rawValue) { continue }
            if (!selected.isEmpty && !selected.contains(id)) || ignored.contains(id) {
                configuration.disabled.insert(id)
            }
        }
    }
}
