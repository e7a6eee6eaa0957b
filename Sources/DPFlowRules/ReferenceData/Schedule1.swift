/// DPA 2018 Schedule 1 conditions, by part and paragraph (RULES.md lists the ids).
public enum Schedule1 {
    public enum Part: Int, Sendable, Comparable {
        case one = 1, two = 2, three = 3
        public static func < (a: Part, b: Part) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Condition: Sendable, Hashable {
        public let id: String
        public let paragraph: Int
        public let part: Part
        /// Part 2 conditions that need no appropriate policy document: paras 10(2),
        /// 13 and 27(3). dpflow cannot tell sub-paragraphs apart, so it treats
        /// paras 10 and 27 as relying on their exempt sub-paragraph.
        public let exemptFromPolicyDocument: Bool
    }

    public static let source = ReferenceSource(
        title: "Data Protection Act 2018, Schedule 1 (Parts 1 to 4)",
        url: "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1",
        checked: "2026-11-29")

    public static let conditions: [Condition] = {
        let rows: [(String, Int, Part)] = [
            ("employment-social-security", 1, .one), ("health-social-care", 2, .one), ("public-health", 3, .one),
            ("archiving-research-statistics", 4, .one),
            ("statutory-government-purposes", 6, .two), ("administration-of-justice-parliamentary", 7, .two),
            ("equality-of-opportunity", 8, .two), ("racial-ethnic-diversity-senior-levels", 9, .two),
            ("preventing-detecting-unlawful-acts", 10, .two), ("protecting-public", 11, .two),
            ("regulatory-requirements", 12, .two), ("journalism-academia-art-literature", 13, .two),
            ("preventing-fraud", 14, .two), ("terrorist-financing-money-laundering", 15, .two),
            ("support-disability-medical-condition", 16, .two), ("counselling", 17, .two),
            ("safeguarding-children-and-individuals-at-risk", 18, .two), ("safeguarding-economic-wellbeing", 19, .two),
            ("insurance", 20, .two), ("occupational-pensions", 21, .two), ("political-parties", 22, .two),
            ("elected-representatives-requests", 23, .two), ("disclosure-to-elected-representatives", 24, .two),
            ("informing-elected-representatives-prisoners", 25, .two), ("publication-legal-judgments", 26, .two),
            ("anti-doping-sport", 27, .two), ("standards-of-behaviour-sport", 28, .two),
            ("consent", 29, .three), ("vital-interests", 30, .three), ("not-for-profit", 31, .three),
            ("made-public", 32, .three), ("legal-claims", 33, .three), ("judicial-acts", 34, .three),
            ("indecency-offence-accounts", 35, .three), ("insurance-criminal", 37, .three),
        ]
        return rows.map { Condition(id: $0.0, paragraph: $0.1, part: $0.2, exemptFromPolicyDocument: [10, 13, 27].contains($0.1)) }
    }()

    /// Paragraph 35 needs an appropriate policy document (Sch 1 para 5).
    public static let policyDocumentParagraphsInPart3: Set<Int> = [35]

    static let byID: [String: Condition] = Dictionary(uniqueKeysWithValues: conditions.map { ($0.id, $0) })
    static let byParagraph: [Int: Condition] = Dictionary(uniqueKeysWithValues: conditions.map { ($0.paragraph, $0) })

    /// Reads a condition as written in a flow file: its id (`safeguarding-children-and-individuals-at-risk`)
    /// or its paragraph (`18`, `para-18`, `paragraph-18`). Nil when it names no condition.
    public static func condition(named text: String) -> Condition? {
        if let c = byID[text] { return c }
        var digits = Substring(text)
        for prefix in ["paragraph-", "para-", "para ", "paragraph "] where digits.hasPrefix(prefix) {
            digits = digits.dropFirst(prefix.count)
        }
        if let n = Int(digits) { return byParagraph[n] }
        return nil
    }

    public static var ids: [String] { conditions.map(\.id) }
}
