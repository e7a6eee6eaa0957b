import DPFlowDiagnostics
import DPFlowYAML

/// What decoding a file gives: the model (absent when the file is not a
/// programme at all, or names a format version this build does not read)
/// and every ST002, ST004 and ST005 finding.
public struct DecodeResult: Sendable {
    public var model: ProgrammeModel?
    public var findings: [Finding]
}

/// Decodes a loaded YAML document into a `ProgrammeModel` (FORMAT.md, version 1).
public enum ProgrammeDecoder {
    /// Decodes a whole tree.
    public static func decode(_ root: YAMLNode?, file: String) -> DecodeResult {
        var stream = ProgrammeStreamDecoder(file: file)
        if let pairs = root?.pairs {
            for pair in pairs { stream.accept(pair) }
        }
        return stream.finish(root: root)
    }
}

/// Decodes a programme one top-level section at a time, as the loader hands
/// each over (`YAMLLoader.load(path:file:limits:handOff:)`): a section's tree
/// is freed as soon as it is decoded, so peak memory holds one section's tree
/// and the model, not the whole tree and the model.
public struct ProgrammeStreamDecoder {
    private var decoder: Decoder
    private var seen: [String: SourceMark] = [:]
    private var version: Located<String>?
    private var unsupported: Finding?
    private var programme: ProgrammeInfo?
    private var subjects: [Subject] = []
    private var data: [DataCategory] = []
    private var parties: [Party] = []
    private var systems: [System] = []
    private var flows: [Flow] = []
    private var risks: [Risk] = []
    private var exceptions: [FindingException] = []
    private var includes: [Located<String>] = []
    private var registry: RegistryInfo?

    public init(file: String) {
        decoder = Decoder(reader: SchemaReader(file: file))
    }

    /// Takes one top-level key and its value.
    public mutating func accept(_ pair: YAMLPair) {
        guard let key = pair.keyText else {
            decoder.reader.schemaError(
                at: pair.key.mark, path: "", "a key in the top level must be text, not \(pair.key.kindName)",
                fix: "use one of: \(FormatKeys.topLevel.joined(separator: ", "))")
            return
        }
        if let first = seen[key] {
            decoder.reader.sink.report(
                StructureRule.duplicateKey, at: pair.key.mark, path: key,
                "duplicate key '\(key)': it was already given at line \(first.line), column \(first.column)",
                fix: "remove or rename one of them; ids must be unique")
            return
        }
        seen[key] = pair.key.mark
        switch key {
        case "dpflow":
            guard !pair.value.isNull else { return }
            version = decoder.reader.scalarText(pair.value, key: pair.key.mark, path: "dpflow", name: "dpflow")
            if let text = version?.value, !DPFlowTool.formatVersions.contains(text) {
                var sink = FindingSink(file: decoder.reader.sink.file)
                sink.report(
                    StructureRule.unsupportedVersion, at: pair.value.mark, path: "dpflow",
                    "the format version given is not one this build of dpflow reads (it reads \(DPFlowTool.formatVersions.joined(separator: ", ")))",
                    fix: "write 'dpflow: 1', or upgrade dpflow")
                unsupported = sink.findings.first
            }
        case "include":
            includes = decoder.reader.textList(pair, name: "include") ?? []
        case "registry":
            registry = decoder.decodeRegistry(pair)
        case "programme":
            if pair.value.isNull {
                decoder.reader.schemaError(
                    at: pair.key.mark, path: "programme",
                    "'programme' has no value: it needs \(FormatKeys.programmeRequired.map { "'\($0)'" }.joined(separator: ", "))",
                    fix: "write the programme's name, description, lead controllers and purposes under 'programme'")
                programme = ProgrammeInfo(mark: pair.key.mark)
            } else {
                programme = decoder.decodeProgramme(pair.value, keyMark: pair.key.mark)
            }
        // A section the loader streamed arrives here empty, its entries
        // already decoded (`acceptEntry`); one it did not arrives whole.
        case "subjects": subjects += decoder.section(pair, what: "subjects") { d, id, key, node in d.decodeSubject(id, key, node) }
        case "data": data += decoder.section(pair, what: "data categories") { d, id, key, node in d.decodeData(id, key, node) }
        case "parties": parties += decoder.section(pair, what: "parties") { d, id, key, node in d.decodeParty(id, key, node) }
        case "systems": systems += decoder.section(pair, what: "systems") { d, id, key, node in d.decodeSystem(id, key, node) }
        case "flows": flows += decoder.section(pair, what: "flows") { d, id, key, node in d.decodeFlow(id, key, node) }
        case "risks": risks += decoder.section(pair, what: "risks") { d, id, key, node in d.decodeRisk(id, key, node) }
        case "exceptions":
            exceptions = decoder.reader.mappingList(pair, name: "exceptions").compactMap { decoder.decodeException($0.index, $0.node) }
        default:
            let hint = decoder.reader.suggestion(for: key, in: FormatKeys.topLevel).map { "; did you mean '\($0)'?" } ?? ""
            decoder.reader.schemaError(
                at: pair.key.mark, path: key, "unknown key '\(key)' in the top level\(hint)",
                fix: "use one of: \(FormatKeys.topLevel.joined(separator: ", "))")
        }
    }

