/// One problem found in a flow file: a value, with its rule, position and path.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var name: String
    public var severity: Severity
    public var message: String
    public var fix: String
    public var file: String
    public var line: Int
    public var column: Int
    /// The dotted path of the element (FORMAT.md "Paths"), e.g. `flows.council-to-cloud`.
    public var path: String
    /// For a graph finding, the nodes behind it (e.g. `systems.foundry`); empty otherwise.
    public var trace: [String]
    /// Covered by a live exception: reported, but counted nowhere.
    public var excepted: Bool

    public init(
        rule: RuleInfo, severity: Severity? = nil, message: String, fix: String,
        file: String, at mark: SourceMark, path: String, trace: [String] = [], excepted: Bool = false
    ) {
        self.rule = rule.id
        self.name = rule.name
        self.severity = severity ?? rule.severity
        self.message = message
        self.fix = fix
        self.file = file
        self.line = mark.line
        self.column = mark.column
        self.path = path
        self.trace = trace
        self.excepted = excepted
    }

    public var mark: SourceMark { SourceMark(line: line, column: column) }

    /// The order every output uses: file, line, column, rule, then path and message
    /// so that the order is total and output is byte-identical run to run.
    public static func outputOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.path != b.path { return a.path < b.path }
        return a.message < b.message
    }
}

/// Collects the findings of one file while a stage runs.
public struct FindingSink: Sendable {
    public let file: String
    public private(set) var findings: [Finding] = []

    public init(file: String) { self.file = file }

    /// Adds a finding, unless the file's `FindingBudget` is spent: then it is
    /// only counted, and its message is never even formatted.
    public mutating func report(
        _ rule: RuleInfo, at mark: SourceMark, path: String, _ message: @autoclosure () -> String, fix: @autoclosure () -> String,
        trace: [String] = []
    ) {
        if let budget = FindingBudget.current, !budget.admit(rule.severity) { return }
        findings.append(Finding(rule: rule, message: message(), fix: fix(), file: file, at: mark, path: path, trace: trace))
    }

    public mutating func append(contentsOf other: [Finding]) { findings.append(contentsOf: other) }
}
