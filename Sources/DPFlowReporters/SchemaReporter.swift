import DPFlowDiagnostics
import DPFlowModel

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
            "from": ref("text"), "to": ref("text"), "data": ref("idList"), "purpose": ref("text"),
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
            "rule": ref("text"), "at": ref("text"), "reason": ref("text"), "approved-by": ref("text"), "expires": ref("date"),
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

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }
    static func enumRef<E: SchemaEnum>(_ type: E.Type) -> JSONValue { .object([("enum", .array(E.allowedValues.map(JSONValue.string)))]) }
    static func idMap(_ item: String, minProperties: Int = 0) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string("object")), ("propertyNames", ref("id")), ("additionalProperties", ref(item)),
        ]
        if minProperties > 0 { members.append(("minProperties", .int(minProperties))) }
        return .object(members)
    }

    public static func document() -> JSONValue {
        var defs: [(String, JSONValue)] = [
            ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$")),
                            ("description", .string("lower-case kebab-case id"))])),
            ("text", .object([("type", .array([.string("string"), .string("number"), .string("boolean"), .string("null")]))])),
            ("textList", .object([("type", .string("array")), ("items", ref("text"))])),
            ("idList", .object([("type", .string("array")), ("items", ref("text"))])),
            ("bool", .object([("type", .string("boolean"))])),
            ("count", .object([("type", .string("integer")), ("minimum", .int(0))])),
            ("date", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
                              ("description", .string("ISO 8601 calendar date, YYYY-MM-DD"))])),
            ("period", .object([("type", .string("string")),
                                ("pattern", .string("^(indefinite|criteria|P(?=[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?)$")),
                                ("description", .string("ISO 8601 duration (P30D, P6M, P7Y), indefinite, or criteria"))])),
            ("duration", .object([("type", .string("string")),
                                  ("pattern", .string("^P(?=[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$")),
                                  ("description", .string("ISO 8601 duration (P30D, P6M, P1Y)"))])),
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
            var members: [(String, JSONValue)] = [
                ("type", .string("object")),
                ("description", .string(m.description)),
                ("additionalProperties", .bool(false)),
            ]
            if !m.required.isEmpty { members.append(("required", .array(m.required.map(JSONValue.string)))) }
            members.append(("properties", .object(m.keys.map { ($0, typed[$0] ?? .object([])) })))
            defs.append((m.name, .object(members)))
        }
        let topTypes: [String: JSONValue] = [
            "dpflow": .object([("enum", .array([.int(1), .string("1")])), ("description", .string("format version"))]),
            "include": .object([("type", .string("array")), ("items", .object([("type", .string("string"))])),
                                ("description", .string("registry files whose entities this file uses, relative to it"))]),
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
                ("if", .object([("required", .array([.string("include")]))])),
                ("else", .object([("required", .array(FormatKeys.topLevelRequired.map(JSONValue.string)))])),
            ])),
            ("properties", .object(FormatKeys.topLevel.map { ($0, topTypes[$0] ?? .object([])) })),
            ("$defs", .object(defs)),
        ])
    }
}
