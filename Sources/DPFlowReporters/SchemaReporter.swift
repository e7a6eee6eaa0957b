import DPFlowDiagnostics
import DPFlowModel
import DPFlowRules

/// `dpflow schema`: the JSON Schema (draft 2020-12) of the flow-file format, for
/// editors (yaml-language-server). Generated from the decoder's own definitions:
/// the key lists of `FormatKeys` and the value lists of the `SchemaEnum` types,
/// so the schema and the decoder cannot drift apart. Each key's value type is
/// given below; a key without one is a programming error caught by the tests.
public enum SchemaReporter {
    public static func render() -> String { document().rendered() }

    /// The value type of each key, per mapping; keys themselves come from `FormatKeys`.
    static let types: [String: [String: JSONValue]] = [
        "programme": [
            "name": ref("text"), "version": ref("text"), "description": ref("text"), "controllers": ref("idList"),
            "external": ref("idList"), "starts": ref("date"), "ends": ref("date"), "dpo": ref("dpo"), "purposes": idMap("purpose", minProperties: 1), "screening": ref("screening"),
            "dpia": ref("dpia"), "appropriate-policy-document": ref("text"),
            "consultation": .object([("type", .string("array")), ("items", ref("consultation"))]),
        ],
        "dpo": ["name": ref("text"), "email": ref("text")],
        "purpose": ["description": ref("text"), "lawful-basis": ref("lawfulBasis"), "automated-decision": ref("automatedDecision")],
        "automatedDecision": [
            "decision": ref("text"), "special-category": ref("bool"),
            "safeguards": .object([("type", .string("array")), ("items", enumRef(Safeguard.self))]),
        ],
        "registry": ["name": ref("text"), "owner": ref("text")],
        "lawfulBasis": [
            "article-6": .object([("oneOf", .array([
                enumRef(Article6Basis.self),
                .object([("type", .string("array")), ("minItems", .int(1)), ("items", enumRef(Article6Basis.self))]),
            ]))]), "legal-power": ref("text"), "article-9": enumRef(Article9Condition.self),
            "schedule-1": ref("textList"), "article-10": enumRef(Article10Basis.self),
        ],
        "screening": Dictionary(uniqueKeysWithValues: FormatKeys.screening.map { ($0, ref("bool")) }),
        "dpia": [
            "status": enumRef(DPIAStatus.self), "owner": ref("text"), "approved-by": ref("text"), "approved-on": ref("date"),
            "review-by": ref("date"), "dpo-advice": ref("text"), "prior-consultation": ref("text"),
        ],
        "consultation": ["with": ref("text"), "on": ref("date"), "outcome": ref("text")],
        "subject": ["name": ref("text"), "count": ref("count"), "vulnerable": ref("bool"), "children": ref("bool")],
        "data": [
            "name": ref("text"), "subjects": ref("idList"), "category": enumRef(DataKind.self),
            "special": .object([("type", .string("array")), ("items", enumRef(SpecialCategory.self))]),
            "reveals": .object([("type", .string("array")), ("items", enumRef(SpecialCategory.self))]),
            "classification": enumRef(Classification.self), "residency": ref("country"), "fields": ref("textList"),
        ],
        "party": [
            "name": ref("text"), "type": enumRef(PartyType.self), "role": enumRef(PartyRole.self), "country": ref("partyCountry"),
            "processor-for": ref("idList"), "contract": ref("text"), "dpf-certified": ref("bool"),
            "sub-processor-of": ref("idList"), "authorised-by": ref("idList"), "group": ref("bool"),
            "scope": enumRef(PartyScope.self), "contact": ref("dpo"), "dpo": ref("dpo"),
        ],
        "system": [
            "name": ref("text"), "party": ref("text"), "location": ref("location"), "classification": enumRef(Classification.self),
            "stores": ref("bool"), "security": ref("textList"), "retention": idMap("retention"), "creates": ref("idList"),
            "role": enumRef(PartyRole.self), "processor-for": ref("idList"), "sub-processor-of": ref("idList"),
            "authorised-by": ref("idList"), "contract": ref("text"),
        ],
        "retention": [
            "period": ref("period"), "from": ref("text"), "until": ref("text"), "criteria": ref("text"),
            "review-every": ref("duration"), "basis": ref("text"), "disposal": enumRef(Disposal.self),
        ],
        "flow": [
            "from": ref("text"), "to": ref("text"), "data": ref("nonEmptyIdList"), "purpose": ref("text"),
            "lawful-basis": ref("lawfulBasis"), "transfer": ref("transfer"), "agreement": ref("text"), "notice": ref("text"),
            "encrypted": ref("bool"), "frequency": enumRef(Frequency.self), "automated-decision": ref("automatedDecision"),
        ],
        "transfer": ["mechanism": enumRef(TransferMechanism.self), "tra": ref("text")],
        "risk": [
            "description": ref("text"), "affects": ref("textList"), "likelihood": enumRef(Likelihood.self),
            "severity": enumRef(RiskSeverity.self),
            "measures": .object([("type", .string("array")), ("items", ref("measure"))]), "residual": ref("residual"),
        ],
        "measure": ["description": ref("text"), "effect": enumRef(MeasureEffect.self), "owner": ref("text"), "due": ref("date"),
                    "status": enumRef(MeasureStatus.self)],
        "residual": ["likelihood": enumRef(Likelihood.self), "severity": enumRef(RiskSeverity.self)],
        "exception": [
            "rule": ref("ruleID"), "at": ref("text"), "reason": ref("nonEmptyText"), "approved-by": ref("nonEmptyText"), "expires": ref("date"),
        ],
    ]