    /// The id-keyed sections the loader may stream one entry at a time
    /// (`DocumentHandOff.sections`): each entry is decoded and its tree freed
    /// while the next is read.
    public static let streamedSections: Set<String> = ["subjects", "data", "parties", "systems", "flows", "risks"]

    /// Takes one entry of a streamed section, as soon as the loader has read it.
    public mutating func acceptEntry(of section: String, _ pair: YAMLPair) {
        guard let e = decoder.reader.entry(pair, path: section) else { return }
        switch section {
        case "subjects": if let v = decoder.decodeSubject(e.id, e.key, e.value) { subjects.append(v) }
        case "data": if let v = decoder.decodeData(e.id, e.key, e.value) { data.append(v) }
        case "parties": if let v = decoder.decodeParty(e.id, e.key, e.value) { parties.append(v) }
        case "systems": if let v = decoder.decodeSystem(e.id, e.key, e.value) { systems.append(v) }
        case "flows": if let v = decoder.decodeFlow(e.id, e.key, e.value) { flows.append(v) }
        case "risks": if let v = decoder.decodeRisk(e.id, e.key, e.value) { risks.append(v) }
        default: break
        }
    }

    /// Ends the document. `root` is what the loader built: a mapping whose
    /// pairs were handed over (or not), something else, or nothing.
    public mutating func finish(root: YAMLNode?) -> DecodeResult {
        if let unsupported {
            return DecodeResult(model: nil, findings: [unsupported])
        }
        guard let root else {
            decoder.reader.schemaError(
                at: .start, path: "", "the file is empty: a flow file declares one programme",
                fix: "start from 'dpflow init', or add 'dpflow: 1' and the sections of FORMAT.md")
            return DecodeResult(model: nil, findings: decoder.reader.sink.findings)
        }
        guard root.pairs != nil else {
            _ = decoder.reader.fields(root, path: "", what: "the top level", allowed: FormatKeys.topLevel)
            return DecodeResult(model: nil, findings: decoder.reader.sink.findings)
        }
        if version == nil {
            decoder.reader.sink.report(
                StructureRule.unsupportedVersion, at: seen["dpflow"] ?? root.mark, path: "dpflow",
                "the file does not say which format version it uses",
                fix: "add 'dpflow: 1' as the first line")
        }
        if registry != nil {
            // (1.1) A registry holds only shared entities.
            for key in FormatKeys.topLevel where !FormatKeys.registryTopLevel.contains(key) {
                guard let mark = seen[key] else { continue }
                decoder.reader.schemaError(
                    at: mark, path: key, "a registry file holds no '\(key)': it declares only what programmes share",
                    fix: "move '\(key)' into a programme file that includes this registry, or remove 'registry' if this is a programme")
            }
        } else {
            let required = includes.isEmpty ? FormatKeys.topLevelRequired : FormatKeys.programmeWithIncludesRequired
            for key in required where seen[key] == nil {
                decoder.reader.schemaError(
                    at: root.mark, path: "", "the top level is missing the required key '\(key)'", fix: "add '\(key)'")
            }
        }
        var model = ProgrammeModel(file: decoder.reader.sink.file, programme: programme ?? ProgrammeInfo(mark: root.mark))
        model.version = version
        model.subjects = subjects
        model.data = data
        model.parties = parties
        model.systems = systems
        model.flows = flows
        model.risks = risks
        model.exceptions = exceptions
        model.includes = includes
        model.registry = registry
        model.reindex()
        // With includes, references are resolved once the included entities
        // are merged in (`ModelAssembler`).
        guard includes.isEmpty else { return DecodeResult(model: model, findings: decoder.reader.sink.findings) }
        var resolver = ReferenceResolver(model: model, reader: decoder.reader)
        resolver.resolve()
        return DecodeResult(model: model, findings: resolver.reader.sink.findings)
    }
}

