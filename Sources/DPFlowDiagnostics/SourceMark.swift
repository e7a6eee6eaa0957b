/// A 1-based position in a flow file, as libyaml counts it: lines from 1,
/// columns in Unicode scalars from 1.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored compactly: every node and located value carries one.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The start of a file: used only when nothing better is known.
    public static let start = SourceMark(line: 1, column: 1)

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}
