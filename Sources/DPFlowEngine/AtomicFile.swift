import DPFlowDiagnostics

/// Writes an output file whole or not at all. Kept as the entry point every
/// command uses; the work, and the safety rules, are in `SafeFile`
/// (Output/SafeFile.swift): only a regular file is ever replaced, through an
/// exclusive, no-follow temporary file that is fsynced and renamed. "-" is
/// standard output.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(EngineError) {
        try SafeFile.write(bytes, to: path)
    }

    /// The file from bytes that `produce` streams, written in chunks as they come.
    public static func write(to path: String, _ produce: (inout ByteStream) -> Void) throws(EngineError) {
        try SafeFile.write(to: path, produce)
    }
}