/// The section and key names of the format, in one place: the decoder reads by
/// them and the JSON Schema is generated from them.
public enum FormatKeys {
    public static let topLevel = ["dpflow", "include", "registry", "programme", "subjects", "data", "parties", "systems", "flows", "risks", "exceptions"]
    /// Required in a programme file; `subjects`, `data`, `parties` and `systems`
    /// too unless the programme includes registries (1.1).
    public static let topLevelRequired = ["programme", "subjects", "data", "parties", "systems", "flows"]
    public static let programmeWithIncludesRequired = ["programme", "flows"]
    /// (1.1) What a registry file may hold.
    public static let registryTopLevel = ["dpflow", "registry", "include", "subjects", "data", "parties", "systems"]
    public static let registry = ["name", "owner"]
    public static let registryRequired = ["name"]
    public static let programme = ["name", "version", "description", "controllers", "external", "dpo", "starts", "ends", "purposes", "screening", "dpia", "appropriate-policy-document", "consultation"]
    public static let programmeRequired = ["name", "description", "controllers", "purposes"]
    public static let dpo = ["name", "email"]
    public static let purpose = ["description", "lawful-basis", "automated-decision"]
    public static let automatedDecision = ["decision", "special-category", "safeguards"]
    public static let automatedDecisionRequired = ["decision"]
    public static let lawfulBasis = ["article-6", "legal-power", "article-9", "schedule-1", "article-10"]
    public static let screening = Screening.Key.allCases.map(\.rawValue)
    public static let dpia = ["status", "owner", "approved-by", "approved-on", "review-by", "dpo-advice", "prior-consultation"]
    public static let consultation = ["with", "on", "outcome"]
    public static let subject = ["name", "count", "vulnerable", "children"]
    public static let data = ["name", "subjects", "category", "special", "reveals", "classification", "residency", "fields"]
    public static let dataRequired = ["name", "subjects", "category"]
    public static let party = ["name", "type", "role", "country", "processor-for", "contract", "dpf-certified", "sub-processor-of", "authorised-by", "group", "scope", "contact", "dpo"]
    public static let partyRequired = ["name", "type", "role", "country"]
    public static let system = ["name", "party", "location", "classification", "stores", "security", "creates", "retention", "role", "processor-for", "sub-processor-of", "authorised-by", "contract"]
    public static let systemRequired = ["name", "party", "location"]
    public static let retention = ["period", "from", "until", "criteria", "review-every", "basis", "disposal"]
    public static let flow = ["from", "to", "data", "purpose", "lawful-basis", "transfer", "agreement", "notice", "encrypted", "frequency", "automated-decision"]
    public static let flowRequired = ["from", "to", "data", "purpose"]
    public static let transfer = ["mechanism", "tra"]
    public static let risk = ["description", "affects", "likelihood", "severity", "measures", "residual"]
    public static let riskRequired = ["description", "likelihood", "severity"]
    public static let measure = ["description", "effect", "owner", "due", "status"]
    public static let residual = ["likelihood", "severity"]
    public static let exception = ["rule", "at", "reason", "approved-by", "expires"]
    public static let exceptionRequired = ["rule", "at"]
}

