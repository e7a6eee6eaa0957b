import CYAML

/// Is a YAML file a dpflow flow file (or registry)? CLI.md "Which files are
/// flow files": one whose top-level mapping has a `dpflow` key.
///
/// Reads libyaml events only, building no tree, and stops at the `dpflow` key:
/// a flow file normally opens with it, so a flow file costs a few events. A
/// file that is not one (a GitHub workflow, dependabot.yml) is read to the end
/// of its top level. Nesting is only counted, so depth cannot hurt.
public enum FlowFileProbe {
    public enum Verdict: Sendable, Equatable {
        /// The top-level mapping has a `dpflow` key.
        case flowFile
        /// Well-formed YAML without a top-level `dpflow` key (or not a mapping).
        case notFlowFile
        /// The file could not be read as YAML before the question was answered:
        /// treated as a flow file by callers, so that the error is reported
        /// rather than the file silently passed over.
        case unreadable
    }

    /// Opened as flow files are (InputFile: regular files only, never
    /// blocking on a FIFO) and read through a counting reader, within the size limit.
    public static func probe(path: String) -> Verdict {
        guard let input = try? InputFile(path: path) else { return .unreadable }
        let reader = CountingReader(fd: input.fd, limit: LoadLimits.standard.maxBytes)
        guard let parser = LibYAMLParser(reader: reader) else { return .unreadable }
        return withExtendedLifetime(input) { run(parser) }
    }

    public static func probe(bytes: [UInt8]) -> Verdict {
        if bytes.isEmpty { return .notFlowFile }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let parser = LibYAMLParser(input: buffer) else { return .unreadable }
            return run(parser)
        }
    }

    private static func run(_ parser: LibYAMLParser) -> Verdict {
        // depth: 0 outside the root; 1 inside the root mapping.
        var depth = 0
        var rootIsMapping = false
        var expectingKey = true
        var verdict: Verdict?
        while verdict == nil {
            let step: Verdict?? = parser.withNextEvent { event -> Verdict? in
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return .notFlowFile
                case YAML_DOCUMENT_END_EVENT:
                    // One document is a flow file's whole content.
                    return .notFlowFile
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if depth == 0 {
                        rootIsMapping = event.type == YAML_MAPPING_START_EVENT
                        if !rootIsMapping { return .notFlowFile }
                    } else if depth == 1 {
                        expectingKey.toggle()  // a collection as key or value at the top level
                    }
                    depth += 1
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    depth -= 1
                    if depth == 0 { return .notFlowFile }
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                    if depth == 0 { return .notFlowFile }  // the document is a single scalar
                    if depth == 1 {
                        if expectingKey, event.type == YAML_SCALAR_EVENT {
                            let s = event.data.scalar
                            if s.length == 6, let value = s.value,
                                Array(UnsafeBufferPointer(start: value, count: 6)) == Array("dpflow".utf8)
                            {
                                return .flowFile
                            }
                        }
                        expectingKey.toggle()
                    }
                default:
                    break
                }
                return nil
            }
            switch step {
            case .none: return .unreadable  // a libyaml error
            case .some(.none): continue
            case .some(.some(let v)): verdict = v
            }
        }
        return verdict ?? .unreadable
    }
}
