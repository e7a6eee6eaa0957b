import DPFlowDiagnostics
import DPFlowEngine
import DPFlowModel

/// A small valid programme; tests change one thing at a time.
let minimalProgramme = """
    dpflow: 1
    programme:
      name: Test programme
      description: A programme for tests
      controllers: [council]
      purposes:
        support:
          lawful-basis: {article-6: public-task, legal-power: Localism Act 2011 s1}
    subjects:
      resident: {name: Residents, count: 100}
    data:
      contact: {name: Contact details, subjects: [resident], category: personal}
    parties:
      council: {name: A Council, type: public-authority, role: controller, country: GB-ENG}
    systems:
      crm:
        name: Council CRM
        party: council
        location: GB-ENG
        retention:
          contact: {period: P6Y, from: case-closed, basis: schedule, disposal: delete}
    flows:
      intake:
        from: resident
        to: crm
        data: [contact]
        purpose: support
        notice: https://example.gov.uk/privacy
    """

func decode(_ text: String) -> LoadedProgramme {
    ProgrammeLoader.load(bytes: Array(text.utf8), file: "t.yaml")
}

func rules(_ text: String) -> [String] {
    decode(text).findings.map(\.rule)
}

extension String {
    /// Replaces the first occurrence, failing loudly in tests when absent.
    func replacing1(_ old: String, _ new: String) -> String {
        guard let r = range(of: old) else { return "MISSING-\(old)" }
        return replacingCharacters(in: r, with: new)
    }
}