struct Decoder {
    var reader: SchemaReader

    /// Decodes an id-keyed section (`flows`, `systems`, ...).
    mutating func section<T>(
        _ pair: YAMLPair, what: String, _ decode: (inout Decoder, String, SourceMark, YAMLNode) -> T?
    ) -> [T] {
        let key = pair.keyText ?? ""
        let entries = reader.entries(pair.value, path: key, what: what)
        var out: [T] = []
        out.reserveCapacity(entries.count)
        for e in entries {
            if let item = decode(&self, e.id, e.key, e.value) { out.append(item) }
        }
        return out
    }

    // MARK: registry (1.1)

    mutating func decodeRegistry(_ pair: YAMLPair) -> RegistryInfo {
        var r = RegistryInfo(mark: pair.key.mark)
        guard !pair.value.isNull,
            let f = reader.fields(pair.value, path: "registry", what: "the registry", allowed: FormatKeys.registry,
                                  required: FormatKeys.registryRequired, ownerMark: pair.key.mark)
        else {
            reader.schemaError(
                at: pair.key.mark, path: "registry", "'registry' has no value: a registry names itself",
                fix: "write 'registry: {name: ..., owner: ...}'")
            return r
        }
        r.name = reader.text(f, "name")
        r.owner = reader.text(f, "owner")
        return r
    }

    // MARK: programme

    mutating func decodeAutomatedDecision(_ owner: Fields, path ownerPath: String) -> AutomatedDecision? {
        guard let a = owner["automated-decision"], !a.value.isNull else { return nil }
        let path = "\(ownerPath).automated-decision"
        guard let f = reader.fields(a.value, path: path, what: "the automated decision", allowed: FormatKeys.automatedDecision,
                                    required: FormatKeys.automatedDecisionRequired, ownerMark: a.key.mark)
        else { return nil }
        var d = AutomatedDecision(mark: a.key.mark)
        d.decision = reader.text(f, "decision")
        d.specialCategory = reader.bool(f, "special-category")
        d.safeguards = reader.enumList(f, "safeguards") ?? []
        return d
    }