    /// The keys of each mapping, as the decoder reads them, and those it requires.
    static let mappings: [(name: String, keys: [String], required: [String], description: String)] = [
        ("programme", FormatKeys.programme, FormatKeys.programmeRequired, "What the programme is, its purposes and DPIA state"),
        ("dpo", FormatKeys.dpo, [], "The data protection officer"),
        ("registry", FormatKeys.registry, FormatKeys.registryRequired, "A registry of entities that programmes share (format 1.1)"),
        ("purpose", FormatKeys.purpose, [], "A purpose, with the default lawful basis of its flows"),
        ("automatedDecision", FormatKeys.automatedDecision, FormatKeys.automatedDecisionRequired,
         "A significant decision taken solely by automated means (UK GDPR Articles 22A-22D)"),
        ("lawfulBasis", FormatKeys.lawfulBasis, [], "UK GDPR Articles 6, 9 and 10 and DPA 2018 Schedule 1"),
        ("screening", FormatKeys.screening, [], "DPIA screening facts that flows cannot show; all default false"),
        ("dpia", FormatKeys.dpia, [], "The DPIA's state and sign-off"),
        ("consultation", FormatKeys.consultation, ["with"], "Who was consulted (DPIA step 3)"),
        ("subject", FormatKeys.subject, ["name"], "A kind of person whose data is processed"),
        ("data", FormatKeys.data, FormatKeys.dataRequired, "A category of personal data"),
        ("party", FormatKeys.party, FormatKeys.partyRequired, "An organisation: controller, processor or sub-processor"),
        ("system", FormatKeys.system, FormatKeys.systemRequired, "Where data is processed or stored"),
        ("retention", FormatKeys.retention, ["period"], "How long a system keeps one data category"),
        ("flow", FormatKeys.flow, FormatKeys.flowRequired, "A directed movement of data"),
        ("transfer", FormatKeys.transfer, [], "A restricted transfer's mechanism (UK GDPR Chapter V)"),
        ("risk", FormatKeys.risk, FormatKeys.riskRequired, "An entry of the DPIA's risk register"),
        ("measure", FormatKeys.measure, ["description"], "A measure against a risk"),
        ("residual", FormatKeys.residual, FormatKeys.residual, "The risk left after the measures"),
        ("exception", FormatKeys.exception, FormatKeys.exceptionRequired, "A finding accepted by a named person until a date"),
    ]

    /// Keys that have no type in `types` (empty when the schema is complete).
    public static var untypedKeys: [String] {
        mappings.flatMap { m in m.keys.filter { types[m.name]?[$0] == nil }.map { "\(m.name).\($0)" } }
    }

