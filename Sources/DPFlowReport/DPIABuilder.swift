import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowRules

/// Builds the DPIA from a programme, following the seven steps of the ICO's
/// DPIA template, with an appendix of accepted exceptions and provenance.
public enum DPIABuilder {
    public static func build(_ input: ReportInput) -> ReportDocument {
        let m = input.model
        let name = m.programme.name?.value ?? "Programme"
        var subtitle = "Data protection impact assessment"
        if let v = m.programme.version?.value { subtitle += " · flow file version \(v)" }
        subtitle += " · as of \(input.asOf)"
        return ReportDocument(
            title: name, subtitle: subtitle,
            sections: [
                step1(input), step2(input), step3(input), step4(input), step5(input), step6(input), step7(input),
                appendix(input),
            ])
    }

    typealias Block = ReportDocument.Block
    typealias Table = ReportDocument.Table

    // MARK: helpers

    static func basisText(_ b: LawfulBasis?) -> (a6: String, a9: String, a10: String) {
        guard let b else { return ("none", "", "") }
        var a6 = b.article6Text ?? "none"
        if let p = b.legalPower?.value { a6 += " (\(p))" }
        var a9 = b.article9?.value.rawValue ?? ""
        if let s = b.schedule1, !s.isEmpty { a9 += (a9.isEmpty ? "" : "; ") + "Sch 1: " + s.map(\.value).joined(separator: ", ") }
        return (a6, a9, b.article10?.value.rawValue ?? "")
    }

    static func kind(_ d: DataCategory) -> String {
        switch d.kind {
        case .personal: "personal"
        case .special:
            d.isInferredSpecial
                ? "SPECIAL (inferred from personal data): " + d.specialCategories.map(\.rawValue).joined(separator: ", ")
                : "SPECIAL: " + d.specialCategories.map(\.rawValue).joined(separator: ", ")
        case .criminalOffence: "CRIMINAL OFFENCE"
        }
    }

    static func partyLabel(_ g: FlowGraph, node: Int) -> String {
        g.party(ofNode: node).map { g.model.parties[$0].name?.value ?? g.model.parties[$0].id } ?? "-"
    }

    static func nodeName(_ g: FlowGraph, _ node: Int) -> String {
        if let s = g.systemIndex(ofNode: node) { return g.model.systems[s].name?.value ?? g.model.systems[s].id }
        if g.isSubject(node) { return g.model.subjects[node].name?.value ?? g.model.subjects[node].id }
        return "?"
    }

    static func level(_ l: RiskLevel?) -> String { l?.rawValue ?? "-" }

    // MARK: steps

    static func step1(_ input: ReportInput) -> ReportDocument.Section {
        let s = input.screening
        var blocks: [Block] = [
            .paragraph("Screening against UK GDPR Article 35(3), the ICO's list of processing likely to result in high risk, and the EDPB WP248 criteria, from the flow file."),
            .fact(label: "Conclusion", value: "A DPIA is \(s.conclusion)."),
        ]
        if s.met.isEmpty {
            blocks.append(.paragraph("No screening criterion is met."))
        } else {
            blocks.append(.table(Table(
                caption: "Screening criteria met", headers: ["Criterion", "Source", "Why"],
                rows: s.met.map { [$0.criterion.title, $0.criterion.source.rawValue, $0.reason] })))
        }
        let status = input.model.programme.dpia?.status?.value.rawValue ?? "not recorded"
        blocks.append(.fact(label: "DPIA status in the flow file", value: status))
        return .init(anchor: "step-1", title: "Step 1: The need for a DPIA", blocks: blocks)
    }

