import DPFlowDiagnostics

/// `subjects.<id>`: a kind of person whose data is processed.
public struct Subject: Sendable {
    public var id: String
    public var mark: SourceMark
    /// The file that declares it: 0 is the programme's own file, others index
    /// `ProgrammeModel.files` (an included registry).
    public var origin = 0
    public var name: Located<String>?
    public var count: Located<Int>?
    public var vulnerable: Located<Bool>?
    public var children: Located<Bool>?
    public var path: String { "subjects.\(id)" }
}

/// `data.<id>`: a category of personal data.
public struct DataCategory: Sendable {
    public var id: String
    public var mark: SourceMark
    public var name: Located<String>?
    public var subjects: [Located<String>] = []
    public var category: Located<DataKind>?
    public var special: [Located<SpecialCategory>] = []
    public var classification: Located<Classification>?
    public var residency: Located<Country>?
    public var fields: [Located<String>] = []
    /// (1.1) Special categories that can be inferred from this personal data.
    public var reveals: [Located<SpecialCategory>] = []
    public var origin = 0
    public var path: String { "data.\(id)" }

    /// The kind every rule and output uses: personal data that reveals a
    /// special category is special category data (ICO guidance).
    public var kind: DataKind {
        let declared = category?.value ?? .personal
        return declared == .personal && !reveals.isEmpty ? .special : declared
    }

    /// The special categories: declared, and inferred through `reveals`.
    public var specialCategories: [SpecialCategory] {
        var out = special.map(\.value)
        for r in reveals where !out.contains(r.value) { out.append(r.value) }
        return out
    }

    /// True when the data is special only because of what it reveals.
    public var isInferredSpecial: Bool { (category?.value ?? .personal) == .personal && !reveals.isEmpty }
    public var effectiveClassification: Classification { classification?.value ?? .official }
}

/// `parties.<id>`: an organisation.
public struct Party: Sendable {
    public var id: String
    public var mark: SourceMark
    public var name: Located<String>?
    public var type: Located<PartyType>?
    public var role: Located<PartyRole>?
    public var country: Located<Country>?
    public var processorFor: [Located<String>] = []
    public var subProcessorOf: [Located<String>] = []
    public var authorisedBy: [Located<String>] = []
    public var contract: Located<String>?
    public var dpfCertified: Located<Bool>?
    /// (1.1) A class of organisations (Art 30(1)(d) "categories of recipients").
    public var group: Located<Bool>?
    /// (1.1) `external`: an independent controller or source outside the record.
    public var scope: Located<PartyScope>?
    /// The party's own contact and data protection officer, for its Article 30 record.
    public var contact: DPOContact?
    public var dpo: DPOContact?
    public var origin = 0
    public var path: String { "parties.\(id)" }

    public var isGroup: Bool { group?.value ?? false }

    public var isPublicAuthority: Bool { type?.value == .publicAuthority }
}

/// `systems.<id>`: where data is processed or stored.
public struct System: Sendable {
    public var id: String
    public var mark: SourceMark
    public var name: Located<String>?
    public var party: Located<String>?
    /// (1.1) One place or several: the data may be in any of them.
    public var locations: [Located<Country>] = []
    public var classification: Located<Classification>?
    public var stores: Located<Bool>?
    public var security: [Located<String>] = []
    public var retention: [RetentionEntry] = []
    /// (1.1) Data the system itself generates.
    public var creates: [Located<String>] = []
    /// (1.1) The role the system's party acts in for this system, with the
    /// keys that go with it; each overrides the party's own.
    public var role: Located<PartyRole>?
    public var processorFor: [Located<String>]?
    public var subProcessorOf: [Located<String>]?
    public var authorisedBy: [Located<String>]?
    public var contract: Located<String>?
    public var origin = 0
    public var path: String { "systems.\(id)" }

    /// The first place given (for a one-line summary).
    public var location: Located<Country>? { locations.first }

    public var keepsData: Bool { stores?.value ?? true }
    public var effectiveClassification: Classification { classification?.value ?? .official }
}

/// `systems.<id>.retention.<data-id>`.
public struct RetentionEntry: Sendable {
    public var dataID: String
    public var systemID: String
    public var mark: SourceMark
    public var period: Located<RetentionPeriod>?
    public var from: Located<String>?
    /// (1.1) An event that ends the period early.
    @OutOfLine public var until: Located<String>?
    /// (1.1) With `period: criteria`: the criteria, and how often they are reviewed.
    @OutOfLine public var criteria: Located<String>?
    @OutOfLine public var reviewEvery: Located<ISODuration>?
    public var basis: Located<String>?
    public var disposal: Located<Disposal>?
    public var path: String { "systems.\(systemID).retention.\(dataID)" }
}

/// `flows.<id>`: a directed movement of data.
public struct Flow: Sendable {
    public var id: String
    public var mark: SourceMark
    public var from: Located<String>?
    public var to: Located<String>?
    public var data: [Located<String>] = []
    public var purpose: Located<String>?
    @OutOfLine public var lawfulBasis: LawfulBasis?
    @OutOfLine public var transfer: Transfer?
    public var agreement: Located<String>?
    public var notice: Located<String>?
    public var encrypted: Located<Bool>?
    public var frequency: Located<Frequency>?
    /// (1.1) Overrides the purpose's automated decision for this flow.
    @OutOfLine public var automatedDecision: AutomatedDecision?
    public var path: String { "flows.\(id)" }
}

/// (1.1) A significant decision taken solely by automated means (Arts 22A-22D).
public struct AutomatedDecision: Sendable {
    public var mark: SourceMark
    public var decision: Located<String>?
    public var specialCategory: Located<Bool>?
    public var safeguards: [Located<Safeguard>] = []

    public init(mark: SourceMark) { self.mark = mark }
}

public struct Transfer: Sendable {
    public var mark: SourceMark
    public var mechanism: Located<TransferMechanism>?
    public var tra: Located<String>?
}

/// `risks.<id>`: an entry of the DPIA's risk register.
public struct Risk: Sendable {
    public var id: String
    public var mark: SourceMark
    public var description: Located<String>?
    public var affects: [Located<String>] = []
    public var likelihood: Located<Likelihood>?
    public var severity: Located<RiskSeverity>?
    public var measures: [Measure] = []
    public var residual: Residual?
    public var path: String { "risks.\(id)" }

    public var level: RiskLevel? {
        guard let l = likelihood?.value, let s = severity?.value else { return nil }
        return RiskLevel(likelihood: l, severity: s)
    }
}

public struct Measure: Sendable {
    public var mark: SourceMark
    public var description: Located<String>?
    public var effect: Located<MeasureEffect>?
    public var owner: Located<String>?
    /// When the measure is due, and how far it has got (the DPIA's action plan).
    public var due: Located<CalendarDate>?
    public var status: Located<MeasureStatus>?
}

public struct Residual: Sendable {
    public var mark: SourceMark
    public var likelihood: Located<Likelihood>?
    public var severity: Located<RiskSeverity>?

    public var level: RiskLevel? {
        guard let l = likelihood?.value, let s = severity?.value else { return nil }
        return RiskLevel(likelihood: l, severity: s)
    }
}

/// `exceptions[n]`: a finding accepted by a named person until a date.
public struct FindingException: Sendable {
    public var index: Int
    public var mark: SourceMark
    public var rule: Located<String>?
    public var at: Located<String>?
    public var reason: Located<String>?
    public var approvedBy: Located<String>?
    public var expires: Located<CalendarDate>?
    public var path: String { "exceptions[\(index)]" }
}
