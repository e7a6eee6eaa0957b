/// The area of the catalogue a rule belongs to (RULES.md headings).
public enum RuleArea: String, Sendable, CaseIterable, Comparable {
    case structure = "ST"
    case lawfulBasis = "LB"
    case transparency = "TP"
    case retention = "RT"
    case transfers = "TR"
    case dpia = "DP"
    case graph = "GR"
    case department = "DM"
    case exceptions = "EX"

    public var title: String {
        switch self {
        case .structure: "structure"
        case .lawfulBasis: "lawful basis"
        case .transparency: "transparency"
        case .retention: "retention"
        case .transfers: "transfers and boundaries"
        case .dpia: "DPIA"
        case .graph: "graph hygiene"
        case .department: "department map"
        case .exceptions: "exceptions"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: RuleArea, rhs: RuleArea) -> Bool { lhs.order < rhs.order }
}

/// The identity of a rule: what every finding it raises carries.
public struct RuleInfo: Sendable, Hashable {
    public let id: String
    public let name: String
    public let severity: Severity
    public let area: RuleArea

    public init(id: String, name: String, severity: Severity, area: RuleArea) {
        self.id = id
        self.name = name
        self.severity = severity
        self.area = area
    }
}

/// The structure rules, raised while loading and decoding (RULES.md, "ST").
public enum StructureRule {
    public static let yamlSyntax = RuleInfo(id: "ST001", name: "yaml-syntax", severity: .error, area: .structure)
    public static let schema = RuleInfo(id: "ST002", name: "schema", severity: .error, area: .structure)
    public static let duplicateKey = RuleInfo(id: "ST003", name: "duplicate-key", severity: .error, area: .structure)
    public static let unknownReference = RuleInfo(id: "ST004", name: "unknown-reference", severity: .error, area: .structure)
    public static let unsupportedVersion = RuleInfo(id: "ST005", name: "unsupported-version", severity: .error, area: .structure)
    public static let resourceLimit = RuleInfo(id: "ST006", name: "resource-limit", severity: .error, area: .structure)

    public static let include = RuleInfo(id: "ST007", name: "include", severity: .error, area: .structure)
    public static let all: [RuleInfo] = [yamlSyntax, schema, duplicateKey, unknownReference, unsupportedVersion, resourceLimit, include]
}

/// (1.1) The department-map rules, run by `dpflow map` across programmes (RULES.md, "DM").
public enum DepartmentRuleInfo {
    public static let conflictingRetention = RuleInfo(id: "DM001", name: "conflicting-retention", severity: .error, area: .department)
    public static let duplicateEntity = RuleInfo(id: "DM002", name: "duplicate-entity", severity: .info, area: .department)
    public static let crossProgrammeMatching = RuleInfo(id: "DM003", name: "cross-programme-matching", severity: .warning, area: .department)
    public static let registryDataUnused = RuleInfo(id: "DM004", name: "registry-data-unused", severity: .info, area: .department)
    public static let all: [RuleInfo] = [conflictingRetention, duplicateEntity, crossProgrammeMatching, registryDataUnused]
}
