import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowYAML
import Foundation

/// One flow file taken through the pipeline as far as it goes:
/// load (YAML) -> model (typed) -> graph (indexed).
public struct LoadedProgramme: Sendable {
    public let file: String
    public let bytes: [UInt8]
    public let model: ProgrammeModel?
    public let graph: FlowGraph?
    /// ST findings from loading and decoding.
    public let findings: [Finding]
}

public enum ProgrammeLoader {
    /// Reads and loads a file. An unreadable file is an `EngineError` (exit 2);
    /// anything wrong inside it is a finding.
    public static func load(file: String, limits: LoadLimits = .standard) throws(EngineError) -> LoadedProgramme {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: file)
        } catch {
            throw EngineError("cannot read \(file): \(error.localizedDescription)")
        }
        if let size = attributes[.size] as? Int, size > limits.maxBytes {
            // Do not read it at all.
            var f = FindingSink(file: file)
            f.report(
                StructureRule.resourceLimit, at: .start, path: "",
                "the file is \(size) bytes, over the limit of \(limits.maxBytes) bytes",
                fix: "split the programme into smaller files")
            return LoadedProgramme(file: file, bytes: [], model: nil, graph: nil, findings: f.findings)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EngineError("cannot read \(file)")
        }
        return load(bytes: [UInt8](data), file: file, limits: limits)
    }

    /// Loads bytes already read.
    public static func load(bytes: [UInt8], file: String, limits: LoadLimits = .standard) -> LoadedProgramme {
        let loaded = YAMLLoader.load(bytes: bytes, file: file, limits: limits)
        var findings = loaded.findings
        // A document that failed to load is not decoded: its tree is partial.
        // An empty file loads as nothing, with no finding: the decoder reports it.
        if loaded.root == nil && !findings.isEmpty {
            return LoadedProgramme(file: file, bytes: bytes, model: nil, graph: nil, findings: findings)
        }
        let decoded = ProgrammeDecoder.decode(loaded.root, file: file)
        findings += decoded.findings
        let graph = decoded.model.map(FlowGraph.init(model:))
        return LoadedProgramme(file: file, bytes: bytes, model: decoded.model, graph: graph, findings: findings)
    }
}