    static func step2(_ input: ReportInput) -> ReportDocument.Section {
        let g = input.graph
        let m = input.model
        var blocks: [Block] = [.subheading("Nature, scope and context")]
        blocks.append(m.programme.description.map { .paragraph($0.value) } ?? .gap("The flow file gives no description of the processing."))
        let controllers = m.programme.controllers.map { c in m.party(c.value)?.name?.value ?? c.value }
        blocks.append(.fact(label: "Lead controllers", value: controllers.joined(separator: "; ")))
        if let dpo = m.programme.dpo {
            blocks.append(.fact(label: "Data protection officer", value: [dpo.name?.value, dpo.email?.value].compactMap { $0 }.joined(separator: ", ")))
        }
        blocks.append(.subheading("Purposes"))
        blocks.append(.table(Table(
            caption: "Purposes and their default lawful basis", headers: ["Purpose", "Description", "Article 6", "Article 9 / Schedule 1", "Article 10"],
            rows: m.programme.purposes.map { p in
                let b = basisText(p.lawfulBasis)
                return [p.id, p.description?.value ?? "", b.a6, b.a9, b.a10]
            })))
        blocks.append(.subheading("Data flows"))
        blocks.append(.figure(caption: "Data-flow diagram of \(m.programme.name?.value ?? "the programme")", svg: input.diagramSVG, file: "data-flows.svg", png: input.diagramPNG))
        blocks.append(.subheading("Personal data"))
        blocks.append(.table(Table(
            caption: "Categories of personal data (special category and criminal offence data in capitals)",
            headers: ["Data", "Name", "Kind", "Classification", "About", "Must stay in"],
            rows: m.data.map { d in
                [d.id, d.name?.value ?? "", kind(d), d.effectiveClassification.rawValue, d.subjects.map(\.value).joined(separator: ", "),
                 d.residency?.value.code ?? ""]
            })))
        blocks.append(.subheading("Data subjects"))
        blocks.append(.table(Table(
            caption: "People whose data is processed", headers: ["Subjects", "Name", "Approximate number", "Vulnerable", "Children"],
            rows: m.subjects.map { s in
                [s.id, s.name?.value ?? "", s.count.map { String($0.value) } ?? "not given",
                 s.vulnerable?.value == true ? "yes" : "no", s.children?.value == true ? "yes" : "no"]
            })))
        blocks.append(.subheading("Systems, locations and retention"))
        var rows: [[String]] = []
        for (s, system) in m.systems.enumerated() {
            let retention: String
            if !system.keepsData {
                retention = "keeps nothing"
            } else if system.retention.isEmpty {
                retention = "NO RETENTION DECLARED"
            } else {
                retention = system.retention.map { e in
                    var r = "\(e.dataID): \(e.period.map { "\($0.value)" } ?? "?")"
                    if e.period?.value.isCriteria == true, let c = e.criteria?.value { r = "\(e.dataID): while \(c)" }
                    if let f = e.from?.value { r += " from \(f)" }
                    if let u = e.until?.value { r += " or until \(u)" }
                    if let d = e.disposal?.value { r += ", \(d.rawValue)" }
                    return r
                }.joined(separator: "; ")
            }
            rows.append([system.name?.value ?? system.id, partyLabel(g, node: g.node(ofSystem: s)),
                         g.placesLabel(ofSystem: s), retention])
        }
        blocks.append(.table(Table(caption: "Where data is held and for how long", headers: ["System", "Party", "Location", "Retention"], rows: rows)))
        return .init(anchor: "step-2", title: "Step 2: The processing", blocks: blocks)
    }

    static func step3(_ input: ReportInput) -> ReportDocument.Section {
        let c = input.model.programme.consultation
        let blocks: [Block] = c.isEmpty
            ? [.gap("The flow file records no consultation. Record who was consulted (data subjects or their representatives, processors, security and other experts), when, and what they said.")]
            : [.table(Table(caption: "Consultation", headers: ["With", "On", "Outcome"],
                            rows: c.map { [$0.with?.value ?? "", $0.on.map { "\($0.value)" } ?? "", $0.outcome?.value ?? ""] }))]
        return .init(anchor: "step-3", title: "Step 3: Consultation", blocks: blocks)
    }

