import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowRules

/// Builds the DPIA from a programme: an executive summary with the decision,
/// then the seven steps of the ICO's DPIA template, then appendices (every
/// finding; accepted exceptions and provenance). Every code from the file is
/// worded by `PlainEnglish`.
public enum DPIABuilder {
    public static func build(_ input: ReportInput) -> ReportDocument {
        let m = input.model
        let name = m.programme.name?.value ?? "Programme"
        var subtitle = "Data protection impact assessment"
        if let v = m.programme.version?.value { subtitle += " · flow file version \(v)" }
        subtitle += " · as of \(PlainEnglish.date(input.asOf))"
        var doc = ReportDocument(
            title: name, subtitle: subtitle,
            sections: [
                summary(input), step1(input), step2(input), step3(input), step4(input), step5(input), step6(input), step7(input),
                findingsAppendix(input), appendix(input),
            ])
        doc.marking = marking(m).rawValue
        doc.runningHeader = [name, m.programme.version.map { "version \($0.value)" }, doc.marking].compactMap { $0 }.joined(separator: " · ")
        return doc
    }

    typealias Block = ReportDocument.Block
    typealias Table = ReportDocument.Table

    // MARK: helpers

    /// The protective marking: the highest classification of any data or system.
    static func marking(_ m: ProgrammeModel) -> Classification {
        (m.data.map(\.effectiveClassification) + m.systems.map(\.effectiveClassification)).max() ?? .official
    }

    static func basisText(_ b: LawfulBasis?) -> (a6: String, a9: String, a10: String) {
        guard let b else { return ("none stated", "", "") }
        let a6 = PlainEnglish.article6(b)
        var a9 = b.article9.map { PlainEnglish.article9($0.value) } ?? ""
        if let s = b.schedule1, !s.isEmpty {
            a9 += (a9.isEmpty ? "" : ", with ")
                + PlainEnglish.list(s.map { PlainEnglish.schedule1($0.value, paragraph: Schedule1.condition(named: $0.value)?.paragraph) })
        }
        return (a6, a9, b.article10.map { PlainEnglish.article10($0.value) } ?? "")
    }

    static func kind(_ d: DataCategory) -> String {
        switch d.kind {
        case .personal: "personal data"
        case .special:
            (d.isInferredSpecial ? "SPECIAL CATEGORY (inferred from personal data): " : "SPECIAL CATEGORY: ")
                + d.specialCategories.map(PlainEnglish.special).joined(separator: ", ")
        case .criminalOffence: "CRIMINAL OFFENCE data"
        }
    }

    static func partyName(_ m: ProgrammeModel, _ p: Int) -> String { m.parties[p].name?.value ?? m.parties[p].id }

    static func partyLabel(_ g: FlowGraph, node: Int) -> String {
        g.party(ofNode: node).map { partyName(g.model, $0) } ?? "-"
    }

    static func nodeName(_ g: FlowGraph, _ node: Int) -> String {
        if let s = g.systemIndex(ofNode: node) { return g.model.systems[s].name?.value ?? g.model.systems[s].id }
        if g.isSubject(node) { return g.model.subjects[node].name?.value ?? g.model.subjects[node].id }
        return "?"
    }

    static func dataNames(_ m: ProgrammeModel, _ ids: [Int]) -> String { ids.map { m.data[$0].name?.value ?? m.data[$0].id }.joined(separator: "; ") }

    static func level(_ l: RiskLevel?) -> String { l?.rawValue ?? "not scored" }

    static func route(_ g: FlowGraph, _ f: Int) -> String {
        g.flowFrom[f] >= 0 && g.flowTo[f] >= 0 ? "\(nodeName(g, g.flowFrom[f])) → \(nodeName(g, g.flowTo[f]))" : "?"
    }

