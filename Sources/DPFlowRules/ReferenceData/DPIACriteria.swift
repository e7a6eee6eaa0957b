/// The DPIA screening criteria (RULES.md "Screening"; UK GDPR Art 35(3); the
/// ICO's list of processing likely to result in high risk; EDPB WP248).
public enum DPIACriteria {
    public enum Source: String, Sendable {
        case article35 = "UK GDPR Art 35(3)"
        case icoList = "ICO list of high-risk processing"
        case wp248 = "WP248 criterion"
    }

    public enum Criterion: String, Sendable, CaseIterable {
        // Art 35(3)
        case automatedDecisionsWithEffect = "art35-3a-automated-decisions"
        case largeScaleSensitive = "art35-3b-large-scale-sensitive"
        case largeScaleMonitoring = "art35-3c-large-scale-monitoring"
        // ICO items that stand alone (as RULES.md lists them)
        case denialOfService = "ico-denial-of-service"
        case largeScaleProfiling = "ico-large-scale-profiling"
        case dataMatching = "ico-data-matching"
        case invisibleProcessing = "ico-invisible-processing"
        case tracking = "ico-tracking"
        case targetingVulnerable = "ico-targeting-children-or-vulnerable"
        case physicalHarm = "ico-physical-harm"
        // ICO items that need another WP248 criterion (+1)
        case innovativeTechnology = "ico-innovative-technology"
        case biometric = "ico-biometric"
        case genetic = "ico-genetic"
        // WP248 criteria
        case evaluationScoring = "wp248-evaluation-scoring"
        case automatedDecisions = "wp248-automated-decisions"
        case systematicMonitoring = "wp248-systematic-monitoring"
        case sensitiveData = "wp248-sensitive-data"
        case largeScale = "wp248-large-scale"
        case matchingDatasets = "wp248-matching-datasets"
        case vulnerableSubjects = "wp248-vulnerable-subjects"
        case innovativeUse = "wp248-innovative-technology"
        case preventingRights = "wp248-preventing-rights-or-service"

        /// The title an overlapping criterion shares with its twin in another
        /// source (the ICO list restates WP248 criteria), so that it is listed once.
        public var sharedTitle: String {
            switch self {
            case .dataMatching, .matchingDatasets: "data matching or combining datasets"
            case .denialOfService, .preventingRights: "decisions on access to a service, benefit or right"
            case .targetingVulnerable, .vulnerableSubjects: "children or vulnerable people"
            case .innovativeTechnology, .innovativeUse: "innovative technology"
            case .automatedDecisionsWithEffect, .automatedDecisions: "automated decisions with legal or similarly significant effect"
            default: title
            }
        }

        public var title: String {
            switch self {
            case .automatedDecisionsWithEffect: "profiling or automated decisions with legal or similarly significant effect"
            case .largeScaleSensitive: "large-scale processing of special category or criminal offence data"
            case .largeScaleMonitoring: "large-scale systematic monitoring"
            case .denialOfService: "decisions on access to a service or benefit"
            case .largeScaleProfiling: "large-scale profiling"
            case .dataMatching: "data matching"
            case .invisibleProcessing: "invisible processing"
            case .tracking: "tracking"
            case .targetingVulnerable: "targeting children or vulnerable people"
            case .physicalHarm: "risk of physical harm"
            case .innovativeTechnology: "innovative technology"
            case .biometric: "biometric data"
            case .genetic: "genetic data"
            case .evaluationScoring: "evaluation or scoring"
            case .automatedDecisions: "automated decisions with legal or similar effect"
            case .systematicMonitoring: "systematic monitoring"
            case .sensitiveData: "sensitive or highly personal data"
            case .largeScale: "large scale"
            case .matchingDatasets: "matching or combining datasets"
            case .vulnerableSubjects: "vulnerable subjects"
            case .innovativeUse: "innovative use of technology"
            case .preventingRights: "preventing the exercise of a right or the use of a service"
            }
        }

        public var source: Source {
            switch self {
            case .automatedDecisionsWithEffect, .largeScaleSensitive, .largeScaleMonitoring: .article35
            case .denialOfService, .largeScaleProfiling, .dataMatching, .invisibleProcessing, .tracking,
                .targetingVulnerable, .physicalHarm, .innovativeTechnology, .biometric, .genetic:
                .icoList
            default: .wp248
            }
        }

        /// ICO items that make a DPIA required only with another WP248 criterion.
        public var needsAnotherCriterion: Bool {
            self == .innovativeTechnology || self == .biometric || self == .genetic
        }
    }

    public static let source = ReferenceSource(
        title: "UK GDPR Art 35(3); ICO, Examples of processing likely to result in high risk; EDPB WP248 rev.01",
        url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/",
        checked: "2026-11-29")

    /// How many WP248 criteria make a DPIA required on their own.
    public static let wp248Threshold = 2
}
