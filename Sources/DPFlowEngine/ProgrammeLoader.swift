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
        let session = DecodeSession(file: file)
        // Opened once and examined on the open descriptor (InputFile): only a
        // regular file, or standard input named as '-', is read, and never
        // more than the byte limit.
        let loaded: LoadResult
        do {
            let input = try InputFile(path: file)
            loaded = try YAMLLoader.load(input: input, file: file, limits: limits, handOff: { session.stream.accept($0) })
        } catch {
            throw EngineError("cannot read \(file == "-" ? "standard input" : TerminalText.visible(file)): \(error.message)")
        }
        return finish(loaded, session, file: file)
    }

    /// Loads bytes already read.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .standard) -> LoadedProgramme {
        let session = DecodeSession(file: file)
        let loaded = YAMLLoader.load(bytes: bytes, file: file, limits: limits, handOff: { session.stream.accept($0) })
        return finish(loaded, session, file: file)
    }

    /// The decoder that the loader hands each top-level section to, as it
    /// completes: each section's tree is decoded and freed while the next is read.
    final class DecodeSession {
        var stream: ProgrammeStreamDecoder
        init(file: String) { stream = ProgrammeStreamDecoder(file: file) }
    }

    static func finish(_ loaded: LoadResult, _ session: DecodeSession, file: String) -> LoadedProgramme {
        var findings = loaded.findings
        // A document that failed to load is not decoded: its tree is partial,
        // and what was decoded of it is dropped. An empty file loads as
        // nothing, with no finding: the decoder reports it.
        if loaded.root == nil && !findings.isEmpty {
            return LoadedProgramme(file: file, model: nil, graph: nil, findings: findings)
        }
        let decoded = session.stream.finish(root: loaded.root)
        findings += decoded.findings
        let graph = decoded.model.map(FlowGraph.init(model:))
        return LoadedProgramme(file: file, model: decoded.model, graph: graph, findings: findings)
    }
}
