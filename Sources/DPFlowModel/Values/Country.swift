import DPFlowDiagnostics

/// A jurisdiction: an ISO 3166-1 alpha-2 code, or one of the UK nations
/// GB-ENG, GB-SCT, GB-WLS, GB-NIR (ISO 3166-2:GB).
public struct Country: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let code: String

    /// A country or UK nation (what `residency` takes).
    public init?(code: String) {
        guard Self.names[code] != nil else { return nil }
        self.code = code
    }

    /// What a party's `country` takes (1.1): a country, a UK nation, or `unknown`.
    public init?(partyCountry code: String) {
        guard Self.names[code] != nil || code == Self.unknownCode else { return nil }
        self.code = code
    }

    /// What a system's `location` takes (1.1): a country, a UK nation, the
    /// regions `EEA` and `EU`, or `unknown`.
    public init?(location code: String) {
        guard Self.names[code] != nil || Self.specialNames[code] != nil else { return nil }
        self.code = code
    }

    public static let unknownCode = "unknown"
    public static let regionCodes = ["EEA", "EU"]
    public static let unknown = Country(uncheckedCode: unknownCode)

    private init(uncheckedCode: String) { self.code = uncheckedCode }

    private static let specialNames = ["EEA": "the EEA", "EU": "the EU", unknownCode: "an unknown place"]

    public var name: String { Self.names[code] ?? Self.specialNames[code] ?? code }

    /// `unknown`: the place is not known ("may be transferred outside the UK").
    public var isUnknown: Bool { code == Self.unknownCode }

    /// `EEA` or `EU`: any state of the region (all covered by UK adequacy).
    public var isRegion: Bool { code == "EEA" || code == "EU" }

    /// In the United Kingdom (GB or one of its nations). The Crown
    /// Dependencies and Gibraltar are not, and neither is an unknown place.
    public var isUK: Bool { code == "GB" || code.hasPrefix("GB-") }

    /// The UK nation, when the code names one.
    public var ukNation: String? { code.hasPrefix("GB-") ? code : nil }

    public static func < (a: Country, b: Country) -> Bool { a.code < b.code }
    public var description: String { code }

    public static let allCodes: [String] = names.keys.sorted()

    /// Suggests a valid code for a wrong one: `gb` -> GB, `UK` -> GB, `GB-EN` -> GB-ENG.
    public static func suggestion(for text: String) -> String? {
        let upper = text.uppercased()
        if names[upper] != nil { return upper }
        if upper == "UK" || upper == "UNITED KINGDOM" { return "GB" }
        if upper == "EN" || upper == "ENGLAND" { return "GB-ENG" }
        if upper == "SCOTLAND" { return "GB-SCT" }
        if upper == "WALES" { return "GB-WLS" }
        if upper == "NORTHERN IRELAND" { return "GB-NIR" }
        if let byName = names.first(where: { $0.value.uppercased() == upper }) { return byName.key }
        return Suggestions.nearestCode(to: upper)
    }

    static let names: [String: String] = {
        var d: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 1)
            if parts.count == 2 { d[String(parts[0])] = String(parts[1]) }
        }
        return d
    }()

    private static let table = """
        GB-ENG|England
        GB-SCT|Scotland
        GB-WLS|Wales
        GB-NIR|Northern Ireland
        AD|Andorra
        AE|United Arab Emirates
        AF|Afghanistan
        AG|Antigua and Barbuda
        AI|Anguilla
        AL|Albania
        AM|Armenia
        AO|Angola
        AQ|Antarctica
        AR|Argentina
        AS|American Samoa
        AT|Austria
        AU|Australia
        AW|Aruba
        AX|Åland Islands
        AZ|Azerbaijan
        BA|Bosnia and Herzegovina
        BB|Barbados
        BD|Bangladesh
        BE|Belgium
        BF|Burkina Faso
        BG|Bulgaria
        BH|Bahrain
        BI|Burundi
        BJ|Benin
        BL|Saint Barthélemy
        BM|Bermuda
        BN|Brunei Darussalam
        BO|Bolivia
        BQ|Bonaire, Sint Eustatius and Saba
        BR|Brazil
        BS|Bahamas
        BT|Bhutan
        BV|Bouvet Island
        BW|Botswana
        BY|Belarus
        BZ|Belize
        CA|Canada
        CC|Cocos (Keeling) Islands
        CD|Congo, Democratic Republic of the
        CF|Central African Republic
        CG|Congo
        CH|Switzerland
        CI|Côte d'Ivoire
        CK|Cook Islands
        CL|Chile
        CM|Cameroon
        CN|China
        CO|Colombia
        CR|Costa Rica
        CU|Cuba
        CV|Cabo Verde
        CW|Curaçao
        CX|Christmas Island
        CY|Cyprus
        CZ|Czechia
        DE|Germany
        DJ|Djibouti
        DK|Denmark
        DM|Dominica
        DO|Dominican Republic
        DZ|Algeria
        EC|Ecuador
        EE|Estonia
        EG|Egypt
        EH|Western Sahara
        ER|Eritrea
        ES|Spain
        ET|Ethiopia
        FI|Finland
        FJ|Fiji
        FK|Falkland Islands
        FM|Micronesia
        FO|Faroe Islands
        FR|France
        GA|Gabon
        GB|United Kingdom
        GD|Grenada
        GE|Georgia
        GF|French Guiana
        GG|Guernsey
        GH|Ghana
        GI|Gibraltar
        GL|Greenland
        GM|Gambia
        GN|Guinea
        GP|Guadeloupe
        GQ|Equatorial Guinea
        GR|Greece
        GS|South Georgia and the South Sandwich Islands
        GT|Guatemala
        GU|Guam
        GW|Guinea-Bissau
        GY|Guyana
        HK|Hong Kong
        HM|Heard Island and McDonald Islands
        HN|Honduras
        HR|Croatia
        HT|Haiti
        HU|Hungary
        ID|Indonesia
        IE|Ireland
        IL|Israel
        IM|Isle of Man
        IN|India
        IO|British Indian Ocean Territory
        IQ|Iraq
        IR|Iran
        IS|Iceland
        IT|Italy
        JE|Jersey
        JM|Jamaica
        JO|Jordan
        JP|Japan
        KE|Kenya
        KG|Kyrgyzstan
        KH|Cambodia
        KI|Kiribati
        KM|Comoros
        KN|Saint Kitts and Nevis
        KP|Korea, Democratic People's Republic of
        KR|Korea, Republic of
        KW|Kuwait
        KY|Cayman Islands
        KZ|Kazakhstan
        LA|Lao People's Democratic Republic
        LB|Lebanon
        LC|Saint Lucia
        LI|Liechtenstein
        LK|Sri Lanka
        LR|Liberia
        LS|Lesotho
        LT|Lithuania
        LU|Luxembourg
        LV|Latvia
        LY|Libya
        MA|Morocco
        MC|Monaco
        MD|Moldova
        ME|Montenegro
        MF|Saint Martin (French part)
        MG|Madagascar
        MH|Marshall Islands
        MK|North Macedonia
        ML|Mali
        MM|Myanmar
        MN|Mongolia
        MO|Macao
        MP|Northern Mariana Islands
        MQ|Martinique
        MR|Mauritania
        MS|Montserrat
        MT|Malta
        MU|Mauritius
        MV|Maldives
        MW|Malawi
        MX|Mexico
        MY|Malaysia
        MZ|Mozambique
        NA|Namibia
        NC|New Caledonia
        NE|Niger
        NF|Norfolk Island
        NG|Nigeria
        NI|Nicaragua
        NL|Netherlands
        NO|Norway
        NP|Nepal
        NR|Nauru
        NU|Niue
        NZ|New Zealand
        OM|Oman
        PA|Panama
        PE|Peru
        PF|French Polynesia
        PG|Papua New Guinea
        PH|Philippines
        PK|Pakistan
        PL|Poland
        PM|Saint Pierre and Miquelon
        PN|Pitcairn
        PR|Puerto Rico
        PS|Palestine, State of
        PT|Portugal
        PW|Palau
        PY|Paraguay
        QA|Qatar
        RE|Réunion
        RO|Romania
        RS|Serbia
        RU|Russian Federation
        RW|Rwanda
        SA|Saudi Arabia
        SB|Solomon Islands
        SC|Seychelles
        SD|Sudan
        SE|Sweden
        SG|Singapore
        SH|Saint Helena, Ascension and Tristan da Cunha
        SI|Slovenia
        SJ|Svalbard and Jan Mayen
        SK|Slovakia
        SL|Sierra Leone
        SM|San Marino
        SN|Senegal
        SO|Somalia
        SR|Suriname
        SS|South Sudan
        ST|Sao Tome and Principe
        SV|El Salvador
        SX|Sint Maarten (Dutch part)
        SY|Syrian Arab Republic
        SZ|Eswatini
        TC|Turks and Caicos Islands
        TD|Chad
        TF|French Southern Territories
        TG|Togo
        TH|Thailand
        TJ|Tajikistan
        TK|Tokelau
        TL|Timor-Leste
        TM|Turkmenistan
        TN|Tunisia
        TO|Tonga
        TR|Türkiye
        TT|Trinidad and Tobago
        TV|Tuvalu
        TW|Taiwan
        TZ|Tanzania
        UA|Ukraine
        UG|Uganda
        UM|United States Minor Outlying Islands
        US|United States
        UY|Uruguay
        UZ|Uzbekistan
        VA|Holy See
        VC|Saint Vincent and the Grenadines
        VE|Venezuela
        VG|Virgin Islands (British)
        VI|Virgin Islands (U.S.)
        VN|Viet Nam
        VU|Vanuatu
        WF|Wallis and Futuna
        WS|Samoa
        YE|Yemen
        YT|Mayotte
        ZA|South Africa
        ZM|Zambia
        ZW|Zimbabwe
        """
}

extension Suggestions {
    static func nearestCode(to upper: String) -> String? {
        guard upper.hasPrefix("GB-") else { return nil }
        return nearest(to: upper, in: ["GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"])
    }
}
