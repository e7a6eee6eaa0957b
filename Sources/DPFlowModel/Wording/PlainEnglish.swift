/// The one place where the format's codes become words a board reads: every
/// output (the DPIA in HTML, Markdown and DOCX, the Article 30 record, the
/// diagram) words durations, lawful bases, countries, numbers and dates
/// through these functions, so that they say the same thing the same way.
///
/// - durations in words: `P15Y` -> "15 years", `P1Y6M` -> "1 year and 6 months";
/// - retention with its trigger: "15 years from visa decision, then deleted";
/// - lawful bases by name with the article: "public task (Article 6(1)(e))";
/// - numbers with separators: 200000 -> "200,000";
/// - one name per country: GB is always "United Kingdom", GB-ENG "England".
public enum PlainEnglish {
    // MARK: numbers and dates

    /// 200000 -> "200,000".
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "1 system", "3 systems".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// 2024-01-10 -> "10 January 2024".
    public static func date(_ d: CalendarDate) -> String {
        "\(d.day) \(monthNames[max(0, min(11, d.month - 1))]) \(d.year)"
    }

    /// A kebab-case word from the file as words: `case-closed` -> "case closed".
    public static func words(_ id: String) -> String {
        id.replacing("-", with: " ").replacing("_", with: " ")
    }

    /// Joins a list as prose: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    // MARK: durations and retention

    /// `P15Y` -> "15 years"; `P1Y6M` -> "1 year and 6 months"; `P35D` -> "35 days".
    public static func duration(_ d: ISODuration) -> String {
        var parts: [String] = []
        if d.years > 0 { parts.append(count(d.years, "year")) }
        if d.months > 0 { parts.append(count(d.months, "month")) }
        if d.weeks > 0 { parts.append(count(d.weeks, "week")) }
        if d.days > 0 { parts.append(count(d.days, "day")) }
        return parts.isEmpty ? "no time" : list(parts)
    }

    /// A retention period without its trigger.
    public static func period(_ p: RetentionPeriod) -> String {
        switch p {
        case .duration(let d): duration(d)
        case .indefinite: "indefinitely"
        case .criteria: "while criteria hold"
        }
    }

    public static func disposal(_ d: Disposal) -> String {
        switch d {
        case .delete: "deleted"
        case .anonymise: "anonymised"
        case .archive: "archived"
        case .review: "reviewed"
        }
    }

    /// One retention entry in words, with the event that starts it and what
    /// happens at the end: "7 years from case closed, then deleted".
    public static func retention(_ e: RetentionEntry) -> String {
        var r: String
        switch e.period?.value {
        case .criteria?:
            r = "while " + (e.criteria?.value ?? "criteria the file does not state hold")
            if let every = e.reviewEvery?.value {
                let d = duration(every)
                r += ", reviewed every " + (d.hasPrefix("1 ") && !d.contains(" and ") ? String(d.dropFirst(2)) : d)
            }
        case let p?:
            r = period(p)
            if let from = e.from?.value { r += " from " + words(from) }
        case nil:
            r = "no period stated"
        }
        if let until = e.until?.value { r += ", or until " + words(until) + " if sooner" }
        if let d = e.disposal?.value { r += ", then " + disposal(d) }
        return r
    }

    // MARK: lawful bases

    /// "public task (Article 6(1)(e))".
    public static func article6(_ b: Article6Basis) -> String {
        switch b {
        case .consent: "consent (Article 6(1)(a))"
        case .contract: "contract (Article 6(1)(b))"
        case .legalObligation: "legal obligation (Article 6(1)(c))"
        case .vitalInterests: "vital interests (Article 6(1)(d))"
        case .publicTask: "public task (Article 6(1)(e))"
        case .recognisedLegitimateInterests: "recognised legitimate interests (Article 6(1)(ea))"
        case .legitimateInterests: "legitimate interests (Article 6(1)(f))"
        }
    }

    /// Every Article 6 basis of a lawful basis, with the legal power when given.
    public static func article6(_ b: LawfulBasis?, withPower: Bool = true) -> String {
        guard let b, let bases = b.article6, !bases.isEmpty else { return "none stated" }
        var s = list(bases.map { article6($0.value) })
        if withPower, let p = b.legalPower?.value { s += ", under " + p }
        return s
    }

