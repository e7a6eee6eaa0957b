import DPFlowDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and standard error with write(2), every error a
/// value: Foundation's `FileHandle.write` traps (a `try!` inside) when the write
/// fails, so `dpflow check F > /dev/full` crashed with SIGILL. Here a failed
/// write to stdout is an `EngineError` (exit 2); a closed pipe (EPIPE, such as
/// `dpflow check F | head -1`) is `StandardStreams.brokenPipe`, which the
/// command line ends on quietly with status 2. SIGPIPE is ignored (see
/// `TemporaryFileRegistry.install`) so the write returns EPIPE.
public enum StandardStreams {
    /// The message of the error thrown when the reader of stdout has gone.
    public static let brokenPipe = "standard output was closed (broken pipe)"

    public static func writeOutput(_ bytes: [UInt8]) throws(EngineError) {
        TemporaryFileRegistry.install()
        try check(SafeFile.writeAll(STDOUT_FILENO, bytes))
    }

    /// Writes what `produce` streams, a chunk (64 KiB) at a time, retrying
    /// partial writes; after a failed chunk (EPIPE included) the rest is
    /// dropped and the failure thrown as for a whole write.
    public static func writeOutput(_ produce: (inout ByteStream) -> Void) throws(EngineError) {
        TemporaryFileRegistry.install()
        var out = ByteStream { SafeFile.writeAll(STDOUT_FILENO, $0) }
        produce(&out)
        try check(out.finish())
    }

    private static func check(_ code: Int32?) throws(EngineError) {
        guard let code else { return }
        if code == EPIPE { throw EngineError(brokenPipe) }
        throw EngineError("cannot write to standard output: \(SafeFile.describeWrite(code))")
    }

    public static func writeOutput(_ text: String) throws(EngineError) {
        try writeOutput(Array(text.utf8))
    }

    /// Best effort: if stderr itself cannot be written there is nowhere to say so.
    public static func writeError(_ text: String) {
        TemporaryFileRegistry.install()
        _ = SafeFile.writeAll(STDERR_FILENO, Array(text.utf8))
    }
}
