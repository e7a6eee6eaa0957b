import DPFlowModel
import DPFlowDiagnostics

/// A rule of the catalogue: one type, in its own file, with its description
/// and the examples that prove it (run as tests for every registered rule).
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Appends the rule's findings. Structure rules are raised while loading and
    /// leave this empty.
    func check(_ context: RuleContext, into findings: inout RuleFindings)
}

extension Rule {
    public var info: RuleInfo { Self.description.info }
}

/// What a DPO reads in `dpflow explain`.
public struct RuleDescription: Sendable {
    public let info: RuleInfo
    /// The law or guidance the rule rests on.
    public let law: String
    public let link: String
    /// What triggers it, in plain words.
    public let triggers: String
    /// How to fix a finding.
    public let fix: String
    /// Examples are built when asked for (explain, tests), not when rules run.
    private let triggeringExamples: @Sendable () -> [RuleExample]
    private let nonTriggeringExamples: @Sendable () -> [RuleExample]
    public var triggering: [RuleExample] { triggeringExamples() }
    public var nonTriggering: [RuleExample] { nonTriggeringExamples() }

    public init(
        _ info: RuleInfo, law: String, link: String, triggers: String, fix: String,
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]
    ) {
        self.info = info
        self.law = law
        self.link = link
        self.triggers = triggers
        self.fix = fix
        self.triggeringExamples = triggering
        self.nonTriggeringExamples = nonTriggering
    }
}

/// Collects a rule's findings with the rule's identity filled in.
public struct RuleFindings {
    let info: RuleInfo
    let defaultFix: String
    let file: String
    /// (1.1) The file that declares what a path names: an included registry's
    /// entity is reported in the registry's file, at its own line and column.
    let model: ProgrammeModel?
    public private(set) var findings: [Finding] = []

    init(description: RuleDescription, file: String, model: ProgrammeModel? = nil) {
        self.info = description.info
        self.defaultFix = description.fix
        self.file = file
        self.model = model
    }

    private func file(for path: String) -> String {
        guard let model, model.files.count > 1 else { return file }
        return model.file(forPath: path)
    }

    public mutating func add(
        at mark: SourceMark, path: String, _ message: String, fix: String? = nil, trace: [String] = [],
        severity: Severity? = nil
    ) {
        findings.append(
            Finding(
                rule: info, severity: severity, message: message, fix: fix ?? defaultFix, file: file(for: path),
                at: mark, path: path,
                trace: trace))
    }
}
