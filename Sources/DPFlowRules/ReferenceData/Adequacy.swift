import DPFlowModel

/// UK adequacy regulations (UK GDPR Article 45A, "data bridges"), by destination.
/// A change in the ICO's list is a change to this table only.
public enum Adequacy {
    public enum Coverage: Sendable, Equatable {
        case full
        /// Only some recipients are covered; the condition says which.
        case partial(condition: String)
    }

    public struct Entry: Sendable {
        public let code: String
        public let coverage: Coverage
        public let instrument: String
    }

    public static let source = ReferenceSource(
        title: "ICO, International transfers: adequacy regulations (UK GDPR Art 45A, as amended by the Data (Use and Access) Act 2025)",
        url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
        checked: "2026-11-29")

    static let eea = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
                      "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"]

    public static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        for c in eea {
            t[c] = Entry(code: c, coverage: .full, instrument: "DPA 2018 Sch 21 para 5 (EEA states), from 1 January 2021")
        }
        let full: [(String, String)] = [
            ("GI", "DPA 2018 Sch 21 para 5 (Gibraltar)"),
            ("CH", "Adequacy regulations carried over from EU decision 2000/518/EC"),
            ("AD", "Carried over from EU decision 2010/625/EU"),
            ("AR", "Carried over from EU decision 2003/490/EC"),
            ("FO", "Carried over from EU decision 2010/146/EU"),
            ("GG", "Carried over from EU decision 2003/821/EC"),
            ("IM", "Carried over from EU decision 2004/411/EC"),
            ("IL", "Carried over from EU decision 2011/61/EU"),
            ("JE", "Carried over from EU decision 2008/393/EC"),
            ("NZ", "Carried over from EU decision 2013/65/EU"),
            ("UY", "Carried over from EU decision 2012/484/EU"),
            ("KR", "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022, from 19 December 2022"),
        ]
        t["EEA"] = Entry(code: "EEA", coverage: .full, instrument: "DPA 2018 Sch 21 para 5 (EEA states), from 1 January 2021")
        t["EU"] = Entry(
            code: "EU", coverage: .full,
            instrument: "DPA 2018 Sch 21 para 5 (EU and EEA states, and EU institutions, bodies, offices and agencies), from 1 January 2021")
        for (c, i) in full { t[c] = Entry(code: c, coverage: .full, instrument: i) }
        t["CA"] = Entry(
            code: "CA", coverage: .partial(condition: "only recipients subject to PIPEDA"),
            instrument: "Carried over from EU decision 2002/2/EC")
        t["JP"] = Entry(
            code: "JP", coverage: .partial(condition: "only private-sector recipients under the APPI"),
            instrument: "Carried over from EU decision 2019/419")
        t["US"] = Entry(
            code: "US",
            coverage: .partial(condition: "only organisations certified to the UK Extension to the EU-US Data Privacy Framework (dpf-certified: true)"),
            instrument: "The Data Protection (Adequacy) (United States of America) Regulations 2023, from 12 October 2023")
        return t
    }()

    /// The adequacy entry for a jurisdiction, if it has one.
    public static func entry(for country: Country) -> Entry? { table[country.code] }
}
