import DPFlowDiagnostics

/// A value from the file with the position of its key and of the value itself.
/// Findings about a wrong value point at `mark`; about a key, at `keyMark`.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var mark: SourceMark
    public var keyMark: SourceMark

    public init(_ value: Value, at mark: SourceMark, key keyMark: SourceMark? = nil) {
        self.value = value
        self.mark = mark
        self.keyMark = keyMark ?? mark
    }
}

extension Located: Equatable where Value: Equatable {}
