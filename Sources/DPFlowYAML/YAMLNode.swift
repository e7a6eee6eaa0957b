import DPFlowDiagnostics

/// A node of a loaded YAML document. Every node knows where it starts.
/// Scalars stay text: the schema, not YAML 1.1 guessing, gives them a type.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// Stored compactly (24 bytes a node): a flow file of 10,000 flows has
    /// close to a million nodes. The field order packs the layout.
    @usableFromInline
    enum Storage: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    @usableFromInline var storage: Storage
    /// Scalar style in the low 3 bits, column bits 16-20 in the high 5.
    @usableFromInline var packed: UInt8
    @usableFromInline var columnLow: UInt16
    @usableFromInline var line: UInt32

    public init(_ content: Content, at mark: SourceMark) {
        var style = YAMLScalar.Style.plain
        switch content {
        case .scalar(let s):
            storage = .scalar(s.text)
            style = s.style
        case .sequence(let items): storage = .sequence(items)
        case .mapping(let pairs): storage = .mapping(pairs)
        }
        packed = style.rawValue
        columnLow = 0
        line = 0
        self.mark = mark
    }

    /// Where the node starts. Columns past 2,097,151 are clamped.
    public var mark: SourceMark {
        @inlinable get {
            SourceMark(line: Int(line), column: Int(columnLow) | (Int(packed >> 3) << 16))
        }
        set {
            let column = min(max(newValue.column, 0), (1 << 21) - 1)
            line = UInt32(clamping: newValue.line)
            columnLow = UInt16(truncatingIfNeeded: column)
            packed = (packed & 0b111) | UInt8(truncatingIfNeeded: column >> 16) << 3
        }
    }

    /// The node with another position.
    public func withMark(_ mark: SourceMark) -> YAMLNode {
        var copy = self
        copy.mark = mark
        return copy
    }

    /// The node and everything below it with one position: where an alias or
    /// merge key applies a block. Depth is bounded by the loader's depth limit.
    /// Past `limit` nodes, the rest keeps its positions.
    public func remarked(at mark: SourceMark, limit: Int = .max) -> YAMLNode {
        var budget = limit
        return remarked(at: mark, budget: &budget)
    }

    private func remarked(at mark: SourceMark, budget: inout Int) -> YAMLNode {
        guard budget > 0 else { return self }
        budget -= 1
        var copy = self
        copy.mark = mark
        switch storage {
        case .scalar: break
        case .sequence(let items):
            copy.storage = .sequence(items.map { $0.remarked(at: mark, budget: &budget) })
        case .mapping(let pairs):
            copy.storage = .mapping(pairs.map {
                YAMLPair(key: $0.key.remarked(at: mark, budget: &budget), value: $0.value.remarked(at: mark, budget: &budget))
            })
        }
        return copy
    }

    public var content: Content {
        switch storage {
        case .scalar(let text): .scalar(YAMLScalar(text: text, style: style))
        case .sequence(let items): .sequence(items)
        case .mapping(let pairs): .mapping(pairs)
        }
    }

    private var style: YAMLScalar.Style { YAMLScalar.Style(rawValue: packed & 0b111) ?? .plain }

    public var scalar: YAMLScalar? {
        if case .scalar(let text) = storage { return YAMLScalar(text: text, style: style) }
        return nil
    }

    /// True when the node is a scalar with exactly this text (no copy made).
    /// `other` is a schema word (lower-case ASCII, digits, hyphens): no text
    /// of another length is canonically equal to one, so lengths are
    /// compared first and most misses cost no string comparison.
    @inlinable
    public func hasText(_ other: String) -> Bool {
        if case .scalar(let text) = storage { return text.utf8.count == other.utf8.count && text == other }
        return false
    }

    /// The scalar's text without building a `YAMLScalar`.
    @inlinable
    public var text: String? {
        if case .scalar(let text) = storage { return text }
        return nil
    }

    @inlinable
    public var pairs: [YAMLPair]? {
        if case .mapping(let p) = storage { return p }
        return nil
    }

    @inlinable
    public var items: [YAMLNode]? {
        if case .sequence(let i) = storage { return i }
        return nil
    }

    /// True for a plain empty, `~` or `null` scalar: a key with no value.
    @inlinable
    public var isNull: Bool {
        guard case .scalar(let text) = storage, packed & 0b111 == YAMLScalar.Style.plain.rawValue else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// What kind of node this is, in words for messages.
    public var kindName: String {
        switch storage {
        case .scalar: isNull ? "nothing" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

public struct YAMLScalar: Sendable, Hashable {
    public enum Style: UInt8, Sendable, Hashable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public var text: String
    public var style: Style

    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }

    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key as text, when the key is a scalar.
    public var keyText: String? { key.text }
}
