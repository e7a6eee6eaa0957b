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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
            var loaded = YAMLLoader.load(path: file, file: file, limits: limits)
        else {
            throw EngineError("cannot read \(file)")
        }
        return decode(&loaded, file: file)
    }

    /// Loads bytes already read.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .standard) -> LoadedProgramme {
        var loaded = YAMLLoader.load(bytes: bytes, file: file, limits: limits)
        return decode(&loaded, file: file)
    }

    /// Decodes a loaded tree, handing it over so that it is freed section by section.
    static func decode(_ loaded: inout LoadResult, file: String) -> LoadedProgramme {
        var findings = loaded.findings
        // A document that failed to load is not decoded: its tree is partial.
        // An empty file loads as nothing, with no finding: the decoder reports it.
        if loaded.root == nil && !findings.isEmpty {
            return LoadedProgramme(file: file, model: nil, graph: nil, findings: findings)
        }
        let decoded = ProgrammeDecoder.decode(taking: &loaded.root, file: file)
        findings += decoded.findings
        let graph = decoded.model.map(FlowGraph.init(model:))
        return LoadedProgramme(file: file, model: decoded.model, graph: graph, findings: findings)
    }
}