    /// Keys that have no hover text in `SchemaDescriptions` (empty when the schema is complete).
    public static var undescribedKeys: [String] {
        (mappings.map { ($0.name, $0.keys) } + [("top", FormatKeys.topLevel)]).flatMap { name, keys in
            keys.filter { (SchemaDescriptions.of(name, $0) ?? "").isEmpty }.map { "\(name).\($0)" }
        }
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }
    /// An enumeration's values, with hover text for each where `SchemaDescriptions` has it
    /// (`enumDescriptions`, `markdownEnumDescriptions`: editor keywords that validators ignore).
    static func enumRef<E: SchemaEnum>(_ type: E.Type) -> JSONValue {
        var members: [(String, JSONValue)] = [("enum", .array(E.allowedValues.map(JSONValue.string)))]
        if let texts = SchemaDescriptions.values(of: type) {
            members.append(("enumDescriptions", .array(texts.map(JSONValue.string))))
            members.append(("markdownEnumDescriptions", .array(texts.map(JSONValue.string))))
        }
        return .object(members)
    }
    static func idMap(_ item: String, minProperties: Int = 0) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string("object")), ("propertyNames", ref("id")), ("additionalProperties", ref(item)),
        ]
        if minProperties > 0 { members.append(("minProperties", .int(minProperties))) }
        return .object(members)
    }

    /// Keys whose value may not be null (`~`) even though the decoder reads
    /// null as "absent" elsewhere: required keys (the decoder reports "has no
    /// value") and these top-level sections.
    static let nonNullTopLevel: Set<String> = ["dpflow", "programme", "registry"]

    /// What EX003 (`ExceptionApplier`) needs on top of the decoder's required
    /// `rule` and `at`: an exception without them excepts nothing and is an error.
    static let exceptionCompleteness = ["reason", "approved-by", "expires"]

    /// A property: its description, and its type, which admits null (the
    /// decoder reads `key: ~` as an absent key) unless the key is required.
    static func property(_ type: JSONValue, description: String, nullable: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("description", .string(description)), ("markdownDescription", .string(description)),
        ]
        members.append(nullable ? ("anyOf", .array([type, .object([("type", .string("null"))])])) : ("allOf", .array([type])))
        return .object(members)
    }

    static func string(_ pattern: String, _ description: String) -> JSONValue {
        .object([("type", .string("string")), ("pattern", .string(pattern)), ("description", .string(description))])
    }

    static func notNull(_ keys: [String]) -> JSONValue {
        .object([("required", .array(keys.map(JSONValue.string))),
                 ("properties", .object(keys.map { ($0, .object([("not", .object([("type", .string("null"))]))])) }))])
    }

    static func whenEquals(_ key: String, _ value: String) -> JSONValue {
        .object([("required", .array([.string(key)])), ("properties", .object([(key, .object([("const", .string(value))]))]))])
    }

    static func ifThen(_ condition: JSONValue, _ then: JSONValue) -> JSONValue {
        .object([("if", condition), ("then", then)])
    }

    /// The decoder's conditional requirements (`ProgrammeDecoder`), per mapping.
    static let conditions: [String: [JSONValue]] = {
        let roles: [JSONValue] = [
            ifThen(whenEquals("role", PartyRole.processor.rawValue), notNull(["processor-for"])),
            ifThen(whenEquals("role", PartyRole.subProcessor.rawValue), notNull(["sub-processor-of"])),
        ]
        return [
            "party": roles, "system": roles,
            "data": [
                ifThen(whenEquals("category", DataKind.special.rawValue), notNull(["special"])),
                ifThen(notNull(["special"]), whenEquals("category", DataKind.special.rawValue)),
                ifThen(notNull(["reveals"]), whenEquals("category", DataKind.personal.rawValue)),
            ],
            // `criteria: ~` counts as given for both checks.
            "retention": [
                ifThen(whenEquals("period", "criteria"), .object([("required", .array([.string("criteria")]))])),
                ifThen(.object([("required", .array([.string("criteria")]))]), whenEquals("period", "criteria")),
            ],
        ]
    }()

    /// A 4-digit year 0001-9999 (CalendarDate), a month, and a day that month has.
    static let datePattern =
        "^(?!0000)([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
        + "|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$"
    /// ISODuration: P, then Y, M, W, D in order, each at most once with 1-6 digits.
    static let durationBody = "P(?!$)([0-9]{1,6}Y)?([0-9]{1,6}M)?([0-9]{1,6}W)?([0-9]{1,6}D)?"

    public static func document() -> JSONValue {
        let trueFalse = ["true", "True", "TRUE", "false", "False", "FALSE"]
        var defs: [(String, JSONValue)] = [
            ("id", string(Identifier.pattern, "lower-case kebab-case id (a-z, 0-9 and single hyphens)")),
            ("text", .object([("type", .array([.string("string"), .string("number"), .string("boolean")])),
                              ("description", .string("text (a number or true/false is read as its text)"))])),
            ("nonEmptyText", .object([("allOf", .array([ref("text")])), ("minLength", .int(1)), ("description", .string("text, not empty"))])),
            ("textList", .object([("type", .string("array")), ("items", ref("text"))])),
            ("idList", .object([("type", .string("array")), ("items", ref("text")), ("description", .string("a list of ids"))])),
            ("nonEmptyIdList", .object([("allOf", .array([ref("idList")])), ("minItems", .int(1))])),
            ("bool", .object([("anyOf", .array([.object([("type", .string("boolean"))]),
                                                 .object([("enum", .array(trueFalse.map(JSONValue.string)))])])),
                              ("description", .string("true or false (yes, no, on and off are not booleans)"))])),
            ("count", .object([("anyOf", .array([
                .object([("type", .string("integer")), ("minimum", .int(0)), ("maximum", .int(999_999_999_999_999))]),
                string("^[_,]*([0-9][_,]*){1,15}$", "a whole number written as text, digits with optional _ or , separators"),
            ])), ("description", .string("a whole number, up to 15 digits"))])),
            ("date", string(datePattern, "ISO 8601 calendar date, YYYY-MM-DD, that exists")),
            ("period", string("^(indefinite|criteria|\(durationBody))$", "ISO 8601 duration (P30D, P6M, P7Y), indefinite, or criteria")),
            ("duration", string("^\(durationBody)$", "ISO 8601 duration (P30D, P6M, P1Y)")),
            ("ruleID", .object([("enum", .array(RuleRegistry.rules.map { JSONValue.string($0.description.info.id) })),
                                ("description", .string("a rule id from the catalogue ('dpflow rules')"))])),
            ("partyCountry", .object([("enum", .array((Country.allCodes + [Country.unknownCode]).map(JSONValue.string))),
                                      ("description", .string("ISO 3166-1 alpha-2, GB-ENG, GB-SCT, GB-WLS, GB-NIR, or unknown"))])),
            ("place", .object([("enum", .array((Country.allCodes + Country.regionCodes + [Country.unknownCode]).map(JSONValue.string))),
                               ("description", .string("ISO 3166-1 alpha-2, a UK nation, EEA, EU, or unknown"))])),
            ("location", .object([("oneOf", .array([
                ref("place"), .object([("type", .string("array")), ("minItems", .int(1)), ("items", ref("place"))]),
            ])), ("description", .string("where the data is hosted: one place, or a list of the places it may be in"))])),
            ("country", .object([("enum", .array(Country.allCodes.map(JSONValue.string))),
                                 ("description", .string("ISO 3166-1 alpha-2, or GB-ENG, GB-SCT, GB-WLS, GB-NIR"))])),
        ]
        for m in mappings {
            let typed = types[m.name] ?? [:]
            let required = m.name == "exception" ? m.required + exceptionCompleteness : m.required
            var members: [(String, JSONValue)] = [
                ("type", .string("object")),
                ("description", .string(m.description)),
                ("additionalProperties", .bool(false)),
            ]
            if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
            members.append(("properties", .object(m.keys.map { key in
                (key, property(typed[key] ?? .object([]), description: SchemaDescriptions.of(m.name, key) ?? "",
                               nullable: !required.contains(key)))
            })))
            if let c = conditions[m.name] { members.append(("allOf", .array(c))) }
            defs.append((m.name, .object(members)))
        }
        let topTypes: [String: JSONValue] = [
            "dpflow": .object([("enum", .array(DPFlowTool.formatVersions.flatMap { v in [Int(v).map(JSONValue.int), .string(v)].compactMap { $0 } }))]),
            "include": .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))]),
            "registry": ref("registry"),
            "programme": ref("programme"), "subjects": idMap("subject"), "data": idMap("data"), "parties": idMap("party"),
            "systems": idMap("system"), "flows": idMap("flow"), "risks": idMap("risk"),
            "exceptions": .object([("type", .string("array")), ("items", ref("exception"))]),
        ]
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://github.com/dpflow/dpflow/schema/flow-file-v1.json")),
            ("title", .string("dpflow flow file, format version 1 (revision \(DPFlowTool.formatRevision))")),
            ("description", .string("A programme's personal-data flows, checked by dpflow.")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array([.string("dpflow")])),
            // A registry holds only shared entities; a programme needs its
            // programme and flows, and its entity sections unless it includes a registry.
            ("if", .object([("required", .array([.string("registry")]))])),
            ("then", .object([("propertyNames", .object([("enum", .array(FormatKeys.registryTopLevel.map(JSONValue.string)))]))])),
            ("else", .object([
                ("required", .array(FormatKeys.programmeWithIncludesRequired.map(JSONValue.string))),
                ("if", .object([("required", .array([.string("include")])),
                                ("properties", .object([("include", .object([("type", .string("array")), ("minItems", .int(1))]))]))])),
                ("else", .object([("required", .array(FormatKeys.topLevelRequired.map(JSONValue.string)))])),
            ])),
            ("properties", .object(FormatKeys.topLevel.map { key in
                (key, property(topTypes[key] ?? .object([]), description: SchemaDescriptions.of("top", key) ?? "",
                               nullable: !nonNullTopLevel.contains(key)))
            })),
            ("$defs", .object(defs)),
        ])
    }
}
