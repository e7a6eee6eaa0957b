import DPFlowDiagnostics
import DPFlowModel

/// DM003: one system combines sensitive data about one group from several programmes.
struct CrossProgrammeMatching: DepartmentRule {
    static let description = DepartmentRuleDescription(
        DepartmentRuleInfo.crossProgrammeMatching,
        law: "UK GDPR Article 35 (ICO high-risk list: data matching; WP248: matching or combining datasets)",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk/",
        triggers: "A system receives data about the same subject group from two or more programmes, and at least one of them carries special category or criminal offence data: no single programme's DPIA sees the combination.",
        fix: "Assess the combination in a DPIA that covers the system across programmes (or in each programme's DPIA, naming the others), and record it.",
        triggering: [
            DepartmentExample(
                "The council CRM gets residents' health needs from one programme and contact details from another",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact", "health"])),
                 ("b.yaml", DepartmentExamples.programme("Programme B", data: ["contact"]))])
        ],
        nonTriggering: [
            DepartmentExample(
                "Two programmes send only contact details",
                [("registry.yaml", DepartmentExamples.registry),
                 ("a.yaml", DepartmentExamples.programme("Programme A", data: ["contact"])),
                 ("b.yaml", DepartmentExamples.programme("Programme B", data: ["contact"]))])
        ])

    func check(_ department: Department, into findings: inout DepartmentFindings) {
        for s in department.entities(.systems) {
            // Per subject group: the programmes that send data about it here, and the sensitive categories among them.
            var programmes: [Int: Set<Int>] = [:]
            var sensitive: [Int: Set<String>] = [:]
            for p in department.entities[s].programmes {
                let prog = department.programmes[p]
                for (si, system) in prog.model.systems.enumerated() where department.entity(.systems, system.id, inProgramme: p) == s {
                    for f in prog.graph.inFlows[prog.graph.node(ofSystem: si)] {
                        for d in prog.graph.flowData[f] {
                            let data = prog.model.data[d]
                            for subject in data.subjects {
                                guard let g = department.entity(.subjects, subject.value, inProgramme: p) else { continue }
                                programmes[g, default: []].insert(p)
                                if data.kind != .personal { sensitive[g, default: []].insert(data.name?.value ?? data.id) }
                            }
                        }
                    }
                }
            }
            for g in programmes.keys.sorted() {
                guard let progs = programmes[g], progs.count >= 2, let kinds = sensitive[g], !kinds.isEmpty else { continue }
                let decl = department.representative(s)
                let names = progs.sorted().map { "'\(department.programmes[$0].name)'" }
                findings.add(
                    file: decl.file, at: decl.mark, path: "systems.\(decl.id)",
                    "system '\(decl.id)' combines data about '\(department.entities[g].id)' from \(progs.count) programmes (\(names.joined(separator: ", "))), including \(kinds.sorted().joined(separator: ", ")): no single programme's DPIA sees the combination",
                    trace: progs.sorted().map { department.programmes[$0].file })
            }
        }
    }
}
