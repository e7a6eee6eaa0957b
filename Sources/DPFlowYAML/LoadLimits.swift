/// Safety limits that hostile input cannot pass (ST006).
///
/// Each can be raised in `.dpflow.yaml` (`load-limits:`, named by `Key`) and
/// the file size also with `--max-file-mb`, within `ceiling`: a configuration
/// cannot switch a limit off.
public struct LoadLimits: Sendable, Equatable {
    /// Largest file read, in bytes (`max-file-mb`).
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences (`max-depth`).
    public var maxDepth: Int
    /// Most nodes written in the file: scalars, mappings, sequences and
    /// aliases, each counted once where it is written (`max-nodes`).
    public var maxNodes: Int
    /// Most nodes that aliases add: each use of an alias (including one
    /// applied by a merge key `<<: *a`) adds as many nodes as its anchor
    /// stands for, nested aliases expanded (`max-alias-expansion`). Stops
    /// "billion laughs" whatever the file size.
    public var maxAliasExpansion: Int

    /// 20,000,000 nodes: about eleven times what a realistic 16 MiB programme
    /// writes (one node for every 9 bytes), so it binds only on a file of
    /// nothing but tiny nodes (`[?,?,...]` is 3 nodes in 2 bytes) or when the
    /// file limit is raised, where it caps the tree the loader can be made to hold.
    public static let defaultMaxNodes = 20_000_000

    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxNodes: Int = LoadLimits.defaultMaxNodes, maxAliasExpansion: Int = 5_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliasExpansion = maxAliasExpansion
    }

    public static let standard = LoadLimits()

    /// The limits as they are named in `.dpflow.yaml` and on the command line.
    public enum Key: String, CaseIterable, Sendable {
        case maxFileMB = "max-file-mb"
        case maxNodes = "max-nodes"
        case maxDepth = "max-depth"
        case maxAliasExpansion = "max-alias-expansion"

        /// The highest value a configuration may ask for. Raising a limit
        /// trades safety for size; these keep a raised limit finite:
        /// - max-file-mb 4096 (4 GiB; 1,000,000 flows is about 640 MB);
        /// - max-nodes 1,000,000,000 (1,000,000 flows is about 78,000,000);
        /// - max-depth 256 (a flow file needs about 6 levels; decoding and
        ///   position copying recurse, so depth is what guards the stack);
        /// - max-alias-expansion 100,000,000 (small aliased blocks are copied
        ///   with the alias's position, so expansion costs memory).
        public var ceiling: Int {
            switch self {
            case .maxFileMB: 4096
            case .maxNodes: 1_000_000_000
            case .maxDepth: 256
            case .maxAliasExpansion: 100_000_000
            }
        }

        /// What the limit counts, for messages.
        public var unit: String {
            switch self {
            case .maxFileMB: "MiB"
            case .maxNodes: "nodes"
            case .maxDepth: "levels"
            case .maxAliasExpansion: "nodes"
            }
        }
    }

    /// The value of one limit in the units it is set in (MiB for the file size, rounded up).
    public func value(of key: Key) -> Int {
        switch key {
        case .maxFileMB: (maxBytes + (1 << 20) - 1) >> 20
        case .maxNodes: maxNodes
        case .maxDepth: maxDepth
        case .maxAliasExpansion: maxAliasExpansion
        }
    }

    /// Sets one limit in the units it is set in; the caller checks the range (`Key.ceiling`).
    public mutating func set(_ key: Key, to value: Int) {
        switch key {
        case .maxFileMB: maxBytes = value << 20
        case .maxNodes: maxNodes = value
        case .maxDepth: maxDepth = value
        case .maxAliasExpansion: maxAliasExpansion = value
        }
    }

    /// The fix of an ST006 finding for `key`: how to raise it, to about
    /// twice the current value (or `needed`, if larger) within the ceiling.
    public func howToRaise(_ key: Key, needed: Int? = nil, prefix: String) -> String {
        let suggested = min(key.ceiling, max(value(of: key) * 2, needed ?? 0))
        guard suggested > value(of: key) else {
            return "\(prefix); \(key.rawValue) is already at its ceiling of \(key.ceiling)"
        }
        let option = key == .maxFileMB ? "--max-file-mb \(suggested), or " : ""
        return "\(prefix), or raise the limit: \(option)`load-limits: {\(key.rawValue): \(suggested)}` in .dpflow.yaml"
    }
}

extension Int {
    /// 67108864 -> "67,108,864": limits and sizes in messages.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