    /// A rules message in plain English: quoted ids become the names the file
    /// gives them, long numbers get separators, "screening: x is true" says
    /// what the file answered.
    static func plainReason(_ text: String, _ m: ProgrammeModel) -> String {
        var names: [String: String] = [:]
        for s in m.subjects { names[s.id] = s.name?.value }
        for d in m.data { names[d.id] = d.name?.value }
        for p in m.parties { names[p.id] = p.name?.value }
        for s in m.systems { names[s.id] = s.name?.value }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "'") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "'") else { out += rest[open...]; rest = ""; break }
            let id = String(rest[after..<close])
            out += names[id].map { $0 } ?? "'\(id)'"
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        // Numbers of four or more digits get separators.
        var worded = ""
        var digits = ""
        for c in out + " " {
            if c.isASCII && c.isNumber { digits.append(c); continue }
            if !digits.isEmpty { worded += digits.count >= 4 ? Int(digits).map(PlainEnglish.number) ?? digits : digits; digits = "" }
            worded.append(c)
        }
        worded.removeLast()
        if worded.hasPrefix("screening: "), worded.hasSuffix(" is true") {
            let key = worded.dropFirst("screening: ".count).dropLast(" is true".count)
            return "the flow file's screening answers yes to \(PlainEnglish.words(String(key)))"
        }
        return worded
    }

    // MARK: executive summary

    /// What the summary decides, from the risks and the open findings.
    public struct Decision: Sendable, Equatable {
        public enum Outcome: String, Sendable {
            case proceed = "Proceed"
            case proceedWithMeasures = "Proceed with measures"
            case consultICO = "Consult the ICO before processing (UK GDPR Article 36)"
        }
        public let outcome: Outcome
        /// The highest risk left after the measures (a risk with no residual assessment counts at its level before measures).
        public let residual: RiskLevel?
        public let openErrors: Int
        public let openWarnings: Int
        /// Whether the DPIA may be called approved now.
        public let mayBeCalledApproved: Bool
        public let reasons: [String]
    }

    public static func decision(_ input: ReportInput) -> Decision {
        let m = input.model
        let open = input.findings.filter { !$0.excepted }
        let errors = open.filter { $0.severity == .error }.count
        let warnings = open.filter { $0.severity == .warning }.count
        let residuals = m.risks.compactMap { $0.residual?.level ?? $0.level }
        let residual = residuals.max()
        let unassessed = m.risks.filter { $0.residual?.level == nil }
        let unfinished = m.risks.flatMap(\.measures).filter { $0.status?.value != .done }
        var reasons: [String] = []
        let outcome: Decision.Outcome
        if residual == .high {
            let high = m.risks.filter { ($0.residual?.level ?? $0.level) == .high }.map(\.id)
            reasons.append("a high risk remains after the measures (\(PlainEnglish.list(high))): the ICO must be consulted before the processing starts")
            outcome = .consultICO
        } else if errors > 0 || residual == .medium || !unfinished.isEmpty || !unassessed.isEmpty {
            if errors > 0 { reasons.append("\(PlainEnglish.count(errors, "error")) found by dpflow must be put right") }
            if residual == .medium { reasons.append("a medium risk remains after the measures") }
            if !unfinished.isEmpty { reasons.append("\(PlainEnglish.count(unfinished.count, "measure")) of the action plan \(unfinished.count == 1 ? "is" : "are") not recorded as done") }
            if !unassessed.isEmpty { reasons.append("\(PlainEnglish.count(unassessed.count, "risk")) \(unassessed.count == 1 ? "has" : "have") no residual assessment") }
            outcome = .proceedWithMeasures
        } else {
            reasons.append(m.risks.isEmpty ? "no risk is declared and dpflow found no error" : "every measure is done, the residual risk is low and dpflow found no error")
            outcome = .proceed
        }
        return Decision(outcome: outcome, residual: residual, openErrors: errors, openWarnings: warnings,
                        mayBeCalledApproved: errors == 0 && residual != .high, reasons: reasons)
    }

    static func summary(_ input: ReportInput) -> ReportDocument.Section {
        let m = input.model
        let d = decision(input)
        var blocks: [Block] = [.fact(label: "Decision", value: d.outcome.rawValue + ": " + PlainEnglish.list(d.reasons) + ".")]
        blocks.append(.fact(label: "Residual risk", value: d.residual.map {
            "\($0.rawValue) (the highest of \(PlainEnglish.count(m.risks.count, "declared risk")) after the measures)"
        } ?? "not assessed: the flow file declares no risks"))
        let excepted = input.findings.filter(\.excepted).count
        blocks.append(.fact(label: "Open findings", value:
            "\(PlainEnglish.count(d.openErrors, "error")) and \(PlainEnglish.count(d.openWarnings, "warning"))"
            + (excepted > 0 ? "; \(PlainEnglish.number(excepted)) more accepted as exceptions by a named person" : "")
            + " (step 5 summarises them; Appendix A lists each one)"))
        let status = m.programme.dpia?.status?.value
        var approval: String
        if d.mayBeCalledApproved {
            approval = "It may be called approved: no error is open and no high risk remains."
        } else if d.openErrors > 0 {
            approval = "It may not be called approved while \(PlainEnglish.count(d.openErrors, "error")) \(d.openErrors == 1 ? "is" : "are") open."
        } else {
            approval = "It may not be called approved: a high residual risk needs the ICO's view first (Article 36)."
        }
        if let status {
            approval += " The flow file records its status as \(PlainEnglish.status(status))"
            if status == .approved, let by = m.programme.dpia?.approvedBy?.value {
                approval += " by \(by)" + (m.programme.dpia?.approvedOn.map { " on \(PlainEnglish.date($0.value))" } ?? "")
            }
            approval += status == .approved && !d.mayBeCalledApproved ? "; that approval does not cover what is open." : "."
        }
        blocks.append(.fact(label: "Approval", value: approval))
        blocks.append(.fact(label: "Screening", value: "A DPIA is \(input.screening.conclusion)."))
        let people = m.subjects.compactMap { s in s.count.map { "\(PlainEnglish.number($0.value)) \((s.name?.value ?? s.id).lowercasedFirst)" } }
        if !people.isEmpty { blocks.append(.fact(label: "People", value: PlainEnglish.list(people))) }
        let sensitive = m.data.filter { $0.kind != .personal }.map { $0.name?.value ?? $0.id }
        blocks.append(.fact(label: "Sensitive data", value: sensitive.isEmpty ? "none" : sensitive.joined(separator: "; ")))
        let abroad = Set(m.flows.indices.flatMap { input.graph.foreignDestinations(ofFlow: $0) }).sorted()
        blocks.append(.fact(label: "Leaves the UK", value: abroad.isEmpty ? "no" : "yes, to " + PlainEnglish.places(abroad)))
        return .init(anchor: "summary", title: "Executive summary", blocks: blocks)
    }

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
                rows: s.met.map { [$0.criterion.title, $0.criterion.source.rawValue, plainReason($0.reason, input.model)] })))
        }
        let status = input.model.programme.dpia?.status.map { PlainEnglish.status($0.value) } ?? "not recorded"
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
        if let starts = m.programme.starts?.value {
            blocks.append(.fact(label: "Runs", value: "from \(PlainEnglish.date(starts))" + (m.programme.ends.map { " to \(PlainEnglish.date($0.value))" } ?? "")))
        }
        blocks.append(.subheading("Purposes"))
        blocks.append(.table(Table(
            caption: "Purposes and their lawful basis", headers: ["Purpose", "Description", "Article 6", "Article 9 and Schedule 1", "Article 10"],
            rows: m.programme.purposes.map { p in
                let b = basisText(p.lawfulBasis)
                return [PlainEnglish.words(p.id), p.description?.value ?? "", b.a6, b.a9.isEmpty ? "-" : b.a9, b.a10.isEmpty ? "-" : b.a10]
            })))
        blocks.append(.subheading("Data flows"))
        if !input.diagramNote.isEmpty { blocks.append(.paragraph(input.diagramNote)) }
        blocks.append(.figure(caption: "Data-flow diagram of \(m.programme.name?.value ?? "the programme")", svg: input.diagramSVG, file: "data-flows.svg", png: input.diagramPNG))
        for part in input.diagramParts {
            blocks.append(.paragraph(part.note))
            if !part.svg.isEmpty {
                blocks.append(.figure(caption: part.title, svg: part.svg, file: part.file, png: part.png))
            }
        }
        blocks.append(.subheading("Personal data"))
        blocks.append(.table(Table(
            caption: "Categories of personal data (special category and criminal offence data in capitals)",
            headers: ["Data", "Kind", "Classification", "About", "Must stay in"],
            rows: m.data.map { d in
                [d.name?.value ?? d.id, kind(d), d.effectiveClassification.rawValue,
                 PlainEnglish.list(d.subjects.map { id in m.subjects.first { $0.id == id.value }?.name?.value ?? id.value }),
                 d.residency.map { PlainEnglish.country($0.value) } ?? "-"]
            })))
        blocks.append(.subheading("Data subjects"))
        blocks.append(.table(Table(
            caption: "People whose data is processed", headers: ["People", "Approximate number", "Vulnerable", "Children"],
            rows: m.subjects.map { s in
                [s.name?.value ?? s.id, s.count.map { PlainEnglish.number($0.value) } ?? "not given",
                 s.vulnerable?.value == true ? "yes" : "no", s.children?.value == true ? "yes" : "no"]
            })))
        blocks.append(.subheading("How data is shared"))
        blocks.append(.table(Table(
            caption: "Each flow: what goes where, how often, under which agreement, and whether it is encrypted",
            headers: ["Flow", "From → to", "Data", "How often", "Agreement", "Encrypted in transit"],
            rows: m.flows.indices.map { f in
                let flow = m.flows[f]
                let fromSystem = g.systemIndex(ofNode: g.flowFrom[f]), toSystem = g.systemIndex(ofNode: g.flowTo[f])
                let crosses = fromSystem != nil && toSystem != nil && g.systemParty[fromSystem ?? 0] != g.systemParty[toSystem ?? 0]
                let agreement = flow.agreement?.value ?? (crosses ? "NONE RECORDED" : "not needed (within one organisation or from the person)")
                return [PlainEnglish.words(flow.id), route(g, f), dataNames(m, g.flowData[f]),
                        flow.frequency.map { PlainEnglish.frequency($0.value) } ?? "not stated", agreement,
                        flow.encrypted.map { $0.value ? "yes" : "NO" } ?? "NOT STATED"]
            })))
        blocks.append(.subheading("Systems, locations and retention"))
        var rows: [[String]] = []
        for (s, system) in m.systems.enumerated() {
            let retention: String
            if !system.keepsData {
                retention = "keeps nothing"
            } else if system.retention.isEmpty {
                retention = g.systemExternal[s] ? "the recipient's own (outside this record)" : "NO RETENTION DECLARED"
            } else {
                retention = system.retention.map { e in
                    "\(m.data.first { $0.id == e.dataID }?.name?.value ?? e.dataID): \(PlainEnglish.retention(e))"
                }.joined(separator: "\n")
            }
            rows.append([system.name?.value ?? system.id, partyLabel(g, node: g.node(ofSystem: s)),
                         PlainEnglish.places(g.systemPlaces[s]), retention])
        }
        blocks.append(.table(Table(caption: "Where data is held and for how long", headers: ["System", "Organisation", "Location", "Retention"], rows: rows)))
        return .init(anchor: "step-2", title: "Step 2: The processing", blocks: blocks)
    }

    static func step3(_ input: ReportInput) -> ReportDocument.Section {
        let c = input.model.programme.consultation
        let blocks: [Block] = c.isEmpty
            ? [.gap("The flow file records no consultation. Record who was consulted (data subjects or their representatives, processors, security and other experts), when, and what they said.")]
            : [.table(Table(caption: "Consultation", headers: ["With", "On", "Outcome"],
                            rows: c.map { [$0.with?.value ?? "", $0.on.map { PlainEnglish.date($0.value) } ?? "", $0.outcome?.value ?? ""] }))]
        return .init(anchor: "step-3", title: "Step 3: Consultation", blocks: blocks)
    }

    static func step4(_ input: ReportInput) -> ReportDocument.Section {
        let g = input.graph
        let m = input.model
        var blocks: [Block] = [.subheading("Lawful basis of each flow")]
        blocks.append(.table(Table(
            caption: "Lawful basis per flow (the flow's own, over its purpose's)",
            headers: ["Flow", "From → to", "Data", "Article 6", "Article 9 and Schedule 1", "Article 10"],
            rows: m.flows.enumerated().map { f, flow in
                let b = basisText(m.effectiveLawfulBasis(of: flow))
                let kinds = Set(g.flowData[f].map { m.data[$0].kind })
                return [PlainEnglish.words(flow.id), route(g, f), dataNames(m, g.flowData[f]), b.a6,
                        kinds.contains(.special) ? (b.a9.isEmpty ? "NONE STATED" : b.a9) : "-",
                        kinds.contains(.criminalOffence) ? (b.a10.isEmpty ? "NONE STATED" : b.a10) : "-"]
            })))
        blocks.append(.subheading("Data minimisation"))
        let unused = input.findings.filter { $0.rule == "RT008" }
        blocks.append(.paragraph(unused.isEmpty
            ? "Every declared data category is carried by a flow or kept by a system."
            : "Declared but unused (remove, or add the flows that use them): " + unused.map(\.path).joined(separator: ", ") + "."))
        let withFields = m.data.filter { !$0.fields.isEmpty }
        if !withFields.isEmpty {
            blocks.append(.table(Table(caption: "The data items each category holds", headers: ["Data", "Items"],
                                       rows: withFields.map { [$0.name?.value ?? $0.id, PlainEnglish.list($0.fields.map { PlainEnglish.words($0.value) })] })))
        }
        blocks.append(.subheading("Transparency"))
        let collections = m.flows.enumerated().filter { g.isSubject(g.flowFrom[$0.offset]) }
        blocks.append(collections.isEmpty
            ? .paragraph("No flow collects data directly from people.")
            : .table(Table(caption: "Collection from people and the privacy notice they see", headers: ["Flow", "From", "Notice"],
                           rows: collections.map { [PlainEnglish.words($0.element.id), nodeName(g, g.flowFrom[$0.offset]), $0.element.notice?.value ?? "NONE"] })))
        blocks.append(.subheading("Individuals' rights"))
        blocks.append(contentsOf: rights(input))
        blocks.append(.subheading("Data quality"))
        blocks.append(.gap("The flow file does not say how the data is kept accurate and up to date (Article 5(1)(d)): record how each source is checked, how people correct their data, and how corrections reach every system that holds a copy."))
        blocks.append(.subheading("Alternatives considered"))
        blocks.append(.gap("The flow file does not record the alternatives considered (less data, fewer recipients, anonymised or pseudonymised data, not sharing at all) or why they were rejected. Record them: the ICO asks whether there is another way to achieve the same outcome."))
        blocks.append(.subheading("Processors and their contracts"))
        let processors = m.parties.enumerated().filter { $0.element.role?.value.isProcessor == true }
        let processorSystems = m.systems.indices.filter { m.systems[$0].role?.value.isProcessor == true }
        blocks.append(processors.isEmpty && processorSystems.isEmpty
            ? .paragraph("No processors are used.")
            : .table(Table(caption: "Processors and sub-processors (Article 28)", headers: ["Processor", "Role", "Country", "Acts for", "Contract", "Authorised by"],
                           rows: processors.map { p, party in
                               [party.name?.value ?? party.id, party.role.map { PlainEnglish.role($0.value) } ?? "",
                                party.country.map { PlainEnglish.country($0.value) } ?? "",
                                PlainEnglish.list(g.controllersOf[p].map { partyName(m, $0) }), party.contract?.value ?? "NONE",
                                PlainEnglish.list(party.authorisedBy.map { a in m.party(a.value)?.name?.value ?? a.value })]
                           } + processorSystems.map { s in
                               let sys = m.systems[s]
                               return ["\(sys.name?.value ?? sys.id) (a service of \(partyLabel(g, node: g.node(ofSystem: s))))",
                                       sys.role.map { PlainEnglish.role($0.value) } ?? "", PlainEnglish.places(g.systemPlaces[s]),
                                       PlainEnglish.list(g.systemControllers[s].map { partyName(m, $0) }),
                                       g.contract(ofSystem: s)?.value ?? "NONE",
                                       PlainEnglish.list(g.authorisedBy(ofSystem: s).map { a in m.party(a.value)?.name?.value ?? a.value })]
                           })))
        blocks.append(.subheading("International transfers"))
        let transfers = m.flows.indices.filter { !g.foreignDestinations(ofFlow: $0).isEmpty }
        blocks.append(transfers.isEmpty
            ? .paragraph("No flow leaves the UK.")
            : .table(Table(caption: "Restricted transfers (UK GDPR Chapter V)", headers: ["Flow", "Destination", "Safeguard", "Transfer risk assessment"],
                           rows: transfers.map { f in
                               let flow = m.flows[f]
                               return [PlainEnglish.words(flow.id), PlainEnglish.places(g.foreignDestinations(ofFlow: f)),
                                       flow.transfer?.mechanism.map { PlainEnglish.mechanism($0.value) } ?? "NONE",
                                       flow.transfer?.tra?.value ?? (flow.transfer?.mechanism?.value == .adequacy ? "not needed (adequacy)" : "NONE")]
                           })))
        blocks.append(.subheading("Security measures"))
        blocks.append(.table(Table(
            caption: "Security measures of each system (the ICO template asks for them in steps 2 and 6)", headers: ["System", "Organisation", "Classification", "Measures"],
            rows: m.systems.enumerated().map { s, sys in
                [sys.name?.value ?? sys.id, partyLabel(g, node: g.node(ofSystem: s)), sys.effectiveClassification.rawValue,
                 sys.security.isEmpty ? (g.systemExternal[s] ? "the recipient's own" : "NONE RECORDED") : sys.security.map(\.value).joined(separator: "; ")]
            })))
        let unencrypted = m.flows.filter { $0.encrypted?.value != true }
        blocks.append(unencrypted.isEmpty
            ? .paragraph("Every flow is encrypted in transit.")
            : .gap("Not recorded as encrypted in transit: " + unencrypted.map { PlainEnglish.words($0.id) }.joined(separator: ", ") + "."))
        return .init(anchor: "step-4", title: "Step 4: Necessity and proportionality", blocks: blocks)
    }

    /// How each right is served, from what the file says; a marked gap where it says nothing.
    static func rights(_ input: ReportInput) -> [Block] {
        let g = input.graph
        let m = input.model
        let bases = m.flows.compactMap { m.effectiveLawfulBasis(of: $0) }
        func relies(_ b: Article6Basis) -> Bool { bases.contains { $0.relies(on: b) } }
        let collections = m.flows.indices.filter { g.isSubject(g.flowFrom[$0]) }
        let noticed = collections.filter { m.flows[$0].notice != nil }
        let gap = "GAP: the flow file does not say how requests are received, checked and answered within a month"
        var rows: [[String]] = []
        rows.append(["To be informed (Articles 13 and 14)",
                     collections.isEmpty ? "No data is collected from people directly; Article 14 notice needed for data from other sources"
                         : noticed.count == collections.count ? "A privacy notice is given at every one of the \(PlainEnglish.count(collections.count, "collection point"))"
                         : "GAP: \(PlainEnglish.number(collections.count - noticed.count)) of \(PlainEnglish.count(collections.count, "collection point")) give no privacy notice"])
        rows.append(["Access (Article 15)", gap])
        rows.append(["Rectification (Article 16)", gap])
        rows.append(["Erasure (Article 17)",
                     relies(.publicTask) || relies(.legalObligation)
                         ? "Limited where processing is needed for a public task or legal obligation (Article 17(3)(b)); " + gap.lowercasedFirst
                         : gap])
        rows.append(["Restriction (Article 18)", gap])
        rows.append(["Data portability (Article 20)",
                     relies(.consent) || relies(.contract) ? "Applies to processing on consent or contract; " + gap.lowercasedFirst
                         : "Does not apply: no processing relies on consent or contract"])
        rows.append(["To object (Article 21)",
                     relies(.publicTask) || relies(.legitimateInterests) ? "Applies to processing on public task or legitimate interests; " + gap.lowercasedFirst
                         : "Does not apply to the bases relied on"])
        let automated = m.programme.purposes.compactMap { p in p.automatedDecision.map { (PlainEnglish.words(p.id), $0) } }
            + m.flows.compactMap { f in f.automatedDecision.map { (PlainEnglish.words(f.id), $0) } }
        rows.append(["Automated decision-making (Articles 22A to 22D)",
                     automated.isEmpty ? "No solely automated significant decision is declared"
                         : automated.map { name, a in
                             "\(name): \(a.decision?.value ?? "decision") with safeguards: "
                                 + (a.safeguards.isEmpty ? "NONE" : PlainEnglish.list(a.safeguards.map { PlainEnglish.words($0.value.rawValue) }))
                         }.joined(separator: "; ")])
        return [.table(Table(caption: "How each right is served", headers: ["Right", "How it is served"], rows: rows))]
    }

    static func step5(_ input: ReportInput) -> ReportDocument.Section {
        let m = input.model
        var blocks: [Block] = [.subheading("Declared risks")]
        blocks.append(m.risks.isEmpty
            ? .gap("The flow file declares no risks. Record the risks to individuals, with likelihood and severity.")
            : .table(Table(caption: "Risks before measures (overall = likelihood x severity)", headers: ["Risk", "Description", "Likelihood", "Severity", "Overall"],
                           rows: m.risks.enumerated().map { i, r in
                               ["\(i + 1). \(PlainEnglish.words(r.id))", r.description?.value ?? "", r.likelihood?.value.rawValue ?? "", r.severity?.value.rawValue ?? "", level(r.level)]
                           })))
        blocks.append(.subheading("dpflow's findings by area"))
        let counted = input.findings.filter { !$0.excepted }
        if counted.isEmpty {
            blocks.append(.paragraph("dpflow found nothing to report against the \(PlainEnglish.count(input.rulesRun.count, "rule")) it ran."))
            return .init(anchor: "step-5", title: "Step 5: Identify and assess risks", blocks: blocks)
        }
        blocks.append(.paragraph("dpflow checked the flow file against \(PlainEnglish.count(input.rulesRun.count, "rule")). What it found, by area; Appendix A lists every finding with where it is and what to do."))
        var rows: [[String]] = []
        for area in RuleArea.allCases {
            let inArea = counted.filter { $0.rule.hasPrefix(area.rawValue) }
            guard !inArea.isEmpty else { continue }
            var byRule: [(String, Int)] = []
            for f in inArea {
                let key = "\(f.rule) \(PlainEnglish.words(f.name))"
                if let i = byRule.firstIndex(where: { $0.0 == key }) { byRule[i].1 += 1 } else { byRule.append((key, 1)) }
            }
            rows.append([area.title.prefix(1).uppercased() + area.title.dropFirst(),
                         PlainEnglish.number(inArea.filter { $0.severity == .error }.count),
                         PlainEnglish.number(inArea.filter { $0.severity == .warning }.count),
                         PlainEnglish.number(inArea.filter { $0.severity == .info }.count),
                         byRule.map { $0.1 > 1 ? "\($0.0) (\($0.1))" : $0.0 }.joined(separator: "; ")])
        }
        blocks.append(.table(Table(caption: "Findings by area", headers: ["Area", "Errors", "Warnings", "Notes", "What they are about"], rows: rows)))
        return .init(anchor: "step-5", title: "Step 5: Identify and assess risks", blocks: blocks)
    }

    static func step6(_ input: ReportInput) -> ReportDocument.Section {
        let m = input.model
        var blocks: [Block] = []
        if m.risks.isEmpty {
            blocks.append(.gap("No risks are declared, so no measures are recorded."))
        } else {
            blocks.append(.paragraph("The action plan: each measure with its owner, when it is due and how far it has got. \"Not set\" marks what the flow file does not record."))
            var rows: [[String]] = []
            for (n, r) in m.risks.enumerated() {
                let label = "\(n + 1). \(PlainEnglish.words(r.id))"
                let residual = r.residual.map { "\(level($0.level)) (\($0.likelihood?.value.rawValue ?? "?") x \($0.severity?.value.rawValue ?? "?"))" } ?? "not assessed"
                if r.measures.isEmpty {
                    rows.append([label, "NO MEASURE", "", "", "", "", level(r.level), residual])
                }
                for (i, measure) in r.measures.enumerated() {
                    rows.append([i == 0 ? label : "", measure.description?.value ?? "", measure.effect?.value.rawValue ?? "not set",
                                 measure.owner?.value ?? "not set", measure.due.map { PlainEnglish.date($0.value) } ?? "not set",
                                 measure.status.map { PlainEnglish.measureStatus($0.value) } ?? "not set",
                                 i == 0 ? level(r.level) : "", i == 0 ? residual : ""])
                }
            }
            blocks.append(.table(Table(caption: "Action plan: measures, owners, due dates, status and residual risk",
                                       headers: ["Risk", "Measure", "Effect", "Owner", "Due", "Status", "Before", "After"], rows: rows)))
            blocks.append(.figure(
                caption: "Risk matrix: each risk, numbered as in the tables, before (outlined) and after (filled) its measures",
                svg: RiskMatrix.svg(m.risks), file: "risk-matrix.svg", png: nil, table: RiskMatrix.table(m.risks)))
        }
        return .init(anchor: "step-6", title: "Step 6: Measures to reduce risk", blocks: blocks)
    }

    static func findingsAppendix(_ input: ReportInput) -> ReportDocument.Section {
        let counted = input.findings.filter { !$0.excepted }
        var blocks: [Block] = []
        if counted.isEmpty { blocks.append(.paragraph("None.")) }
        for area in RuleArea.allCases {
            let inArea = counted.filter { $0.rule.hasPrefix(area.rawValue) }
            guard !inArea.isEmpty else { continue }
            blocks.append(.table(Table(
                caption: "\(area.title.prefix(1).uppercased() + area.title.dropFirst()) (\(PlainEnglish.number(inArea.count)))",
                headers: ["Severity", "Rule", "Where", "Finding", "What to do"],
                rows: inArea.map { [$0.severity.rawValue, "\($0.rule) \(PlainEnglish.words($0.name))", "\($0.path) (line \($0.line))", $0.message, $0.fix] })))
        }
        return .init(anchor: "appendix-a", title: "Appendix A: every finding", blocks: blocks)
    }

    static func step7(_ input: ReportInput) -> ReportDocument.Section {
        let d = input.model.programme.dpia
        var approval = d?.approvedBy?.value ?? ""
        if let on = d?.approvedOn?.value { approval += (approval.isEmpty ? "" : ", ") + PlainEnglish.date(on) }
        let rows: [[String]] = [
            ["Measures approved by", approval, "Integrate actions back into the project plan"],
            ["Residual risks approved by", approval, "If accepting any residual high risk, consult the ICO before going ahead"],
            ["DPO advice provided", d?.dpoAdvice?.value ?? "", "DPO should advise on compliance, step 6 measures and whether processing can proceed"],
            ["DPO advice accepted or overruled by", "", "If overruled, you must explain your reasons"],
            ["Consultation responses reviewed by", "", "If your decision departs from individuals' views, you must explain your reasons"],
            ["This DPIA will be kept under review by", [d?.owner?.value, d?.reviewBy.map { "next review by \(PlainEnglish.date($0.value))" }].compactMap { $0 }.joined(separator: ", "),
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
                                       e.expires.map { PlainEnglish.date($0.value) } ?? "", expired ? "EXPIRED" : "in force"]
                           })))
        blocks.append(.subheading("Provenance"))
        blocks.append(.fact(label: "Produced by", value: "dpflow \(input.toolVersion)"))
        blocks.append(.fact(label: "As of", value: PlainEnglish.date(input.asOf)))
        blocks.append(.table(Table(caption: "Inputs", headers: ["File", "SHA-256"], rows: input.inputs.map { [$0.path, $0.sha256] })))
        blocks.append(.fact(label: "Rules that ran (\(input.rulesRun.count))", value: input.rulesRun.joined(separator: ", ")))
        blocks.append(.fact(label: "Rules switched off", value: input.rulesOff.isEmpty ? "none" : input.rulesOff.joined(separator: ", ")))
        return .init(anchor: "appendix-b", title: "Appendix B: exceptions and provenance", blocks: blocks)
    }
}

extension String {
    /// "Guests arriving" -> "guests arriving", for a name inside a sentence.
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }
}
