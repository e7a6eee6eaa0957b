import DPFlowDiagnostics
import DPFlowModel

/// DM002: a programme declares again what the registry or another programme declares.
struct DuplicateEntity: DepartmentRule {
    static let description = DepartmentRuleDescription(
        DepartmentRuleInfo.duplicateEntity,
        law: "ICO accountability guidance: one record of processing for the organisation (Article 30); \"if only this department knew what this department knows\"",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/documentation/",
        triggers: "A programme declares a party, system, subject group or data category whose name (case, spaces and punctuation folded) matches one declared in the registry or in another programme.",
        fix: "Declare it once, in the registry, and include the registry in each programme that uses it.",
        triggering: [
            DepartmentExample(
                "A programme declares the council again, under another id",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact"])
                    + "parties:\n  the-council: {name: 'A council', type: public-authority, role: controller, country: GB-ENG}\n")])
        ],
        nonTriggering: [
            DepartmentExample(
                "Programmes that include the registry's council",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact"])),
                 ("b.yaml", DepartmentExamples.programme("Programme B", data: ["contact"]))])
        ])

    func check(_ department: Department, into findings: inout DepartmentFindings) {
        for kind in Department.Kind.allCases {
            for e in department.entities(kind) {
                let decls = department.entities[e].declarations
                guard decls.count > 1 else { continue }
                for decl in decls where decl.programme != nil {
                    let folded = Department.fold(decl.name)
                    let others = decls.filter { $0.file != decl.file && Department.fold($0.name) == folded && !folded.isEmpty }
                    guard !others.isEmpty else { continue }
                    let places = others.prefix(3).map { "\(department.placeName($0)) as '\($0.id)' (\($0.file):\($0.mark.line))" }
                    let inRegistry = others.contains { $0.registry != nil }
                    findings.add(
                        file: decl.file, at: decl.mark, path: "\(kind.rawValue).\(decl.id)",
                        "\(kind.noun) '\(decl.id)' (\(decl.name)) is also declared in \(places.joined(separator: "; "))\(others.count > 3 ? " and \(others.count - 3) more" : "")",
                        fix: inRegistry
                            ? "Remove this declaration and use the registry's ('\(others.first { $0.registry != nil }?.id ?? decl.id)') through `include`."
                            : "Move it into the registry and include the registry in each programme that uses it.")
                }
            }
        }
    }
}
