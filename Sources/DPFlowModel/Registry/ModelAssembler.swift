import DPFlowDiagnostics

/// A registry file that a programme or registry includes, already assembled
/// with what it includes itself.
public struct IncludedRegistry: Sendable {
    /// The include as written (`include: [registry/department.yaml]`), in the including file.
    public let item: Located<String>
    /// The registry's path as shown in findings.
    public let file: String
    public let model: ProgrammeModel

    public init(item: Located<String>, file: String, model: ProgrammeModel) {
        self.item = item
        self.file = file
        self.model = model
    }
}

/// (1.1) Puts a programme (or registry) together with the registries it
/// includes: their subjects, data, parties and systems join the file's own,
/// each keeping the file, line and column that declare it. An id declared
/// again over an included one is ST007, naming both places. A programme sees
/// included entities only as far as it uses them (FORMAT.md "Registries").
public enum ModelAssembler {
    public static func assemble(_ base: ProgrammeModel, including registries: [IncludedRegistry]) -> (model: ProgrammeModel, findings: [Finding]) {
        var model = base
        var sink = FindingSink(file: base.file)
        var origins: [String: Int] = [base.file: 0]
        func origin(of file: String) -> Int {
            if let o = origins[file] { return o }
            model.files.append(file)
            origins[file] = model.files.count - 1
            return model.files.count - 1
        }

        /// Where each id is declared: (origin, mark), for duplicate checks.
        struct Place { let origin: Int; let mark: SourceMark }
        var declared: [String: [String: Place]] = ["subjects": [:], "data": [:], "parties": [:], "systems": [:]]
        for s in base.subjects { declared["subjects"]?[s.id] = Place(origin: 0, mark: s.mark) }
        for d in base.data { declared["data"]?[d.id] = Place(origin: 0, mark: d.mark) }
        for p in base.parties { declared["parties"]?[p.id] = Place(origin: 0, mark: p.mark) }
        for s in base.systems { declared["systems"]?[s.id] = Place(origin: 0, mark: s.mark) }

        /// True when the included entity is new here; reports ST007 when the id
        /// is already declared in another file.
        func admit(_ section: String, _ id: String, origin o: Int, mark: SourceMark, via item: Located<String>) -> Bool {
            guard let first = declared[section]?[id] else {
                declared[section]?[id] = Place(origin: o, mark: mark)
                return true
            }
            if first.origin == o { return false }  // the same registry reached twice
            let there = "\(model.files[o]):\(mark.line):\(mark.column)"
            if first.origin == 0 {
                sink.report(
                    StructureRule.include, at: first.mark, path: "\(section).\(id)",
                    "'\(id)' is declared here and also in the included registry at \(there)",
                    fix: "declare it once: remove this declaration and use the registry's, or rename one of them")
            } else {
                let here = "\(model.files[first.origin]):\(first.mark.line):\(first.mark.column)"
                sink.report(
                    StructureRule.include, at: item.mark, path: "include",
                    "'\(section).\(id)' is declared in two included registries: \(here) and \(there)",
                    fix: "declare it in one registry only")
            }
            return false
        }

        for registry in registries {
            let r = registry.model
            let remap = r.files.map { origin(of: $0) }
            func o(_ i: Int) -> Int { i >= 0 && i < remap.count ? remap[i] : origin(of: registry.file) }
            for var s in r.subjects where admit("subjects", s.id, origin: o(s.origin), mark: s.mark, via: registry.item) {
                s.origin = o(s.origin)
                model.subjects.append(s)
            }
            for var d in r.data where admit("data", d.id, origin: o(d.origin), mark: d.mark, via: registry.item) {
                d.origin = o(d.origin)
                model.data.append(d)
            }
            for var p in r.parties where admit("parties", p.id, origin: o(p.origin), mark: p.mark, via: registry.item) {
                p.origin = o(p.origin)
                model.parties.append(p)
            }
            for var s in r.systems where admit("systems", s.id, origin: o(s.origin), mark: s.mark, via: registry.item) {
                s.origin = o(s.origin)
                model.systems.append(s)
            }
        }
        model.reindex()
        var resolver = ReferenceResolver(model: model, reader: SchemaReader(file: base.file))
        resolver.resolve()
        sink.append(contentsOf: resolver.reader.sink.findings)
        if !model.isRegistry { prune(&model) }
        return (model, sink.findings)
    }

    /// Keeps, of the included entities, those the programme uses: systems its
    /// flows touch, data its flows carry or its own systems keep, and the
    /// subjects and parties those need. Retention an included system declares
    /// for data this programme does not use is the department map's business.
    static func prune(_ model: inout ProgrammeModel) {
        guard model.files.count > 1 else { return }
        var systems = Set(model.systems.filter { $0.origin == 0 }.map(\.id))
        var data = Set(model.data.filter { $0.origin == 0 }.map(\.id))
        var subjects = Set(model.subjects.filter { $0.origin == 0 }.map(\.id))
        var parties = Set(model.parties.filter { $0.origin == 0 }.map(\.id))
        for f in model.flows {
            if let v = f.from?.value { systems.insert(v); subjects.insert(v) }
            if let v = f.to?.value { systems.insert(v); subjects.insert(v) }
            for d in f.data { data.insert(d.value) }
        }
        for s in model.systems where s.origin == 0 {
            for e in s.retention { data.insert(e.dataID) }
            for c in s.creates { data.insert(c.value) }
        }
        for d in model.data where data.contains(d.id) { for s in d.subjects { subjects.insert(s.value) } }
        for c in model.programme.controllers { parties.insert(c.value) }
        for c in model.programme.external { parties.insert(c.value) }
        for s in model.systems where systems.contains(s.id) {
            if let p = s.party?.value { parties.insert(p) }
            for r in (s.processorFor ?? []) + (s.subProcessorOf ?? []) + (s.authorisedBy ?? []) { parties.insert(r.value) }
        }
        // Parties reach others through processor chains and authorisations.
        var changed = true
        while changed {
            changed = false
            for p in model.parties where parties.contains(p.id) {
                for r in p.processorFor + p.subProcessorOf + p.authorisedBy where parties.insert(r.value).inserted { changed = true }
            }
        }
        model.subjects.removeAll { $0.origin != 0 && !subjects.contains($0.id) }
        model.data.removeAll { $0.origin != 0 && !data.contains($0.id) }
        model.parties.removeAll { $0.origin != 0 && !parties.contains($0.id) }
        model.systems.removeAll { $0.origin != 0 && !systems.contains($0.id) }
        for i in model.systems.indices where model.systems[i].origin != 0 {
            model.systems[i].retention.removeAll { !data.contains($0.dataID) }
            model.systems[i].creates.removeAll { !data.contains($0.value) }
        }
        model.reindex()
    }
}
