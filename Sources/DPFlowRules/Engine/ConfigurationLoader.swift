import DPFlowDiagnostics
import DPFlowModel
import DPFlowYAML

/// A configuration file that cannot be used: the command stops with exit 2.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads `.dpflow.yaml` (CLI.md "Configuration"). Unknown keys and rule ids
/// are errors with "did you mean", never silently ignored. The structure rules
/// (ST...) decide whether a file can be read at all: a configuration that
/// tries to switch one off or lower its severity is an error (exit 2), so a
/// `.dpflow.yaml` dropped in a parent folder cannot make a broken file pass.
public enum ConfigurationLoader {
    public static func load(bytes: [UInt8], file: String) throws(ConfigurationError) -> RuleConfiguration {
        let loaded = YAMLLoader.load(bytes: bytes, file: file)
        if let f = loaded.findings.first {
            throw ConfigurationError(message: "\(file):\(f.line):\(f.column): \(f.message)")
        }
        var config = RuleConfiguration()
        config.source = file
        guard let root = loaded.root else { return config }
        func fail(_ node: YAMLNode, _ message: String) -> ConfigurationError {
            ConfigurationError(message: "\(file):\(node.mark.line):\(node.mark.column): \(message)")
        }
        guard let top = root.pairs else { throw fail(root, "the configuration must be a mapping") }
        // The department-map rules (DM) are configured here too: `dpflow map` takes check's configuration.
        let ids = RuleRegistry.rules.map { $0.description.info.id } + DepartmentRuleInfo.all.map(\.id)
        for pair in top {
            switch pair.keyText {
            case "rules"?:
                if pair.value.isNull { continue }
                guard let rules = pair.value.pairs else { throw fail(pair.value, "'rules' must map rule ids to settings") }
                for r in rules {
                    let id = r.keyText ?? ""
                    guard ids.contains(id) else {
                        throw fail(r.key, "unknown rule id '\(id)'\(Suggestions.didYouMean(id, in: ids))")
                    }
                    guard let settings = r.value.pairs else { throw fail(r.value, "settings for \(id) must be a mapping, e.g. {severity: error}") }
                    for s in settings {
                        switch s.keyText {
                        case "severity"?:
                            guard let text = s.value.text, let sev = Severity(rawValue: text) else {
                                throw fail(s.value, "severity must be error, warning or info")
                            }
                            if Self.isStructural(id) && sev != .error {
                                throw fail(s.value, "\(id) is a structure rule: its findings are always errors")
                            }
                            config.severities[id] = sev
                        case "enabled"?:
                            switch s.value.text {
                            case "true"?: config.disabled.remove(id)
                            case "false"? where Self.isStructural(id):
                                throw fail(s.value, "\(id) is a structure rule and cannot be switched off: a file it rejects cannot be checked")
                            case "false"?: config.disabled.insert(id)
                            default: throw fail(s.value, "enabled must be true or false")
                            }
                        default:
                            let k = s.keyText ?? ""
                            throw fail(s.key, "unknown key '\(k)' for rule \(id)\(Suggestions.didYouMean(k, in: ["severity", "enabled"]))")
                        }
                    }
                }
            case "limits"?:
                if pair.value.isNull { continue }
                guard let limits = pair.value.pairs else { throw fail(pair.value, "'limits' must be a mapping") }
                for l in limits {
                    switch l.keyText {
                    case "large-scale-subjects"?:
                        guard let text = l.value.text, let n = Int(text), n > 0 else {
                            throw fail(l.value, "large-scale-subjects must be a positive whole number")
                        }
                        config.largeScaleSubjects = n
                    case "retention-ceiling"?:
                        guard let ceilings = l.value.pairs else { throw fail(l.value, "retention-ceiling must map data kinds to durations") }
                        for c in ceilings {
                            let k = c.keyText ?? ""
                            guard let kind = DataKind(rawValue: k) else {
                                throw fail(c.key, "unknown data kind '\(k)'\(Suggestions.didYouMean(k, in: DataKind.allowedValues))")
                            }
                            guard let text = c.value.text, let d = ISODuration(iso: text) else {
                                throw fail(c.value, "a retention ceiling is an ISO 8601 duration such as P6M")
                            }
                            config.retentionCeilings[kind] = d
                        }
                    default:
                        let k = l.keyText ?? ""
                        throw fail(l.key, "unknown limit '\(k)'\(Suggestions.didYouMean(k, in: ["large-scale-subjects", "retention-ceiling"]))")
                    }
                }
            case "load-limits"?:
                if pair.value.isNull { continue }
                guard let limits = pair.value.pairs else {
                    throw fail(pair.value, "'load-limits' must be a mapping, e.g. {max-file-mb: 64}")
                }
                let names = LoadLimits.Key.allCases.map(\.rawValue)
                for l in limits {
                    let k = l.keyText ?? ""
                    guard let key = LoadLimits.Key(rawValue: k) else {
                        throw fail(l.key, "unknown load limit '\(k)'\(Suggestions.didYouMean(k, in: names)); the load limits are \(names.joined(separator: ", "))")
                    }
                    guard let text = l.value.scalar?.text, let n = Int(text), n > 0, n <= key.ceiling else {
                        throw fail(l.value, "\(k) must be a whole number from 1 to \(key.ceiling) (\(key.unit))")
                    }
                    config.loadLimits.set(key, to: n)
                }
            default:
                let k = pair.keyText ?? ""
                throw fail(pair.key, "unknown key '\(k)'\(Suggestions.didYouMean(k, in: ["rules", "limits", "load-limits"]))")
            }
        }
        return config
    }

    /// ST001-ST007: whether the file can be read, decoded and resolved.
    static func isStructural(_ id: String) -> Bool { id.hasPrefix("ST") }
}
