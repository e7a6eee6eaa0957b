import Foundation

/// `dpflow init`: a commented starter programme that explains each section and
/// passes `dpflow check` with no findings.
public enum StarterProgramme {
    /// `schema` is the `$schema` reference as the file's editor resolves it:
    /// relative to the flow file's own folder (`relativeSchemaPath`).
    public static func text(name: String, schema: String = "dpflow-schema.json") -> String {
        let quoted = "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: " ") + "\""
        return """
            # yaml-language-server: $schema=\(schema)
            # A dpflow flow file: one programme's personal-data flows, checked by `dpflow check`.
            # Write `dpflow schema > \(schemaFile(schema))` for completion and checking in your editor.
            # Every entity is a mapping keyed by a lower-case kebab-case id; `dpflow explain ID`
            # explains any finding. Replace the example values with your own.
            dpflow: 1

            programme:
              name: \(quoted)
              version: "0.1"
              # Nature, scope and context in plain words: the DPIA report quotes it.
              description: >-
                Describe what the programme does with personal data, for whom and why.
              controllers: [our-organisation]      # the lead controllers (party ids)
              dpo: {name: Data Protection Officer, email: dpo@example.gov.uk}
              purposes:
                service-delivery:
                  description: Deliver the service
                  # The default lawful basis of every flow with this purpose (a flow may override it).
                  lawful-basis: {article-6: public-task, legal-power: "Name the Act and section"}
              # DPIA screening facts that the flows cannot show; all default to false.
              screening:
                innovative-technology: false
                automated-decisions: false
                denial-of-service: false
              dpia:
                status: draft                      # not-started | draft | in-review | approved
                owner: Programme SRO

            # The kinds of people whose data is processed (count: approximate number).
            subjects:
              service-user: {name: People using the service, count: 500}

            # The categories of personal data: personal, special (with its kind) or criminal-offence.
            data:
              contact-details:
                name: Name and contact details
                subjects: [service-user]
                category: personal
                fields: [name, email, address]

            # Organisations: controllers, processors (with their contract) and sub-processors.
            parties:
              our-organisation:
                name: Our Organisation
                type: public-authority
                role: controller
                country: GB-ENG                    # ISO 3166-1, or GB-ENG, GB-SCT, GB-WLS, GB-NIR

            # Where data is held; each system belongs to a party and keeps each category for a period.
            systems:
              case-system:
                name: Case management system
                party: our-organisation
                location: GB-ENG
                security: [encrypted at rest, role-based access]
                retention:
                  contact-details:
                    period: P6Y                    # ISO 8601 duration, or indefinite
                    from: case-closed              # the event that starts the clock
                    basis: Retention schedule item 1
                    disposal: delete               # delete | anonymise | archive | review

            # Directed movements of data, from people (collection) or systems, into systems.
            flows:
              online-application:
                from: service-user
                to: case-system
                data: [contact-details]
                purpose: service-delivery
                notice: https://www.example.gov.uk/privacy   # the privacy notice people see
                encrypted: true
                frequency: continuous

            # The DPIA's risk register (optional): likelihood x severity gives the overall risk.
            risks:
              unauthorised-access:
                description: Staff without a need to know see case records
                affects: [systems.case-system]
                likelihood: possible
                severity: significant
                measures:
                  - {description: Role-based access with audit, effect: reduced, owner: Information governance lead}
                residual: {likelihood: remote, severity: significant}

            # Findings accepted by a named person until a date (optional), for example:
            # exceptions:
            #   - {rule: TR010, at: flows.online-application, reason: "...", approved-by: DPO, expires: 2027-03-31}

            """
    }

    /// The schema's file name, for the comment.
    static func schemaFile(_ schema: String) -> String { (schema as NSString).lastPathComponent }

    /// The path of `schema` relative to the folder of `file` (both as given,
    /// relative to the working directory or absolute): what yaml-language-server
    /// resolves a `$schema` comment against. `init -o Flows/x.yaml` with the
    /// schema at `dpflow-schema.json` gives `../dpflow-schema.json`.
    public static func relativeSchemaPath(schema: String, from file: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        func components(_ path: String) -> [String] {
            let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
            var out: [String] = []
            for part in absolute.split(separator: "/") {
                switch part {
                case ".": continue
                case "..": if !out.isEmpty { out.removeLast() }
                default: out.append(String(part))
                }
            }
            return out
        }
        let folder = Array(components(file).dropLast())
        let target = components(schema)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
