import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowRules

/// A flow file taken through the whole pipeline: load, model, graph, rules.
/// What check prints and what the report is built from.
public struct ProgrammeAnalysis: Sendable {
    public let file: String
    public let model: ProgrammeModel?
    public let graph: FlowGraph?
    public let findings: [Finding]
    public let screening: ScreeningResult?
    public let rulesRun: [String]
    public let rulesOff: [String]
    /// Findings past `CheckOptions.maxFindings`, counted but not kept.
    public internal(set) var findingsLeftOut = 0
    public internal(set) var worstLeftOut: Severity?

    init(
        file: String, model: ProgrammeModel?, graph: FlowGraph?, findings: [Finding], screening: ScreeningResult?,
        rulesRun: [String], rulesOff: [String]
    ) {
        self.file = file
        self.model = model
        self.graph = graph
        self.findings = findings
        self.screening = screening
        self.rulesRun = rulesRun
        self.rulesOff = rulesOff
    }

    /// Loads and checks a file with its findings capped at `options.maxFindings`
    /// (FindingCap): a hostile file cannot make the run keep or print millions.
    public static func analyse(file: String, options: CheckOptions) throws(EngineError) -> ProgrammeAnalysis {
        try analyse(file: file, options: options, includes: IncludeLoader(limits: options.configuration.loadLimits))
    }

    /// With the include loader of a run, so that registries are read once.
    static func analyse(file: String, options: CheckOptions, includes: IncludeLoader) throws(EngineError) -> ProgrammeAnalysis {
        try capped(options) { () throws(EngineError) in
            analyse(loaded: try ProgrammeLoader.load(file: file, includes: includes, limits: options.configuration.loadLimits), options: options)
        }
    }

    /// A flow file already read (the standard input), shown as `file`.
    public static func analyse(bytes: [UInt8], file: String, options: CheckOptions) -> ProgrammeAnalysis {
        let limits = options.configuration.loadLimits
        return (try? capped(options) { () throws(EngineError) in analyse(loaded: ProgrammeLoader.load(bytes: bytes, file: file, limits: limits), options: options) })
            ?? analyse(loaded: ProgrammeLoader.load(bytes: bytes, file: file, limits: limits), options: options)
    }

    /// Runs `body` with the file's findings budget in force (the loader and the
    /// sinks stop keeping findings once it is spent), then keeps the most severe
    /// `options.maxFindings` and counts the rest.
    static func capped(_ options: CheckOptions, _ body: () throws(EngineError) -> ProgrammeAnalysis) throws(EngineError) -> ProgrammeAnalysis {
        let budget = options.maxFindings.map(FindingBudget.init(limit:))
        let outcome: Result<ProgrammeAnalysis, EngineError> = FindingBudget.$current.withValue(budget) {
            do throws(EngineError) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        var analysis = try outcome.get()
        let capped = FindingCap.apply(analysis.findings, limit: options.maxFindings, budget: budget)
        analysis = ProgrammeAnalysis(
            file: analysis.file, model: analysis.model, graph: analysis.graph, findings: capped.findings, screening: analysis.screening,
            rulesRun: analysis.rulesRun, rulesOff: analysis.rulesOff)
        analysis.findingsLeftOut = capped.leftOut
        analysis.worstLeftOut = capped.worstLeftOut
        return analysis
    }

    static func analyse(loaded: LoadedProgramme, options: CheckOptions) -> ProgrammeAnalysis {
        let file = loaded.file
        let result = RuleRunner.run(
            graph: loaded.graph, loadFindings: loaded.findings, configuration: options.configuration, asOf: options.asOf)
        return ProgrammeAnalysis(
            file: file, model: loaded.model, graph: loaded.graph, findings: result.findings, screening: result.screening,
            rulesRun: result.rulesRun, rulesOff: result.rulesOff)
    }
}
