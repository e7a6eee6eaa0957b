import DPFlowDiagnostics
import DPFlowModel

/// `map.json`: the department as one merged graph: programmes, registries,
/// entities (with the file and line that declare each), flows (with their
/// programme) and findings. Deterministic: every list in a stable order.
public enum MapJSON {
    public static func document(_ d: Department, findings: [Finding]) -> JSONValue {
        func declared(_ decl: Department.Declaration) -> JSONValue {
            .object([
                ("file", .string(decl.file)), ("line", .int(decl.mark.line)), ("column", .int(decl.mark.column)),
                ("id", .string(decl.id)), ("name", .string(decl.name)),
            ])
        }
        var entities: [JSONValue] = []
        for kind in Department.Kind.allCases {
            for e in d.entities(kind) {
                let entity = d.entities[e]
                entities.append(.object([
                    ("kind", .string(kind.rawValue)), ("id", .string(entity.id)), ("name", .string(entity.name)),
                    ("registry", .bool(entity.isInRegistry)),
                    ("declared", .array(entity.declarations.map(declared))),
                    ("programmes", .array(entity.programmes.sorted().map { .string(d.programmes[$0].file) })),
                ]))
            }
        }
        func end(_ p: Int, _ node: Int) -> JSONValue {
            let prog = d.programmes[p]
            let g = prog.graph
            if let s = g.systemIndex(ofNode: node) {
                let id = prog.model.systems[s].id
                return .object([("kind", .string("systems")), ("id", .string(d.entity(.systems, id, inProgramme: p).map { d.entities[$0].id } ?? id))])
            }
            if g.isSubject(node) {
                let id = prog.model.subjects[node].id
                return .object([("kind", .string("subjects")), ("id", .string(d.entity(.subjects, id, inProgramme: p).map { d.entities[$0].id } ?? id))])
            }
            return .null
        }
        var flows: [JSONValue] = []
        for (p, prog) in d.programmes.enumerated() {
            for (f, flow) in prog.model.flows.enumerated() {
                let data = prog.graph.flowData[f].map { i -> JSONValue in
                    let id = prog.model.data[i].id
                    return .string(d.entity(.data, id, inProgramme: p).map { d.entities[$0].id } ?? id)
                }
                flows.append(.object([
                    ("programme", .string(prog.file)), ("id", .string(flow.id)),
                    ("from", end(p, prog.graph.flowFrom[f])), ("to", end(p, prog.graph.flowTo[f])),
                    ("data", .array(data)), ("purpose", .string(flow.purpose?.value ?? "")),
                    ("lawfulBasis", .string(prog.model.effectiveLawfulBasis(of: flow)?.article6Text ?? "")),
                    ("line", .int(flow.mark.line)),
                ]))
            }
        }
        return .object([
            ("version", .int(1)),
            ("programmes", .array(d.programmes.map { p in
                .object([
                    ("file", .string(p.file)), ("name", .string(p.name)),
                    ("version", p.model.programme.version.map { .string($0.value) } ?? .null),
                    ("starts", p.model.programme.starts.map { .string($0.value.description) } ?? .null),
                    ("ends", p.model.programme.ends.map { .string($0.value.description) } ?? .null),
                    ("controllers", .array(p.model.programme.controllers.map { .string($0.value) })),
                    ("includes", .array(p.model.files.dropFirst().map(JSONValue.string))),
                    ("flows", .int(p.model.flows.count)),
                ])
            })),
            ("registries", .array(d.registries.map { r in
                .object([
                    ("file", .string(r.file)), ("name", .string(r.model.registry?.name?.value ?? r.file)),
                    ("owner", r.model.registry?.owner.map { .string($0.value) } ?? .null),
                ])
            })),
            ("entities", .array(entities)),
            ("flows", .array(flows)),
            ("findings", .array(findings.map { f in
                .object([
                    ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
                    ("file", .string(f.file)), ("line", .int(f.line)), ("column", .int(f.column)), ("path", .string(f.path)),
                ])
            })),
        ])
    }
}