    mutating func decodeProgramme(_ node: YAMLNode, keyMark: SourceMark) -> ProgrammeInfo {
        var p = ProgrammeInfo(mark: keyMark)
        guard let f = reader.fields(node, path: "programme", what: "the programme", allowed: FormatKeys.programme,
                                    required: FormatKeys.programmeRequired, ownerMark: keyMark)
        else { return p }
        p.name = reader.text(f, "name")
        p.version = reader.text(f, "version")
        p.description = reader.text(f, "description")
        p.controllers = reader.textList(f, "controllers") ?? []
        p.external = reader.textList(f, "external") ?? []
        p.starts = reader.date(f, "starts")
        p.ends = reader.date(f, "ends")
        if let s = p.starts, let e = p.ends, e.value < s.value {
            reader.schemaError(
                at: e.mark, path: "programme.ends", "the programme ends (\(e.value)) before it starts (\(s.value))",
                fix: "correct 'starts' or 'ends'")
        }
        p.appropriatePolicyDocument = reader.text(f, "appropriate-policy-document")
        if let d = f["dpo"], !d.value.isNull,
            let df = reader.fields(d.value, path: "programme.dpo", what: "the DPO contact", allowed: FormatKeys.dpo)
        {
            p.dpo = DPOContact(mark: d.key.mark, name: reader.text(df, "name"), email: reader.text(df, "email"))
        }
        if let purposes = f["purposes"] {
            let entries = reader.entries(purposes.value, path: "programme.purposes", what: "purposes")
            if entries.isEmpty && !purposes.value.isNull && purposes.value.pairs?.isEmpty == true {
                reader.schemaError(
                    at: purposes.key.mark, path: "programme.purposes", "the programme declares no purposes",
                    fix: "declare at least one purpose, with its lawful basis")
            }
            for e in entries {
                func path() -> String { "programme.purposes.\(e.id)" }
                guard let pf = reader.fields(e.value, path: path(), what: "purpose '\(e.id)'", allowed: FormatKeys.purpose, ownerMark: e.key)
                else { continue }
                p.purposes.append(
                    Purpose(id: e.id, mark: e.key, description: reader.text(pf, "description"),
                            lawfulBasis: decodeLawfulBasis(pf, path: path()),
                            automatedDecision: decodeAutomatedDecision(pf, path: path())))
            }
        }
        if let s = f["screening"], !s.value.isNull,
            let sf = reader.fields(s.value, path: "programme.screening", what: "the screening", allowed: FormatKeys.screening)
        {
            p.screening.mark = s.key.mark
            for key in Screening.Key.allCases {
                if let b = reader.bool(sf, key.rawValue) { p.screening.values[key] = b }
            }
        }
        if let d = f["dpia"], !d.value.isNull,
            let df = reader.fields(d.value, path: "programme.dpia", what: "the DPIA record", allowed: FormatKeys.dpia)
        {
            p.dpia = DPIA(
                mark: d.key.mark, status: reader.enumValue(df, "status"), owner: reader.text(df, "owner"),
                approvedBy: reader.text(df, "approved-by"), approvedOn: reader.date(df, "approved-on"),
                reviewBy: reader.date(df, "review-by"), dpoAdvice: reader.text(df, "dpo-advice"),
                priorConsultation: reader.text(df, "prior-consultation"))
        }
        for (i, node) in reader.mappingList(f, "consultation") {
            func path() -> String { "programme.consultation[\(i)]" }
            guard let cf = reader.fields(node, path: path(), what: "consultation entry \(i + 1)", allowed: FormatKeys.consultation,
                                         required: ["with"])
            else { continue }
            p.consultation.append(
                Consultation(mark: node.mark, with: reader.text(cf, "with"), on: reader.date(cf, "on"), outcome: reader.text(cf, "outcome")))
        }
        return p
    }

    mutating func decodeLawfulBasis(_ owner: Fields, path ownerPath: @autoclosure @escaping () -> String) -> LawfulBasis? {
        guard let lb = owner["lawful-basis"], !lb.value.isNull else { return nil }
        func path() -> String { "\(ownerPath()).lawful-basis" }
        guard let f = reader.fields(lb.value, path: path(), what: "the lawful basis", allowed: FormatKeys.lawfulBasis)
        else { return nil }
        var basis = LawfulBasis(mark: lb.key.mark)
        basis.article6 = reader.enumOneOrMany(f, "article-6")
        if let a6 = f["article-6"], a6.value.items?.isEmpty == true {
            reader.schemaError(
                at: a6.value.mark, path: "\(path()).article-6", "'article-6' lists no basis",
                fix: "name the Article 6 basis, e.g. 'article-6: public-task'")
        }
        basis.legalPower = reader.text(f, "legal-power")
        basis.article9 = reader.enumValue(f, "article-9")
        basis.schedule1 = reader.textList(f, "schedule-1")
        basis.article10 = reader.enumValue(f, "article-10")
        return basis
    }

    // MARK: sections

    mutating func decodeSubject(_ id: String, _ key: SourceMark, _ node: YAMLNode) -> Subject? {
        func path() -> String { "subjects.\(id)" }
        guard let f = reader.fields(node, path: path(), what: "subject '\(id)'", allowed: FormatKeys.subject, required: ["name"], ownerMark: key)
        else { return Subject(id: id, mark: key) }
        return Subject(
            id: id, mark: key, name: reader.text(f, "name"), count: reader.count(f, "count"),
            vulnerable: reader.bool(f, "vulnerable"), children: reader.bool(f, "children"))
    }