    /// "substantial public interest (Article 9(2)(g))".
    public static func article9(_ c: Article9Condition) -> String {
        switch c {
        case .explicitConsent: "explicit consent (Article 9(2)(a))"
        case .employmentSocialSecurity: "employment, social security and social protection (Article 9(2)(b))"
        case .vitalInterests: "vital interests (Article 9(2)(c))"
        case .notForProfit: "not-for-profit bodies (Article 9(2)(d))"
        case .madePublic: "made manifestly public (Article 9(2)(e))"
        case .legalClaims: "legal claims and judicial acts (Article 9(2)(f))"
        case .substantialPublicInterest: "substantial public interest (Article 9(2)(g))"
        case .healthSocialCare: "health or social care (Article 9(2)(h))"
        case .publicHealth: "public health (Article 9(2)(i))"
        case .archivingResearch: "archiving, research and statistics (Article 9(2)(j))"
        }
    }

    /// A Schedule 1 condition with its paragraph, when known:
    /// "safeguarding of children and of individuals at risk (DPA 2018 Sch 1 para 18)".
    public static func schedule1(_ text: String, paragraph: Int?) -> String {
        let name = words(text).replacing("safeguarding children and individuals", with: "safeguarding of children and of individuals")
            .replacing("statutory government purposes", with: "statutory and government purposes")
        guard let paragraph else { return "\(name) (not a Schedule 1 condition)" }
        return "\(name) (DPA 2018 Sch 1 para \(paragraph))"
    }

    public static func article10(_ b: Article10Basis) -> String {
        switch b {
        case .officialAuthority: "official authority (Article 10)"
        case .schedule1: "authorised by law through a Schedule 1 condition (Article 10; DPA 2018 s10(5))"
        }
    }

    // MARK: places, transfers and other vocabulary

    /// One name per country: "United Kingdom", "England", "Ireland".
    public static func country(_ c: Country) -> String { c.name }

    public static func places(_ cs: [Country]) -> String {
        cs.isEmpty ? "not stated" : list(cs.map(country))
    }

    public static func mechanism(_ m: TransferMechanism) -> String {
        switch m {
        case .adequacy: "UK adequacy regulations"
        case .idta: "International Data Transfer Agreement (IDTA)"
        case .addendum: "UK Addendum to the EU standard contractual clauses"
        case .bcr: "binding corporate rules"
        case .publicBodyInstrument: "legally binding instrument between public bodies"
        case .codeOfConduct: "approved code of conduct"
        case .certification: "approved certification"
        case .derogationExplicitConsent: "derogation: explicit consent"
        case .derogationContract: "derogation: necessary for a contract"
        case .derogationPublicInterest: "derogation: important reasons of public interest"
        case .derogationLegalClaims: "derogation: legal claims"
        case .derogationVitalInterests: "derogation: vital interests"
        case .derogationPublicRegister: "derogation: public register"
        }
    }

    public static func frequency(_ f: Frequency) -> String {
        switch f {
        case .oneOff: "once"
        case .occasional: "occasionally"
        case .daily: "daily"
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .continuous: "continuously"
        case .onDemand: "on demand"
        }
    }

    public static func role(_ r: PartyRole) -> String {
        switch r {
        case .controller: "controller"
        case .jointController: "joint controller"
        case .processor: "processor"
        case .subProcessor: "sub-processor"
        }
    }

    public static func special(_ c: SpecialCategory) -> String {
        switch c {
        case .racialEthnicOrigin: "racial or ethnic origin"
        case .politicalOpinions: "political opinions"
        case .religiousBeliefs: "religious or philosophical beliefs"
        case .tradeUnionMembership: "trade union membership"
        case .genetic: "genetic data"
        case .biometric: "biometric data"
        case .health: "health"
        case .sexLife: "sex life"
        case .sexualOrientation: "sexual orientation"
        }
    }

    public static func kind(_ k: DataKind) -> String {
        switch k {
        case .personal: "personal data"
        case .special: "special category data"
        case .criminalOffence: "criminal offence data"
        }
    }

    public static func status(_ s: DPIAStatus) -> String {
        switch s {
        case .notStarted: "not started"
        case .draft: "draft"
        case .inReview: "in review"
        case .approved: "approved"
        }
    }

    public static func measureStatus(_ s: MeasureStatus) -> String {
        switch s {
        case .planned: "planned"
        case .inProgress: "in progress"
        case .done: "done"
        }
    }
}