    static func step4(_ input: ReportInput) -> ReportDocument.Section {
        let g = input.graph
        let m = input.model
        var blocks: [Block] = [.subheading("Lawful basis of each flow")]
        blocks.append(.table(Table(
            caption: "Lawful basis per flow (the flow's own, over its purpose's default)",
            headers: ["Flow", "From → to", "Data", "Article 6", "Article 9 / Schedule 1", "Article 10"],
            rows: m.flows.enumerated().map { f, flow in
                let b = basisText(m.effectiveLawfulBasis(of: flow))
                let route = g.flowFrom[f] >= 0 && g.flowTo[f] >= 0 ? "\(nodeName(g, g.flowFrom[f])) → \(nodeName(g, g.flowTo[f]))" : "?"
                return [flow.id, route, flow.data.map(\.value).joined(separator: ", "), b.a6, b.a9, b.a10]
            })))
        blocks.append(.subheading("Data minimisation"))
        let unused = input.findings.filter { $0.rule == "RT008" }
        blocks.append(.paragraph(unused.isEmpty
            ? "Every declared data category is carried by a flow or kept by a system."
            : "Declared but unused (remove, or add the flows that use them): " + unused.map(\.path).joined(separator: ", ") + "."))
        let withFields = m.data.filter { !$0.fields.isEmpty }
        if !withFields.isEmpty {
            blocks.append(.list(withFields.map { "\($0.id): \($0.fields.map(\.value).joined(separator: ", "))" }))
        }
        blocks.append(.subheading("Transparency"))
        let collections = m.flows.enumerated().filter { g.isSubject(g.flowFrom[$0.offset]) }
        blocks.append(collections.isEmpty
            ? .paragraph("No flow collects data directly from people.")
            : .table(Table(caption: "Collection from people and the privacy notice they see", headers: ["Flow", "From", "Notice"],
                           rows: collections.map { [$0.element.id, $0.element.from?.value ?? "", $0.element.notice?.value ?? "NONE"] })))
        blocks.append(.subheading("Processors and their contracts"))
        let processors = m.parties.enumerated().filter { $0.element.role?.value.isProcessor == true }
        blocks.append(processors.isEmpty
            ? .paragraph("No processors are used.")
            : .table(Table(caption: "Processors and sub-processors (Article 28)", headers: ["Party", "Role", "Country", "Acts for", "Contract", "Authorised by"],
                           rows: processors.map { p, party in
                               [party.name?.value ?? party.id, party.role?.value.rawValue ?? "", party.country?.value.code ?? "",
                                g.controllersOf[p].map { m.parties[$0].id }.joined(separator: ", "), party.contract?.value ?? "NONE",
                                party.authorisedBy.map(\.value).joined(separator: ", ")]
                           })))
        blocks.append(.subheading("International transfers"))
        let transfers = m.flows.indices.filter { !g.foreignDestinations(ofFlow: $0).isEmpty }
        blocks.append(transfers.isEmpty
            ? .paragraph("No flow leaves the UK.")
            : .table(Table(caption: "Restricted transfers (UK GDPR Chapter V)", headers: ["Flow", "Destination", "Mechanism", "Transfer risk assessment"],
                           rows: transfers.map { f in
                               let flow = m.flows[f]
                               return [flow.id, g.foreignDestinations(ofFlow: f).map { "\($0.name) (\($0.code))" }.joined(separator: ", "),
                                       flow.transfer?.mechanism?.value.rawValue ?? "NONE", flow.transfer?.tra?.value ?? ""]
                           })))
        return .init(anchor: "step-4", title: "Step 4: Necessity and proportionality", blocks: blocks)
    }

    static func step5(_ input: ReportInput) -> ReportDocument.Section {
        let m = input.model
        var blocks: [Block] = [.subheading("Declared risks")]
        blocks.append(m.risks.isEmpty
            ? .gap("The flow file declares no risks. Record the risks to individuals, with likelihood and severity.")
            : .table(Table(caption: "Risks before measures (overall = likelihood x severity)", headers: ["Risk", "Description", "Likelihood", "Severity", "Overall"],
                           rows: m.risks.enumerated().map { i, r in
                               ["\(i + 1). \(r.id)", r.description?.value ?? "", r.likelihood?.value.rawValue ?? "", r.severity?.value.rawValue ?? "", level(r.level)]
                           })))
        blocks.append(.subheading("dpflow's findings"))
        let counted = input.findings.filter { !$0.excepted }
        if counted.isEmpty {
            blocks.append(.paragraph("dpflow found nothing to report against the \(input.rulesRun.count) rules it ran."))
        }
        for area in RuleArea.allCases {
            let inArea = counted.filter { $0.rule.hasPrefix(area.rawValue) }
            guard !inArea.isEmpty else { continue }
            blocks.append(.table(Table(
                caption: "\(area.title.prefix(1).uppercased() + area.title.dropFirst()) (\(inArea.count))", headers: ["Severity", "Rule", "Where", "Finding", "What to do"],
                rows: inArea.map { [$0.severity.rawValue, "\($0.rule) \($0.name)", "\($0.path) (line \($0.line))", $0.message, $0.fix] })))
        }
        return .init(anchor: "step-5", title: "Step 5: Identify and assess risks", blocks: blocks)
    }

