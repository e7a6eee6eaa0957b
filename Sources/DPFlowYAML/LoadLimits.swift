/// Safety limits that hostile input cannot pass (ST006).
public struct LoadLimits: Sendable {
    /// Largest file read, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most nodes the document may stand for once every alias is expanded
    /// (stops "billion laughs").
    public var maxExpandedNodes: Int

    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxExpandedNodes: Int = 5_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
    }

    public static let standard = LoadLimits()
}
