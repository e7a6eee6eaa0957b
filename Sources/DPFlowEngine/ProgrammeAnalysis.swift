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

    public static func analyse(file: String, options: CheckOptions) throws(EngineError) -> ProgrammeAnalysis {
        try analyse(file: file, options: options, includes: IncludeLoader())
    }

    /// With the include loader of a run, so that registries are read once.
    static func analyse(file: String, options: CheckOptions, includes: IncludeLoader) throws(EngineError) -> ProgrammeAnalysis {
        analyse(loaded: try ProgrammeLoader.load(file: file, includes: includes), options: options)
    }

    /// A flow file already read (the standard input), shown as `file`.
    public static func analyse(bytes: [UInt8], file: String, options: CheckOptions) -> ProgrammeAnalysis {
        analyse(loaded: ProgrammeLoader.load(bytes: bytes, file: file), options: options)
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
