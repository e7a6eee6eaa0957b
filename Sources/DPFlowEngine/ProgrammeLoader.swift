import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowYAML
import Foundation

/// One flow file taken through the pipeline as far as it goes:
/// load (YAML) -> model (typed) -> graph (indexed).
public struct LoadedProgramme: Sendable {
    public let file: String
    public let model: ProgrammeModel?
    public let graph: FlowGraph?
    /// ST findings from loading and decoding.
    public let findings: [Finding]
}

public enum ProgrammeLoader {
    /// Reads and loads a file. An unreadable file is an `EngineError` (exit 2);
    /// anything wrong inside it is a finding.
    public static func load(file: String, limits: LoadLimits = .standard) throws(EngineError) -> LoadedProgramme {
        try load(file: file, includes: IncludeLoader(limits: limits), limits: limits)
    }

    /// Loads a file with the registries it includes, read through `includes`
    /// (shared across the files of one run, so each registry is read once).
    static func load(file: String, includes: IncludeLoader, limits: LoadLimits) throws(EngineError) -> LoadedProgramme {
        let session = DecodeSession(file: file)
        // Opened once and examined on the open descriptor (InputFile): only a
        // regular file, or standard input named as '-', is read, and never
        // more than the byte limit.
        let loaded: LoadResult
        do {
            let input = try InputFile(path: file)
            loaded = try YAMLLoader.load(input: input, file: file, limits: limits, handOff: session.handOff)
        } catch {
            throw EngineError("cannot read \(file == "-" ? "standard input" : TerminalText.visible(file)): \(error.message)")
        }
        let decoded = finishDecoding(loaded, session, file: file)
        return withIncludes(decoded, includes: includes, root: IncludeLoader.projectRoot(for: file))
    }

    /// Loads bytes already read. Includes resolve against the working directory.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .standard) -> LoadedProgramme {
        let session = DecodeSession(file: file)
        let loaded = YAMLLoader.load(bytes: bytes, file: file, limits: limits, handOff: session.handOff)
        let decoded = finishDecoding(loaded, session, file: file)
        let root = IncludeLoader.canonical(".") ?? FileManager.default.currentDirectoryPath
        return withIncludes(decoded, includes: IncludeLoader(limits: limits), root: root)
    }

    static func withIncludes(_ decoded: LoadedProgramme, includes: IncludeLoader, root: String) -> LoadedProgramme {
        guard let model = decoded.model, !model.includes.isEmpty else { return graphed(decoded) }
        let assembled = includes.assemble(model, file: decoded.file, root: root)
        return graphed(LoadedProgramme(file: decoded.file, model: assembled.model, graph: nil, findings: decoded.findings + assembled.findings))
    }

    /// A registry has no graph: it gets the structure rules only.
    static func graphed(_ p: LoadedProgramme) -> LoadedProgramme {
        guard let model = p.model, !model.isRegistry else { return p }
        return LoadedProgramme(file: p.file, model: model, graph: FlowGraph(model: model), findings: p.findings)
    }

    /// The decoder that the loader hands each top-level section to, as it
    /// completes: each section's tree is decoded and freed while the next is read.
    final class DecodeSession {
        var stream: ProgrammeStreamDecoder
        init(file: String) { stream = ProgrammeStreamDecoder(file: file) }

        /// Top-level sections, and each entry of the id-keyed ones, as the loader reads them.
        var handOff: DocumentHandOff {
            DocumentHandOff(
                sections: ProgrammeStreamDecoder.streamedSections, pair: { self.stream.accept($0) },
                entry: { self.stream.acceptEntry(of: $0, $1) })
        }
    }

    static func finishDecoding(_ loaded: LoadResult, _ session: DecodeSession, file: String) -> LoadedProgramme {
        var findings = loaded.findings
        // A document that failed to load is not decoded: its tree is partial,
        // and what was decoded of it is dropped. An empty file loads as
        // nothing, with no finding: the decoder reports it.
        if loaded.root == nil && !findings.isEmpty {
            return LoadedProgramme(file: file, model: nil, graph: nil, findings: findings)
        }
        let decoded = session.stream.finish(root: loaded.root)
        findings += decoded.findings
        return LoadedProgramme(file: file, model: decoded.model, graph: nil, findings: findings)
    }
}
