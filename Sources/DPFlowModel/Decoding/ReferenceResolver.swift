import DPFlowDiagnostics

/// Checks that every reference names a declared id (ST004), naming the nearest
/// declared id of the right kind. Purposes are left to the rules (LB010).
struct ReferenceResolver {
    let model: ProgrammeModel
    var reader: SchemaReader
    /// Sorted candidate ids per kind, computed once.
    private var sortedIDs: [String: [String]] = [:]

    init(model: ProgrammeModel, reader: SchemaReader) {
        self.model = model
        self.reader = reader
    }

    mutating func resolve() {
        let parties = model.partyIndex
        let subjects = model.subjectIndex
        let data = model.dataIndex
        let systems = model.systemIndex

        for (i, c) in model.programme.controllers.enumerated() {
            check(c, in: parties, kind: "party", path: "programme.controllers[\(i)]")
        }
        for (i, c) in model.programme.external.enumerated() {
            check(c, in: parties, kind: "party", path: "programme.external[\(i)]")
        }
        // Entities from included registries were resolved in their own file.
        for d in model.data where d.origin == 0 {
            for s in d.subjects { check(s, in: subjects, kind: "subject", path: "\(d.path).subjects") }
        }
        for p in model.parties where p.origin == 0 {
            for r in p.processorFor { check(r, in: parties, kind: "party", path: "\(p.path).processor-for") }
            for r in p.subProcessorOf { check(r, in: parties, kind: "party", path: "\(p.path).sub-processor-of") }
            for r in p.authorisedBy { check(r, in: parties, kind: "party", path: "\(p.path).authorised-by") }
        }
        for si in model.systems.indices where model.systems[si].origin == 0 {
            let s = model.systems[si]
            if let party = s.party { check(party, in: parties, kind: "party", path: "\(s.path).party") }
            for r in s.processorFor ?? [] { check(r, in: parties, kind: "party", path: "\(s.path).processor-for") }
            for r in s.subProcessorOf ?? [] { check(r, in: parties, kind: "party", path: "\(s.path).sub-processor-of") }
            for r in s.authorisedBy ?? [] { check(r, in: parties, kind: "party", path: "\(s.path).authorised-by") }
            for c in s.creates { check(c, in: data, kind: "data category", path: "\(s.path).creates") }
            for e in s.retention.indices where data[s.retention[e].dataID] == nil {
                let entry = s.retention[e]
                report(Located(entry.dataID, at: entry.mark), in: data, kind: "data category", path: entry.path)
            }
        }
        for f in model.flows {
            if let from = f.from, systems[from.value] == nil, subjects[from.value] == nil {
                let near = suggestion(from.value, kind: "system or subject", systems, subjects)
                reader.sink.report(
                    StructureRule.unknownReference, at: from.mark, path: "\(f.path).from",
                    "flow '\(f.id)' comes from '\(from.value)', which is neither a declared system nor a subject\(near)",
                    fix: "declare '\(from.value)' under systems or subjects, or correct the id")
            }
            // (1.1) A flow may go to a subject group: a disclosure to individuals.
            if let to = f.to, systems[to.value] == nil, subjects[to.value] == nil {
                let near = suggestion(to.value, kind: "system or subject", systems, subjects)
                reader.sink.report(
                    StructureRule.unknownReference, at: to.mark, path: "\(f.path).to",
                    "'\(to.value)' is not a declared system\(near)",
                    fix: "declare '\(to.value)' or correct the reference (a flow goes to a system, or to a subject group for a disclosure to individuals)")
            }
            for d in f.data { check(d, in: data, kind: "data category", path: "\(f.path).data") }
        }
        for r in model.risks {
            for a in r.affects where !model.resolves(path: a.value) {
                reader.sink.report(
                    StructureRule.unknownReference, at: a.mark, path: "\(r.path).affects",
                    "risk '\(r.id)' affects '\(a.value)', which names nothing declared in this file",
                    fix: "use a path such as flows.<id>, systems.<id>, data.<id>, parties.<id> or subjects.<id>")
            }
        }
    }

    /// The path is built only for a reference that does not resolve.
    private mutating func check(_ ref: Located<String>, in index: [String: Int], kind: String, path: @autoclosure () -> String) {
        if index[ref.value] == nil { report(ref, in: index, kind: kind, path: path()) }
    }

    private mutating func report(_ ref: Located<String>, in index: [String: Int], kind: String, path: String) {
        let near = suggestion(ref.value, kind: kind, index, [:])
        reader.sink.report(
            StructureRule.unknownReference, at: ref.mark, path: path,
            "'\(ref.value)' is not a declared \(kind)\(near)",
            fix: "declare '\(ref.value)' or correct the reference")
    }

    /// "; did you mean 'x'?" for a near id, else a short list of what is declared.
    private mutating func suggestion(_ word: String, kind: String, _ a: [String: Int], _ b: [String: Int]) -> String {
        let candidates: [String]
        if let cached = sortedIDs[kind] {
            candidates = cached
        } else {
            candidates = (Array(a.keys) + Array(b.keys)).sorted()
            sortedIDs[kind] = candidates
        }
        if candidates.isEmpty { return " (none are declared)" }
        if let n = reader.suggestion(for: word, in: candidates, loose: true) { return "; did you mean '\(n)'?" }
        let shown = candidates.prefix(5).joined(separator: ", ")
        return " (declared: \(shown)\(candidates.count > 5 ? ", …" : ""))"
    }
}
