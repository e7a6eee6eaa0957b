import DPFlowModel
/// A small, complete flow file that shows a rule firing or staying silent.
/// Sections default to a clean baseline programme; an example replaces only
/// what it is about, so that the difference is the point.
public struct RuleExample: Sendable {
    public var title: String
    public var programme: String
    public var subjects: String
    public var data: String
    public var parties: String
    public var systems: String
    public var flows: String
    public var risks: String?
    public var exceptions: String?

    public static let baseProgramme = """
          name: Example programme
          description: A council collects residents' contact details to support them.
          controllers: [council]
          purposes:
            support:
              lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}
          dpia: {status: approved, approved-by: SIRO, approved-on: 2026-01-15, review-by: 2027-12-31}
        """
    public static let baseSubjects = "  resident: {name: Residents, count: 100}"
    public static let baseData = "  contact: {name: Contact details, subjects: [resident], category: personal}"
    public static let baseParties = "  council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}"
    public static let baseSystems = """
          crm:
            name: Council CRM
            party: council
            location: GB-ENG
            retention:
              contact: {period: P6Y, from: case-closed, basis: Retention schedule 4.2, disposal: delete}
        """
    public static let baseFlows = """
          intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}
        """

    public init(
        _ title: String, programme: String = baseProgramme, subjects: String = baseSubjects, data: String = baseData,
        parties: String = baseParties, systems: String = baseSystems, flows: String = baseFlows,
        risks: String? = nil, exceptions: String? = nil,
        programmeExtra: String? = nil, subjectsExtra: String? = nil, dataExtra: String? = nil,
        partiesExtra: String? = nil, systemsExtra: String? = nil
    ) {
        func join(_ base: String, _ extra: String?) -> String { extra.map { base + "\n" + $0 } ?? base }
        self.title = title
        self.programme = join(programme, programmeExtra)
        self.subjects = join(subjects, subjectsExtra)
        self.data = join(data, dataExtra)
        self.parties = join(parties, partiesExtra)
        self.systems = join(systems, systemsExtra)
        self.flows = flows
        self.risks = risks
        self.exceptions = exceptions
    }

    /// An example given as a whole file (for the structure rules).
    public static func file(_ title: String, _ yaml: String) -> RuleExample {
        var e = RuleExample(title)
        e.whole = yaml
        return e
    }

    private var whole: String?

    /// The flow file.
    public var yaml: String {
        if let whole { return whole }
        var out = "dpflow: 1\nprogramme:\n\(programme)\nsubjects:\n\(subjects)\ndata:\n\(data)\nparties:\n\(parties)\n"
        out += "systems:\n\(systems)\nflows:\n\(flows)\n"
        if let risks { out += "risks:\n\(risks)\n" }
        if let exceptions { out += "exceptions:\n\(exceptions)\n" }
        return out
    }
}
