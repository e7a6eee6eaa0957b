/// A closed list of words the format allows for one key (FORMAT.md).
/// The decoder checks values against `allCases` and suggests the nearest.
public protocol SchemaEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

extension SchemaEnum {
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}

public enum DataKind: String, SchemaEnum {
    case personal, special
    case criminalOffence = "criminal-offence"

    /// personal < special < criminal-offence: the order diagrams colour by.
    public var sensitivity: Int {
        switch self {
        case .personal: 0
        case .special: 1
        case .criminalOffence: 2
        }
    }
}

public enum SpecialCategory: String, SchemaEnum {
    case racialEthnicOrigin = "racial-ethnic-origin"
    case politicalOpinions = "political-opinions"
    case religiousBeliefs = "religious-beliefs"
    case tradeUnionMembership = "trade-union-membership"
    case genetic, biometric, health
    case sexLife = "sex-life"
    case sexualOrientation = "sexual-orientation"
}

public enum Classification: String, SchemaEnum, Comparable {
    case official = "OFFICIAL"
    case officialSensitive = "OFFICIAL-SENSITIVE"
    case secret = "SECRET"
    case topSecret = "TOP-SECRET"

    var level: Int {
        switch self {
        case .official: 0
        case .officialSensitive: 1
        case .secret: 2
        case .topSecret: 3
        }
    }

    public static func < (a: Classification, b: Classification) -> Bool { a.level < b.level }
}

public enum PartyType: String, SchemaEnum {
    case publicAuthority = "public-authority"
    case company, charity, individual
}

public enum PartyRole: String, SchemaEnum {
    case controller
    case jointController = "joint-controller"
    case processor
    case subProcessor = "sub-processor"

    public var isController: Bool { self == .controller || self == .jointController }
    public var isProcessor: Bool { self == .processor || self == .subProcessor }
}

public enum DPIAStatus: String, SchemaEnum {
    case notStarted = "not-started"
    case draft
    case inReview = "in-review"
    case approved
}

public enum Article6Basis: String, SchemaEnum {
    case consent, contract
    case legalObligation = "legal-obligation"
    case vitalInterests = "vital-interests"
    case publicTask = "public-task"
    case recognisedLegitimateInterests = "recognised-legitimate-interests"
    case legitimateInterests = "legitimate-interests"
}

public enum Article9Condition: String, SchemaEnum {
    case explicitConsent = "explicit-consent"
    case employmentSocialSecurity = "employment-social-security"
    case vitalInterests = "vital-interests"
    case notForProfit = "not-for-profit"
    case madePublic = "made-public"
    case legalClaims = "legal-claims"
    case substantialPublicInterest = "substantial-public-interest"
    case healthSocialCare = "health-social-care"
    case publicHealth = "public-health"
    case archivingResearch = "archiving-research"
}

public enum Article10Basis: String, SchemaEnum {
    case officialAuthority = "official-authority"
    case schedule1 = "schedule-1"
}

public enum TransferMechanism: String, SchemaEnum {
    case adequacy, idta, addendum, bcr
    case publicBodyInstrument = "public-body-instrument"
    case codeOfConduct = "code-of-conduct"
    case certification
    case derogationExplicitConsent = "derogation-explicit-consent"
    case derogationContract = "derogation-contract"
    case derogationPublicInterest = "derogation-public-interest"
    case derogationLegalClaims = "derogation-legal-claims"
    case derogationVitalInterests = "derogation-vital-interests"
    case derogationPublicRegister = "derogation-public-register"
}

public enum Frequency: String, SchemaEnum {
    case oneOff = "one-off"
    case occasional, daily, weekly, monthly, continuous
    case onDemand = "on-demand"
}

public enum Disposal: String, SchemaEnum {
    case delete, anonymise, archive, review
}

public enum Likelihood: String, SchemaEnum {
    case remote, possible, probable
    public var score: Int {
        switch self {
        case .remote: 1
        case .possible: 2
        case .probable: 3
        }
    }
}

public enum RiskSeverity: String, SchemaEnum {
    case minimal, significant, severe
    public var score: Int {
        switch self {
        case .minimal: 1
        case .significant: 2
        case .severe: 3
        }
    }
}

public enum MeasureEffect: String, SchemaEnum {
    case eliminated, reduced, accepted
}

/// How far a measure has got: the DPIA's action plan.
public enum MeasureStatus: String, SchemaEnum {
    case planned
    case inProgress = "in-progress"
    case done
}

/// Overall risk = likelihood x severity: 1-2 low, 3-4 medium, 6-9 high.
public enum RiskLevel: String, Sendable, Comparable {
    case low, medium, high

    public init(likelihood: Likelihood, severity: RiskSeverity) {
        let score = likelihood.score * severity.score
        self = score >= 6 ? .high : score >= 3 ? .medium : .low
    }

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        let order: [RiskLevel] = [.low, .medium, .high]
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

/// (1.1) `parties.<id>.scope`.
public enum PartyScope: String, SchemaEnum {
    case `in`, external
}

/// (1.1) The Article 22C safeguards for a significant automated decision.
public enum Safeguard: String, SchemaEnum {
    case inform, representations
    case humanIntervention = "human-intervention"
    case contest
}