    mutating func decodeData(_ id: String, _ key: SourceMark, _ node: YAMLNode) -> DataCategory? {
        func path() -> String { "data.\(id)" }
        var d = DataCategory(id: id, mark: key)
        guard let f = reader.fields(node, path: path(), what: "data category '\(id)'", allowed: FormatKeys.data,
                                    required: FormatKeys.dataRequired, ownerMark: key)
        else { return d }
        d.name = reader.text(f, "name")
        d.subjects = reader.textList(f, "subjects") ?? []
        d.category = reader.enumValue(f, "category")
        d.special = reader.enumList(f, "special") ?? []
        d.reveals = reader.enumList(f, "reveals") ?? []
        if let c = d.category?.value, c != .personal, let r = f["reveals"], !r.value.isNull {
            reader.schemaError(
                at: r.key.mark, path: "\(path()).reveals",
                "'reveals' is for personal data from which a special category can be inferred, but '\(id)' is '\(c.rawValue)'",
                fix: c == .special ? "list the categories under 'special' instead" : "remove 'reveals'")
        }
        d.classification = reader.enumValue(f, "classification")
        d.residency = reader.country(f, "residency")
        d.fields = reader.textList(f, "fields") ?? []
        if d.category?.value == .special, !f.has("special") {
            reader.schemaError(
                at: d.category?.keyMark ?? key, path: path(),
                "data category '\(id)' is special category data but does not say which kind",
                fix: "add 'special: [...]' with one or more of: \(SpecialCategory.allowedValues.joined(separator: ", "))")
        }
        if let c = d.category?.value, c != .special, let s = f["special"], !s.value.isNull {
            reader.schemaError(
                at: s.key.mark, path: "\(path()).special",
                "'special' is given but data category '\(id)' is '\(c.rawValue)', not 'special'",
                fix: "set 'category: special', or remove 'special'")
        }
        return d
    }

    /// A `{name, email}` contact under a party (its own contact or DPO).
    mutating func contactValue(_ f: Fields, _ key: String, path: String) -> DPOContact? {
        guard let d = f[key], !d.value.isNull,
            let df = reader.fields(d.value, path: "\(path).\(key)", what: "the \(key) of '\(path)'", allowed: FormatKeys.dpo)
        else { return nil }
        return DPOContact(mark: d.key.mark, name: reader.text(df, "name"), email: reader.text(df, "email"))
    }

    mutating func decodeParty(_ id: String, _ key: SourceMark, _ node: YAMLNode) -> Party? {
        func path() -> String { "parties.\(id)" }
        var p = Party(id: id, mark: key)
        guard let f = reader.fields(node, path: path(), what: "party '\(id)'", allowed: FormatKeys.party,
                                    required: FormatKeys.partyRequired, ownerMark: key)
        else { return p }
        p.name = reader.text(f, "name")
        p.type = reader.enumValue(f, "type")
        p.role = reader.enumValue(f, "role")
        p.country = reader.partyCountry(f, "country")
        p.group = reader.bool(f, "group")
        p.scope = reader.enumValue(f, "scope")
        p.processorFor = reader.textList(f, "processor-for") ?? []
        p.subProcessorOf = reader.textList(f, "sub-processor-of") ?? []
        p.authorisedBy = reader.textList(f, "authorised-by") ?? []
        p.contract = reader.text(f, "contract")
        p.dpfCertified = reader.bool(f, "dpf-certified")
        p.contact = contactValue(f, "contact", path: path())
        p.dpo = contactValue(f, "dpo", path: path())
        let roleMark = p.role?.keyMark ?? key
        switch p.role?.value {
        case .processor?:
            if !f.has("processor-for") {
                reader.schemaError(
                    at: roleMark, path: path(), "processor '\(id)' does not say which controllers it acts for",
                    fix: "add 'processor-for: [controller-id]'")
            }
        case .subProcessor?:
            if !f.has("sub-processor-of") {
                reader.schemaError(
                    at: roleMark, path: path(), "sub-processor '\(id)' does not say which processor engaged it",
                    fix: "add 'sub-processor-of: [processor-id]'")
            }
        default:
            break
        }
        return p
    }

