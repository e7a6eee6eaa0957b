import DPFlowDiagnostics

/// A rule of the department map (RULES.md "DM"): one type in its own file,
/// run by `dpflow map` across every programme and registry, with examples
/// (sets of files) that the tests run.
public protocol DepartmentRule: Sendable {
    static var description: DepartmentRuleDescription { get }
    init()
    func check(_ department: Department, into findings: inout DepartmentFindings)
}

/// What `dpflow explain DM00x` shows.
public struct DepartmentRuleDescription: Sendable {
    public let info: RuleInfo
    public let law: String
    public let link: String
    public let triggers: String
    public let fix: String
    private let triggeringExamples: @Sendable () -> [DepartmentExample]
    private let nonTriggeringExamples: @Sendable () -> [DepartmentExample]
    public var triggering: [DepartmentExample] { triggeringExamples() }
    public var nonTriggering: [DepartmentExample] { nonTriggeringExamples() }

    public init(
        _ info: RuleInfo, law: String, link: String, triggers: String, fix: String,
        triggering: @autoclosure @escaping @Sendable () -> [DepartmentExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [DepartmentExample]
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

/// A small department: files by path (relative to the project folder).
public struct DepartmentExample: Sendable {
    public let title: String
    public let files: [(path: String, yaml: String)]

    public init(_ title: String, _ files: [(path: String, yaml: String)]) {
        self.title = title
        self.files = files
    }
}

/// Collects a DM rule's findings with the rule's identity filled in.
public struct DepartmentFindings: Sendable {
    let info: RuleInfo
    let defaultFix: String
    public private(set) var findings: [Finding] = []

    init(_ description: DepartmentRuleDescription) {
        info = description.info
        defaultFix = description.fix
    }

    public mutating func add(
        file: String, at mark: SourceMark, path: String, _ message: String, fix: String? = nil, trace: [String] = []
    ) {
        findings.append(
            Finding(rule: info, message: message, fix: fix ?? defaultFix, file: file, at: mark, path: path, trace: trace))
    }
}

/// Every DM rule, in catalogue order.
public enum DepartmentRuleRegistry {
    public static let rules: [any DepartmentRule.Type] = [
        ConflictingRetention.self, DuplicateEntity.self, CrossProgrammeMatching.self, RegistryDataUnused.self,
    ]

    public static var descriptions: [DepartmentRuleDescription] { rules.map { $0.description } }

    /// Runs the enabled rules; `enabled` says which ids run.
    public static func run(_ department: Department, enabled: (String) -> Bool = { _ in true }) -> [Finding] {
        var out: [Finding] = []
        for rule in rules where enabled(rule.description.info.id) {
            var sink = DepartmentFindings(rule.description)
            rule.init().check(department, into: &sink)
            out += sink.findings
        }
        return out
    }
}

/// Small files for the DM examples (and the department tests): a registry and
/// programmes that share it.
public enum DepartmentExamples {
    public static let registry = """
        dpflow: 1
        registry: {name: Department register}
        subjects:
          resident: {name: Residents, count: 5000}
        data:
          contact: {name: Contact details, subjects: [resident], category: personal}
          health: {name: Health needs, subjects: [resident], category: special, special: [health]}
        parties:
          council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}
        systems:
          crm:
            name: Council CRM
            party: council
            location: GB-ENG
            retention:
              contact: {period: P6Y, from: case-closed, basis: Schedule 4.2, disposal: delete}
              health: {period: P6Y, from: case-closed, basis: Schedule 4.3, disposal: delete}

        """

    /// A programme that includes the registry and sends `data` into the CRM.
    public static func programme(_ name: String, data: [String], extra: String = "") -> String {
        let list = data.joined(separator: ", ")
        let special = data.contains("health")
            ? ", article-9: substantial-public-interest, schedule-1: [statutory-government-purposes]" : ""
        return """
            dpflow: 1
            include: [registry.yaml]
            programme:
              name: \(name)
              description: A programme of the council.
              controllers: [council]
              appropriate-policy-document: APD-1
              purposes:
                support:
                  lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1\(special)}
              dpia: {status: approved, approved-by: SIRO, approved-on: 2026-01-15, review-by: 2027-12-31}
            flows:
              intake: {from: resident, to: crm, data: [\(list)], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}
            \(extra)
            """
    }
}
