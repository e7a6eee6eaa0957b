/// A failure that stops a command from doing its work (exit status 2):
/// bad arguments, an unreadable path or configuration, an unwritable output.
public struct EngineError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What the command line shows as its version.
public enum DPFlowEngineInfo {
    public static let version = "0.1.0"
}
