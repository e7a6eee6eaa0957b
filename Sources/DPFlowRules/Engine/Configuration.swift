import DPFlowDiagnostics
import DPFlowModel
import DPFlowYAML

/// `.dpflow.yaml`: severity overrides, rules switched off, limits, and load limits.
public struct RuleConfiguration: Sendable {
    public var severities: [String: Severity] = [:]
    public var disabled: Set<String> = []
    /// A subject group of this many people or more is large scale.
    public var largeScaleSubjects = 10_000
    /// The longest retention allowed per kind of data (RT005).
    public var retentionCeilings: [DataKind: ISODuration] = [.criminalOffence: ISODuration(iso: "P6M")].compactMapValues { $0 }
    /// The loader's safety limits (`load-limits:`; `--max-file-mb` overrides the file size).
    public var loadLimits = LoadLimits.standard
    /// The file the configuration came from, if any.
    public var source: String?

    public init() {}

    public static let standard = RuleConfiguration()

    public func isEnabled(_ id: String) -> Bool { !disabled.contains(id) }
    public func severity(of info: RuleInfo) -> Severity { severities[info.id] ?? info.severity }
}
