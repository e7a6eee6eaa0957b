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
    /// The rule's runner in the shared pass over the flows, or over the
    /// retention entries, when it takes part in one (`FlowRule`,
    /// `RetentionRule` supply these; other rules keep the default, nil).
    func flowPassRunner(_ context: RuleContext) -> (any FlowPassRunner)?
    func retentionPassRunner(_ context: RuleContext) -> (any RetentionPassRunner)?
}

extension Rule {
    public var info: RuleInfo { Self.description.info }

    public func flowPassRunner(_ context: RuleContext) -> (any FlowPassRunner)? { nil }
    public func retentionPassRunner(_ context: RuleContext) -> (any RetentionPassRunner)? { nil }
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

// MARK: shared passes

/// A rule that judges the programme's record one flow at a time. The runner
/// gives every enabled flow rule each flow in one shared pass (`RuleRunner`);
/// run alone (`check(_:into:)`, as its examples are), the rule walks the
/// flows itself. `Pass` is what the rule carries from flow to flow (for
/// example the defects it reports once, at the purpose, at the end).
public protocol FlowRule: Rule {
    associatedtype Pass = Void
    func begin(_ context: RuleContext) -> Pass
    func check(flow f: Int, _ context: RuleContext, pass: inout Pass, into findings: inout RuleFindings)
    func end(_ context: RuleContext, pass: inout Pass, into findings: inout RuleFindings)
}

extension FlowRule where Pass == Void {
    public func begin(_ context: RuleContext) -> Pass { () }
}

extension FlowRule {
    public func flowPassRunner(_ context: RuleContext) -> (any FlowPassRunner)? { FlowPassEntry(self, context) }

    public func end(_ context: RuleContext, pass: inout Pass, into findings: inout RuleFindings) {}

    public func check(_ context: RuleContext, into findings: inout RuleFindings) {
        var pass = begin(context)
        for f in context.recordFlows { check(flow: f, context, pass: &pass, into: &findings) }
        end(context, pass: &pass, into: &findings)
    }
}

/// A rule that judges each retention entry of the systems in scope on its
/// own, given with its system's index and its data category's (-1 when that
/// does not resolve). The runner gives every enabled retention rule each
/// entry in one shared pass.
public protocol RetentionRule: Rule {
    func check(
        entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext, into findings: inout RuleFindings)
}

extension RetentionRule {
    public func retentionPassRunner(_ context: RuleContext) -> (any RetentionPassRunner)? { RetentionPassEntry(self, context) }

    public func check(_ context: RuleContext, into findings: inout RuleFindings) {
        RetentionPass.walk(context) { entry, s, d in check(entry: entry, system: s, data: d, context, into: &findings) }
    }
}

/// The walk over every retention entry of the systems in scope, in file
/// order, with no entry copied.
enum RetentionPass {
    static func walk(_ context: RuleContext, _ visit: (RetentionEntry, Int, Int) -> Void) {
        let systems = context.model.systems
        let entryData = context.graph.entryData
        for s in systems.indices where context.inScope(system: s) {
            systems[s].retention.withUnsafeBufferPointer { entries in
                for e in entries.indices { visit(entries[e], s, entryData[s][e]) }
            }
        }
    }
}

/// One flow rule in the shared pass, with its own findings and state. A
/// class: the pass calls it for every flow, and a reference is not copied.
public protocol FlowPassRunner: AnyObject {
    func visit(flow f: Int, _ context: RuleContext)
    func finish(_ context: RuleContext) -> [Finding]
}

/// One retention rule in the shared pass over the retention entries.
public protocol RetentionPassRunner: AnyObject {
    func visit(_ entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext)
    var findings: [Finding] { get }
}

final class FlowPassEntry<R: FlowRule>: FlowPassRunner {
    let rule: R
    // Only the pass that owns the runner touches these, one flow at a time,
    // so the run-time exclusivity check (a call per flow per rule) is left out.
    @exclusivity(unchecked) var pass: R.Pass
    @exclusivity(unchecked) var sink: RuleFindings

    init(_ rule: R, _ context: RuleContext) {
        self.rule = rule
        pass = rule.begin(context)
        sink = RuleFindings(description: R.description, file: context.file, model: context.model)
    }

    func visit(flow f: Int, _ context: RuleContext) { rule.check(flow: f, context, pass: &pass, into: &sink) }

    func finish(_ context: RuleContext) -> [Finding] {
        rule.end(context, pass: &pass, into: &sink)
        return sink.findings
    }
}

/// One retention rule in the shared pass, with its own findings: a class,
/// so the pass calls it for every entry without copying it.
final class RetentionPassEntry<R: RetentionRule>: RetentionPassRunner {
    let rule: R
    // As for flow runners: touched only by the pass that owns it, in turn.
    @exclusivity(unchecked) var sink: RuleFindings
    var findings: [Finding] { sink.findings }

    init(_ rule: R, _ context: RuleContext) {
        self.rule = rule
        sink = RuleFindings(description: R.description, file: context.file, model: context.model)
    }

    func visit(_ entry: RetentionEntry, system s: Int, data d: Int, _ context: RuleContext) {
        rule.check(entry: entry, system: s, data: d, context, into: &sink)
    }
}