    mutating func decodeSystem(_ id: String, _ key: SourceMark, _ node: YAMLNode) -> System? {
        func path() -> String { "systems.\(id)" }
        var s = System(id: id, mark: key)
        guard let f = reader.fields(node, path: path(), what: "system '\(id)'", allowed: FormatKeys.system,
                                    required: FormatKeys.systemRequired, ownerMark: key)
        else { return s }
        s.name = reader.text(f, "name")
        s.party = reader.text(f, "party")
        s.locations = reader.locations(f, "location")
        s.classification = reader.enumValue(f, "classification")
        s.stores = reader.bool(f, "stores")
        s.security = reader.textList(f, "security") ?? []
        s.creates = reader.textList(f, "creates") ?? []
        s.role = reader.enumValue(f, "role")
        s.processorFor = reader.textList(f, "processor-for")
        s.subProcessorOf = reader.textList(f, "sub-processor-of")
        s.authorisedBy = reader.textList(f, "authorised-by")
        s.contract = reader.text(f, "contract")
        switch s.role?.value {
        case .processor?:
            if !f.has("processor-for") {
                reader.schemaError(
                    at: s.role?.keyMark ?? key, path: path(), "system '\(id)' acts as a processor but does not say for which controllers",
                    fix: "add 'processor-for: [controller-id]' to the system")
            }
        case .subProcessor?:
            if !f.has("sub-processor-of") {
                reader.schemaError(
                    at: s.role?.keyMark ?? key, path: path(), "system '\(id)' acts as a sub-processor but does not say which processor engaged it",
                    fix: "add 'sub-processor-of: [processor-id]' to the system")
            }
        default:
            break
        }
        if let r = f["retention"] {
            for e in reader.entries(r.value, path: "\(path()).retention", what: "retention entries") {
                func rpath() -> String { "\(path()).retention.\(e.id)" }
                var entry = RetentionEntry(dataID: e.id, systemID: id, mark: e.key)
                if let rf = reader.fields(e.value, path: rpath(), what: "the retention of '\(e.id)' in system '\(id)'",
                                          allowed: FormatKeys.retention, required: ["period"], ownerMark: e.key)
                {
                    entry.period = reader.period(rf, "period")
                    entry.from = reader.text(rf, "from")
                    // Kept out of line: set only when given.
                    if let until = reader.text(rf, "until") { entry.until = until }
                    if let criteria = reader.text(rf, "criteria") { entry.criteria = criteria }
                    if let review = reader.duration(rf, "review-every") { entry.reviewEvery = review }
                    if entry.period?.value.isCriteria == true, rf["criteria"] == nil {
                        reader.schemaError(
                            at: entry.period?.keyMark ?? e.key, path: rpath(),
                            "'period: criteria' needs 'criteria': the conditions under which the data is kept",
                            fix: "add 'criteria:' in words, and 'review-every:' with how often they are reviewed")
                    }
                    if let c = rf["criteria"], entry.period.map({ !$0.value.isCriteria }) ?? false {
                        reader.schemaError(
                            at: c.key.mark, path: "\(rpath()).criteria",
                            "'criteria' is given but the period is '\(entry.period?.value.description ?? "")', not 'criteria'",
                            fix: "set 'period: criteria', or remove 'criteria'")
                    }
                    entry.basis = reader.text(rf, "basis")
                    entry.disposal = reader.enumValue(rf, "disposal")
                }
                s.retention.append(entry)
            }
        }
        return s
    }

