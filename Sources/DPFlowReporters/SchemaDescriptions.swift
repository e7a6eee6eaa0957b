import DPFlowModel

/// The hover text of every key of the flow-file format (docs/format.md in
/// brief), one table: `dpflow schema` puts each on its property as
/// `description` and `markdownDescription`, which yaml-language-server shows.
/// A key without an entry fails `SchemaReporter.undescribedKeys`' test.
enum SchemaDescriptions {
    static func of(_ mapping: String, _ key: String) -> String? { table[mapping]?[key] }

    /// Hover text for the values of an enumeration, in its order; nil when it has none.
    static func values<E: SchemaEnum>(of type: E.Type) -> [String]? {
        guard let table = enumValues[String(describing: type)] else { return nil }
        return E.allowedValues.map { table[$0] ?? "" }
    }

    /// Where a word alone does not say enough (UK GDPR, DPA 2018).
    static let enumValues: [String: [String: String]] = [
        "DataKind": [
            "personal": "Personal data (Article 4(1))",
            "special": "Special category data (Article 9): say which under 'special'",
            "criminal-offence": "Criminal offence data (Article 10)",
        ],
        "PartyRole": [
            "controller": "Decides why and how the data is processed",
            "joint-controller": "Decides jointly with another controller (Article 26)",
            "processor": "Processes on a controller's behalf (Article 28): needs 'processor-for'",
            "sub-processor": "Engaged by a processor: needs 'sub-processor-of'",
        ],
        "Article6Basis": [
            "consent": "Article 6(1)(a) consent", "contract": "Article 6(1)(b) contract with the person",
            "legal-obligation": "Article 6(1)(c) legal obligation: give 'legal-power'",
            "vital-interests": "Article 6(1)(d) vital interests",
            "public-task": "Article 6(1)(e) public task: give 'legal-power'",
            "recognised-legitimate-interests": "Article 6(1)(ea) recognised legitimate interests (Annex 1)",
            "legitimate-interests": "Article 6(1)(f) legitimate interests: not for a public authority's tasks",
        ],
        "Article10Basis": [
            "official-authority": "Under the control of official authority",
            "schedule-1": "A DPA 2018 Schedule 1 condition: list it under 'schedule-1'",
        ],
        "DPIAStatus": [
            "not-started": "No DPIA yet", "draft": "Being written", "in-review": "With the DPO or approver",
            "approved": "Signed off: give 'approved-by' and 'approved-on'",
        ],
        "Disposal": [
            "delete": "Deleted at the end of the period", "anonymise": "Anonymised, so no longer personal data",
            "archive": "Archived (e.g. for public records)", "review": "Reviewed, then kept or disposed of",
        ],
        "PartyScope": ["in": "Part of the programme", "external": "Outside the programme: an independent controller or source"],
        "MeasureEffect": [
            "eliminated": "The risk is removed", "reduced": "The risk is reduced", "accepted": "The risk is accepted as it is",
        ],
    ]

    static let contactName = "The person's name or role"
    static let contactEmail = "An email address to reach them"
    static let processorFor = "Required when role is processor: the ids of the controllers it acts for"
    static let subProcessorOf = "Required when role is sub-processor: the ids of the processors that engaged it"
    static let authorisedBy = "The ids of the controllers that gave written authorisation for this sub-processor (Article 28(2))"

