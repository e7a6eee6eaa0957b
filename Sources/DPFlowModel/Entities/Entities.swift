import DPFlowDiagnostics

/// `subjects.<id>`: a kind of person whose data is processed.
public struct Subject: Sendable {
    public var id: String
    public var mark: SourceMark
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
    public var path: String { "data.\(id)" }

    public var kind: DataKind { category?.value ?? .personal }
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
    public var path: String { "parties.\(id)" }

    public var isPublicAuthority: Bool { type?.value == .publicAuthority }
}

/// `systems.<id>`: where data is processed or stored.
public struct System: Sendable {
    public var id: String
    public var mark: SourceMark
    public var name: Located<String>?
    public var party: Located<String>?
    public var location: Located<Country>?
    public var classification: Located<Classification>?
    public var stores: Located<Bool>?
    public var security: [Located<String>] = []
    public var retention: [RetentionEntry] = []
    public var path: String { "systems.\(id)" }

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
    public var lawfulBasis: LawfulBasis?
    public var transfer: Transfer?
    public var agreement: Located<String>?
    public var notice: Located<String>?
    public var encrypted: Located<Bool>?
    public var frequency: Located<Frequency>?
    public var path: String { "flows.\(id)" }
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
