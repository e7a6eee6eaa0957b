import DPFlowDiagnostics
import DPFlowModel

/// DM001: one system keeps one data category under two retention schedules.
struct ConflictingRetention: DepartmentRule {
    static let description = DepartmentRuleDescription(
        DepartmentRuleInfo.conflictingRetention,
        law: "UK GDPR Article 5(1)(e) and Article 30(1)(f): one record, one retention period, for the same data in the same system",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/documentation/",
        triggers: "Matched systems (the same system declared in two programmes, or in a programme and the registry, matched by id or by name) keep the same matched data category under different retention: a different period, trigger or disposal.",
        fix: "Agree one retention schedule for the data in that system and declare the system once, in the registry, with that schedule.",
        triggering: [
            DepartmentExample(
                "Two programmes declare the council CRM with different periods for contact details",
                [("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact"]).replacing("include: [registry.yaml]\n", with: "") + Self.localCRM("P6Y")),
                 ("b.yaml", DepartmentExamples.programme("Programme B", data: ["contact"]).replacing("include: [registry.yaml]\n", with: "") + Self.localCRM("P2Y"))])
        ],
        nonTriggering: [
            DepartmentExample(
                "Two programmes use the registry's CRM and its one schedule",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact"])),
                 ("b.yaml", DepartmentExamples.programme("Programme B", data: ["contact"]))])
        ])

    /// The sections a programme needs when it declares the CRM itself.
    static func localCRM(_ period: String) -> String {
        """
        subjects:
          resident: {name: Residents, count: 50}
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
              contact: {period: \(period), from: case-closed, basis: Schedule, disposal: delete}

        """
    }

    struct Schedule: Equatable {
        let period: RetentionPeriod?
        let from: String?
        let disposal: Disposal?
        let criteria: String?

        init(_ e: RetentionEntry) {
            period = e.period?.value
            from = e.from?.value
            disposal = e.disposal?.value
            criteria = e.period?.value.isCriteria == true ? e.criteria?.value : nil
        }

        var words: String {
            var out = period.map { $0.isCriteria ? "criteria (\(criteria ?? "not stated"))" : $0.description } ?? "no period"
            out += " from \(from ?? "no trigger")"
            out += ", then \(disposal?.rawValue ?? "no disposal")"
            return out
        }
    }

    func check(_ department: Department, into findings: inout DepartmentFindings) {
        for s in department.entities(.systems) where department.entities[s].declarations.count > 1 {
            // Each declaration's schedule per matched data category, in declaration order.
            var first: [Int: (decl: Department.Declaration, entry: RetentionEntry)] = [:]
            var reported = Set<String>()
            for decl in department.entities[s].declarations {
                guard let system = department.system(decl) else { continue }
                for entry in system.retention {
                    guard let d = department.entity(.data, entry.dataID, declaredWith: decl) else { continue }
                    guard let earlier = first[d] else {
                        first[d] = (decl, entry)
                        continue
                    }
                    guard earlier.decl.file != decl.file, Schedule(earlier.entry) != Schedule(entry),
                        reported.insert("\(decl.file)#\(entry.path)").inserted
                    else { continue }
                    let there = "\(earlier.decl.file):\(earlier.entry.mark.line)"
                    findings.add(
                        file: decl.file, at: entry.period?.mark ?? entry.mark, path: entry.path,
                        "system '\(decl.id)' keeps '\(entry.dataID)' for \(Schedule(entry).words) here, but for \(Schedule(earlier.entry).words) in \(department.placeName(earlier.decl)) (\(there))",
                        trace: ["\(earlier.decl.file):\(earlier.entry.path)", "\(decl.file):\(entry.path)"])
                }
            }
        }
    }
}