    static func step6(_ input: ReportInput) -> ReportDocument.Section {
        let m = input.model
        var blocks: [Block] = []
        if m.risks.isEmpty {
            blocks.append(.gap("No risks are declared, so no measures are recorded."))
        } else {
            var rows: [[String]] = []
            for (n, r) in m.risks.enumerated() {
                let label = "\(n + 1). \(r.id)"
                let residual = r.residual.map { "\($0.likelihood?.value.rawValue ?? "?") / \($0.severity?.value.rawValue ?? "?") = \(level($0.level))" } ?? "not assessed"
                if r.measures.isEmpty {
                    rows.append([label, "NONE", "", "", level(r.level), residual])
                }
                for (i, measure) in r.measures.enumerated() {
                    rows.append([i == 0 ? label : "", measure.description?.value ?? "", measure.effect?.value.rawValue ?? "",
                                 measure.owner?.value ?? "", i == 0 ? level(r.level) : "", i == 0 ? residual : ""])
                }
            }
            blocks.append(.table(Table(caption: "Measures and residual risk", headers: ["Risk", "Measure", "Effect", "Owner", "Before", "Residual"], rows: rows)))
            blocks.append(.figure(
                caption: "Risk matrix: each risk, numbered as in the tables, before (outlined) and after (filled) its measures",
                svg: RiskMatrix.svg(m.risks), file: "risk-matrix.svg", png: nil, table: RiskMatrix.table(m.risks)))
        }
        return .init(anchor: "step-6", title: "Step 6: Measures to reduce risk", blocks: blocks)
    }

    static func step7(_ input: ReportInput) -> ReportDocument.Section {
        let d = input.model.programme.dpia
        var approval = d?.approvedBy?.value ?? ""
        if let on = d?.approvedOn?.value { approval += approval.isEmpty ? "\(on)" : ", \(on)" }
        let rows: [[String]] = [
            ["Measures approved by", approval, "Integrate actions back into the project plan"],
            ["Residual risks approved by", approval, "If accepting any residual high risk, consult the ICO before going ahead"],
            ["DPO advice provided", d?.dpoAdvice?.value ?? "", "DPO should advise on compliance, step 6 measures and whether processing can proceed"],
            ["DPO advice accepted or overruled by", "", "If overruled, you must explain your reasons"],
            ["Consultation responses reviewed by", "", "If your decision departs from individuals' views, you must explain your reasons"],
            ["This DPIA will be kept under review by", [d?.owner?.value, d?.reviewBy.map { "next review \($0.value)" }].compactMap { $0 }.joined(separator: ", "),
             "The DPO should also review ongoing compliance with the DPIA"],
        ]
        var blocks: [Block] = [.table(Table(caption: "Sign-off and outcomes", headers: ["Item", "Name / position / date", "Notes"], rows: rows, signOff: true))]
        if let prior = d?.priorConsultation?.value { blocks.append(.fact(label: "ICO prior consultation", value: prior)) }
        return .init(anchor: "step-7", title: "Step 7: Sign off and record outcomes", blocks: blocks)
    }

    static func appendix(_ input: ReportInput) -> ReportDocument.Section {
        let m = input.model
        var blocks: [Block] = [.subheading("Accepted exceptions")]
        blocks.append(m.exceptions.isEmpty
            ? .paragraph("None.")
            : .table(Table(caption: "Findings accepted by a named person until a date", headers: ["Rule", "At", "Reason", "Approved by", "Expires", "State"],
                           rows: m.exceptions.map { e in
                               let expired = e.expires.map { $0.value < input.asOf } ?? false
                               return [e.rule?.value ?? "", e.at?.value ?? "", e.reason?.value ?? "", e.approvedBy?.value ?? "",
                                       e.expires.map { "\($0.value)" } ?? "", expired ? "EXPIRED" : "in force"]
                           })))
        blocks.append(.subheading("Provenance"))
        blocks.append(.fact(label: "Produced by", value: "dpflow \(input.toolVersion)"))
        blocks.append(.fact(label: "As of", value: "\(input.asOf)"))
        blocks.append(.table(Table(caption: "Inputs", headers: ["File", "SHA-256"], rows: input.inputs.map { [$0.path, $0.sha256] })))
        blocks.append(.fact(label: "Rules that ran (\(input.rulesRun.count))", value: input.rulesRun.joined(separator: ", ")))
        blocks.append(.fact(label: "Rules switched off", value: input.rulesOff.isEmpty ? "none" : input.rulesOff.joined(separator: ", ")))
        return .init(anchor: "appendix", title: "Appendix: exceptions and provenance", blocks: blocks)
    }
}
