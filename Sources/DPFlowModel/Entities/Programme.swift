import DPFlowDiagnostics

/// `programme`: what the programme is, its purposes and DPIA state.
public struct ProgrammeInfo: Sendable {
    public var mark: SourceMark
    public var name: Located<String>?
    public var version: Located<String>?
    public var description: Located<String>?
    public var controllers: [Located<String>] = []
    /// (1.1) Parties outside this programme's record.
    public var external: [Located<String>] = []
    public var starts: Located<CalendarDate>?
    public var ends: Located<CalendarDate>?
    public var dpo: DPOContact?
    public var purposes: [Purpose] = []
    public var screening = Screening()
    public var dpia: DPIA?
    public var appropriatePolicyDocument: Located<String>?
    public var consultation: [Consultation] = []

    public init(mark: SourceMark) { self.mark = mark }
}

public struct DPOContact: Sendable {
    public var mark: SourceMark
    public var name: Located<String>?
    public var email: Located<String>?
}

public struct Purpose: Sendable {
    public var id: String
    public var mark: SourceMark
    public var description: Located<String>?
    public var lawfulBasis: LawfulBasis?
    public var automatedDecision: AutomatedDecision?
    public var path: String { "programme.purposes.\(id)" }
}

/// A lawful basis: a purpose's default, or a flow's own (overriding key by key).
public struct LawfulBasis: Sendable {
    public var mark: SourceMark
    /// (1.1) One basis or several, each checked on its own terms; nil when not stated.
    public var article6: [Located<Article6Basis>]?
    public var legalPower: Located<String>?
    public var article9: Located<Article9Condition>?
    /// DPA 2018 Schedule 1 conditions as written; the rules interpret them.
    public var schedule1: [Located<String>]?
    public var article10: Located<Article10Basis>?

    public init(mark: SourceMark) { self.mark = mark }

    /// The Article 6 bases stated (none when not stated).
    public var article6Bases: [Located<Article6Basis>] { article6 ?? [] }

    /// The Article 6 bases in words for a label: "public-task + vital-interests".
    public var article6Text: String? {
        guard let a = article6, !a.isEmpty else { return nil }
        return a.map(\.value.rawValue).joined(separator: " + ")
    }

    /// True when the bases include this one.
    public func relies(on basis: Article6Basis) -> Bool { article6?.contains { $0.value == basis } ?? false }

    /// `self` over `defaults`, key by key.
    public func overriding(_ defaults: LawfulBasis?) -> LawfulBasis {
        guard let d = defaults else { return self }
        var m = self
        m.article6 = article6 ?? d.article6
        m.legalPower = legalPower ?? d.legalPower
        m.article9 = article9 ?? d.article9
        m.schedule1 = schedule1 ?? d.schedule1
        m.article10 = article10 ?? d.article10
        return m
    }
}

/// DPIA screening facts that flows cannot show; all default false.
public struct Screening: Sendable {
    public enum Key: String, CaseIterable, Sendable {
        case innovativeTechnology = "innovative-technology"
        case automatedDecisions = "automated-decisions"
        case profiling
        case systematicMonitoring = "systematic-monitoring"
        case invisibleProcessing = "invisible-processing"
        case tracking
        case denialOfService = "denial-of-service"
        case physicalHarm = "physical-harm"
    }

    public var mark: SourceMark?
    public var values: [Key: Located<Bool>] = [:]

    public init() {}

    public subscript(_ key: Key) -> Bool { values[key]?.value ?? false }
}

public struct DPIA: Sendable {
    public var mark: SourceMark
    public var status: Located<DPIAStatus>?
    public var owner: Located<String>?
    public var approvedBy: Located<String>?
    public var approvedOn: Located<CalendarDate>?
    public var reviewBy: Located<CalendarDate>?
    public var dpoAdvice: Located<String>?
    public var priorConsultation: Located<String>?
}

public struct Consultation: Sendable {
    public var mark: SourceMark
    public var with: Located<String>?
    public var on: Located<CalendarDate>?
    public var outcome: Located<String>?
}