    mutating func decodeFlow(_ id: String, _ key: SourceMark, _ node: YAMLNode) -> Flow? {
        func path() -> String { "flows.\(id)" }
        var flow = Flow(id: id, mark: key)
        guard let f = reader.fields(node, path: path(), what: "flow '\(id)'", allowed: FormatKeys.flow,
                                    required: FormatKeys.flowRequired, ownerMark: key)
        else { return flow }
        flow.from = reader.text(f, "from")
        flow.to = reader.text(f, "to")
        flow.data = reader.textList(f, "data") ?? []
        flow.purpose = reader.text(f, "purpose")
        flow.lawfulBasis = decodeLawfulBasis(f, path: path())
        if let t = f["transfer"], !t.value.isNull,
            let tf = reader.fields(t.value, path: "\(path()).transfer", what: "the transfer of flow '\(id)'", allowed: FormatKeys.transfer)
        {
            flow.transfer = Transfer(mark: t.key.mark, mechanism: reader.enumValue(tf, "mechanism"), tra: reader.text(tf, "tra"))
        }
        flow.agreement = reader.text(f, "agreement")
        flow.notice = reader.text(f, "notice")
        flow.encrypted = reader.bool(f, "encrypted")
        flow.frequency = reader.enumValue(f, "frequency")
        flow.automatedDecision = decodeAutomatedDecision(f, path: path())
        if let data = f["data"], data.value.items?.isEmpty == true {
            reader.schemaError(
                at: data.value.mark, path: "\(path()).data", "flow '\(id)' carries no data categories",
                fix: "list the data ids the flow carries")
        }
        return flow
    }

    mutating func decodeRisk(_ id: String, _ key: SourceMark, _ node: YAMLNode) -> Risk? {
        func path() -> String { "risks.\(id)" }
        var risk = Risk(id: id, mark: key)
        guard let f = reader.fields(node, path: path(), what: "risk '\(id)'", allowed: FormatKeys.risk,
                                    required: FormatKeys.riskRequired, ownerMark: key)
        else { return risk }
        risk.description = reader.text(f, "description")
        risk.affects = reader.textList(f, "affects") ?? []
        risk.likelihood = reader.enumValue(f, "likelihood")
        risk.severity = reader.enumValue(f, "severity")
        for (i, node) in reader.mappingList(f, "measures") {
            func mpath() -> String { "\(path()).measures[\(i)]" }
            guard let mf = reader.fields(node, path: mpath(), what: "measure \(i + 1) of risk '\(id)'", allowed: FormatKeys.measure,
                                         required: ["description"])
            else { continue }
            risk.measures.append(
                Measure(mark: node.mark, description: reader.text(mf, "description"), effect: reader.enumValue(mf, "effect"),
                        owner: reader.text(mf, "owner"), due: reader.date(mf, "due"), status: reader.enumValue(mf, "status")))
        }
        if let r = f["residual"], !r.value.isNull,
            let rf = reader.fields(r.value, path: "\(path()).residual", what: "the residual risk of '\(id)'",
                                   allowed: FormatKeys.residual, required: FormatKeys.residual, ownerMark: r.key.mark)
        {
            risk.residual = Residual(mark: r.key.mark, likelihood: reader.enumValue(rf, "likelihood"), severity: reader.enumValue(rf, "severity"))
        }
        return risk
    }

    mutating func decodeException(_ index: Int, _ node: YAMLNode) -> FindingException? {
        func path() -> String { "exceptions[\(index)]" }
        guard let f = reader.fields(node, path: path(), what: "exception \(index + 1)", allowed: FormatKeys.exception,
                                    required: FormatKeys.exceptionRequired)
        else { return nil }
        // A missing reason, approver or expiry is EX003, raised by the rules.
        return FindingException(
            index: index, mark: node.mark, rule: reader.text(f, "rule"), at: reader.text(f, "at"),
            reason: reader.text(f, "reason"), approvedBy: reader.text(f, "approved-by"), expires: reader.date(f, "expires"))
    }
}