    static let table: [String: [String: String]] = [
        "top": [
            "dpflow": "The format version: 1",
            "include": "Registry files whose subjects, data, parties and systems this file uses, relative to this file",
            "registry": "Makes this file a registry: it holds only shared subjects, data, parties and systems",
            "programme": "The programme: its name, controllers, purposes, DPIA state",
            "subjects": "The kinds of people whose data is processed, by id",
            "data": "The categories of personal data, by id",
            "parties": "The organisations involved (controllers, processors, sub-processors), by id",
            "systems": "Where data is processed or stored, by id",
            "flows": "Directed movements of data between subjects and systems, by id",
            "risks": "The DPIA's risk register, by id",
            "exceptions": "Findings accepted by a named person until a date",
        ],
        "registry": ["name": "The registry's name", "owner": "Who maintains the registry"],
        "programme": [
            "name": "The programme's name", "version": "The version of this declaration, as text (e.g. 2.3)",
            "description": "What the programme does, in a sentence or two",
            "controllers": "The ids of the parties that lead the programme as controllers",
            "external": "The ids of parties outside the programme that it exchanges data with",
            "dpo": "The data protection officer: name and email", "starts": "The date processing starts (YYYY-MM-DD)",
            "ends": "The date processing ends (YYYY-MM-DD); not before 'starts'",
            "purposes": "The purposes of processing, by id, each with its lawful basis (at least one)",
            "screening": "DPIA screening facts that the flows cannot show", "dpia": "The DPIA's state and sign-off",
            "appropriate-policy-document": "Where the appropriate policy document is (DPA 2018 Schedule 1 Part 4)",
            "consultation": "Who was consulted, when, and the outcome (DPIA step 3)",
        ],
        "dpo": ["name": contactName, "email": contactEmail],
        "purpose": [
            "description": "What the purpose is", "lawful-basis": "The default lawful basis of the flows for this purpose",
            "automated-decision": "A significant decision taken solely by automated means for this purpose",
        ],
        "automatedDecision": [
            "decision": "What is decided (required)", "special-category": "Whether the decision uses special category data",
            "safeguards": "The Article 22C safeguards in place",
        ],
        "lawfulBasis": [
            "article-6": "The UK GDPR Article 6 basis: one, or a list", "legal-power": "The statute or power for public-task or legal-obligation",
            "article-9": "The Article 9 condition for special category data", "schedule-1": "The DPA 2018 Schedule 1 conditions relied on",
            "article-10": "The Article 10 basis for criminal offence data",
        ],
        "screening": [
            "innovative-technology": "Uses innovative technology (DPIA screening; default false)",
            "automated-decisions": "Takes decisions with legal or similar effect by automated means (DPIA screening; default false)",
            "profiling": "Profiles people (DPIA screening; default false)",
            "systematic-monitoring": "Monitors people systematically, e.g. in a public place (DPIA screening; default false)",
            "invisible-processing": "Processes data not obtained from the person without telling them (DPIA screening; default false)",
            "tracking": "Tracks people's location or behaviour (DPIA screening; default false)",
            "denial-of-service": "Decides access to a service, opportunity or benefit (DPIA screening; default false)",
            "physical-harm": "A breach could endanger someone's physical health or safety (DPIA screening; default false)",
        ],
        "dpia": [
            "status": "Where the DPIA is: not-started, draft, in-review or approved", "owner": "Who owns the DPIA",
            "approved-by": "Who approved the DPIA", "approved-on": "When the DPIA was approved (YYYY-MM-DD)",
            "review-by": "When the DPIA must next be reviewed (YYYY-MM-DD)", "dpo-advice": "The DPO's advice, or where it is recorded",
            "prior-consultation": "The ICO prior consultation (Article 36), if any",
        ],
        "consultation": ["with": "Who was consulted (required)", "on": "When (YYYY-MM-DD)", "outcome": "What came of it"],
        "subject": [
            "name": "The name of this kind of person (required)", "count": "About how many people: a whole number",
            "vulnerable": "Whether these people are vulnerable", "children": "Whether these people are children",
        ],
        "data": [
            "name": "The data category's name (required)", "subjects": "The ids of the subjects the data is about (required)",
            "category": "personal, special or criminal-offence (required)",
            "special": "Required when category is special, and only then: which special categories",
            "reveals": "Only for category personal: the special categories this data can reveal",
            "classification": "Government Security Classification", "residency": "Where the data must stay (country code)",
            "fields": "The fields the category holds",
        ],
        "party": [
            "name": "The organisation's name (required)", "type": "public-authority, company, charity or individual (required)",
            "role": "controller, joint-controller, processor or sub-processor (required)",
            "country": "Where the organisation is established: a country code, a UK nation, or unknown (required)",
            "processor-for": processorFor, "contract": "The Article 28 contract's reference",
            "dpf-certified": "Whether the party is certified under the UK extension to the Data Privacy Framework",
            "sub-processor-of": subProcessorOf, "authorised-by": authorisedBy,
            "group": "Whether the party stands for a group of organisations", "scope": "in (part of the programme) or external",
            "contact": "A contact at the organisation: name and email", "dpo": "The organisation's DPO: name and email",
        ],
        "system": [
            "name": "The system's name (required)", "party": "The id of the party that runs the system (required)",
            "location": "Where the data is hosted: one place or a list (required)",
            "classification": "The highest classification the system is accredited for",
            "stores": "Whether the system stores data (false: it only passes it on)", "security": "The security measures in place",
            "retention": "How long the system keeps each data category, by data id", "creates": "The ids of data categories the system creates",
            "role": "The role of the system's party when it differs for this system",
            "processor-for": processorFor, "sub-processor-of": subProcessorOf, "authorised-by": authorisedBy,
            "contract": "The contract that covers this system",
        ],
        "retention": [
            "period": "An ISO 8601 duration (P6M, P7Y), indefinite, or criteria (required)",
            "from": "The event the period runs from", "until": "The event the period runs until",
            "criteria": "Required when period is criteria, and only then: the conditions under which data is kept",
            "review-every": "How often the criteria are reviewed (ISO 8601 duration)", "basis": "The retention schedule or law that sets the period",
            "disposal": "What happens at the end: delete, anonymise, archive or review",
        ],
        "flow": [
            "from": "The id of the subject or system the data leaves (required)", "to": "The id of the system the data goes to (required)",
            "data": "The ids of the data categories carried (required, at least one)", "purpose": "The id of the purpose (required)",
            "lawful-basis": "The lawful basis, when it differs from the purpose's", "transfer": "The restricted-transfer mechanism",
            "agreement": "The data sharing agreement's reference", "notice": "The privacy notice's reference",
            "encrypted": "Whether the data is encrypted in transit", "frequency": "How often the data moves",
            "automated-decision": "A significant automated decision taken on this flow",
        ],
        "transfer": ["mechanism": "The Chapter V mechanism", "tra": "The transfer risk assessment's reference"],
        "risk": [
            "description": "The risk to individuals (required)", "affects": "The ids of the flows, systems or data the risk affects",
            "likelihood": "remote, possible or probable (required)", "severity": "minimal, significant or severe (required)",
            "measures": "The measures against the risk", "residual": "The risk left after the measures",
        ],
        "measure": [
            "description": "What the measure is (required)", "effect": "eliminated, reduced or accepted", "owner": "Who owns the measure",
            "due": "When it is due (YYYY-MM-DD)", "status": "planned, in-progress or done",
        ],
        "residual": ["likelihood": "remote, possible or probable", "severity": "minimal, significant or severe"],
        "exception": [
            "rule": "The rule id of the finding excepted (required)", "at": "The path of the finding, as dpflow prints it (required)",
            "reason": "Why the finding is accepted (required: without it the exception is EX003)",
            "approved-by": "Who accepted it (required: without it the exception is EX003)",
            "expires": "When the exception ends (required: without it the exception is EX003)",
        ],
    ]
}
