import DPFlowDiagnostics
import DPFlowModel

/// DM004: a registry system keeps data that no programme brings to it.
struct RegistryDataUnused: DepartmentRule {
    static let description = DepartmentRuleDescription(
        DepartmentRuleInfo.registryDataUnused,
        law: "UK GDPR Article 5(1)(c) and (e); ICO retention guidance (redundant, obsolete and trivial data: the \"digital heap\")",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/a-guide-to-the-data-protection-principles/storage-limitation/",
        triggers: "A registry system has retention for a data category that no programme's flow brings into it (and that it does not create for a programme that uses it), or that no programme includes any more.",
        fix: "If the data is still held, find the programme it belongs to and declare its flows; if it is no longer needed, dispose of it and remove the retention entry.",
        triggering: [
            DepartmentExample(
                "The register keeps health needs that no programme sends any more",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact"]))])
        ],
        nonTriggering: [
            DepartmentExample(
                "Every category the register keeps arrives from a programme",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact", "health"]))])
        ])

    func check(_ department: Department, into findings: inout DepartmentFindings) {
        // Per (system entity, data entity): brought in or created by some programme.
        var arrives = Set<[Int]>()
        for (p, prog) in department.programmes.enumerated() {
            for (si, system) in prog.model.systems.enumerated() {
                guard let s = department.entity(.systems, system.id, inProgramme: p) else { continue }
                for f in prog.graph.inFlows[prog.graph.node(ofSystem: si)] {
                    for d in prog.graph.flowData[f] {
                        if let e = department.entity(.data, prog.model.data[d].id, inProgramme: p) { arrives.insert([s, e]) }
                    }
                }
                for c in system.creates {
                    if let e = department.entity(.data, c.value, inProgramme: p) { arrives.insert([s, e]) }
                }
            }
        }
        for (r, registry) in department.registries.enumerated() {
            for system in registry.model.systems where system.origin == 0 {
                guard let s = department.entity(.systems, system.id, inRegistry: r) else { continue }
                let users = department.entities[s].programmes.count
                for entry in system.retention {
                    guard let d = department.entity(.data, entry.dataID, inRegistry: r), !arrives.contains([s, d]) else { continue }
                    findings.add(
                        file: registry.file, at: entry.mark, path: entry.path,
                        users == 0
                            ? "registry system '\(system.id)' keeps '\(entry.dataID)', but no programme uses the system any more"
                            : "registry system '\(system.id)' keeps '\(entry.dataID)', but no programme's flow brings it there")
                }
            }
        }
    }
}
