import DPFlowModel

/// UK GDPR Article 9(2) conditions, and what each needs from DPA 2018 s10 and Schedule 1.
public enum Article9 {
    public struct Condition: Sendable {
        public let condition: Article9Condition
        public let article: String
        /// The Schedule 1 paragraph(s) it needs, if any (DPA 2018 s10).
        public let needsSchedule1: String?
        /// Whether it needs an appropriate policy document (Sch 1 para 5, Part 4).
        public let needsPolicyDocument: Bool
    }

    public static let source = ReferenceSource(
        title: "UK GDPR Article 9(2); Data Protection Act 2018 s10 and Schedule 1",
        url: "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1",
        checked: "2026-11-29")

    public static let table: [Article9Condition: Condition] = [
        .explicitConsent: Condition(condition: .explicitConsent, article: "Art 9(2)(a)", needsSchedule1: nil, needsPolicyDocument: false),
        .employmentSocialSecurity: Condition(condition: .employmentSocialSecurity, article: "Art 9(2)(b)", needsSchedule1: "para 1", needsPolicyDocument: true),
        .vitalInterests: Condition(condition: .vitalInterests, article: "Art 9(2)(c)", needsSchedule1: nil, needsPolicyDocument: false),
        .notForProfit: Condition(condition: .notForProfit, article: "Art 9(2)(d)", needsSchedule1: nil, needsPolicyDocument: false),
        .madePublic: Condition(condition: .madePublic, article: "Art 9(2)(e)", needsSchedule1: nil, needsPolicyDocument: false),
        .legalClaims: Condition(condition: .legalClaims, article: "Art 9(2)(f)", needsSchedule1: nil, needsPolicyDocument: false),
        .substantialPublicInterest: Condition(condition: .substantialPublicInterest, article: "Art 9(2)(g)", needsSchedule1: "a Part 2 condition (paras 6-28)", needsPolicyDocument: true),
        .healthSocialCare: Condition(condition: .healthSocialCare, article: "Art 9(2)(h)", needsSchedule1: "para 2", needsPolicyDocument: false),
        .publicHealth: Condition(condition: .publicHealth, article: "Art 9(2)(i)", needsSchedule1: "para 3", needsPolicyDocument: false),
        .archivingResearch: Condition(condition: .archivingResearch, article: "Art 9(2)(j)", needsSchedule1: "para 4", needsPolicyDocument: false),
    ]
}
