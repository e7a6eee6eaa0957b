import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DPFlowDiagnostics

/// What loading a file gives: the document (absent when the file could not be
/// read as YAML at all) and the findings met on the way.
public struct LoadResult: Sendable {
    public var root: YAMLNode?
    public var findings: [Finding]
}

/// Loads one YAML document from bytes with libyaml's event API.
///
/// - Builds the tree without recursion, so nesting depth cannot overflow the stack;
///   nesting deeper than `limits.maxDepth` is ST006.
/// - Nodes written in the file are counted against `limits.maxNodes`.
/// - Aliases share their anchor's node; the nodes each use adds (its anchor's
///   size, nested aliases expanded) are counted against `limits.maxAliasExpansion`,
///   so a "billion laughs" document is ST006 before anything walks it.
/// - Merge keys (`<<`) are applied; explicit keys win over merged ones.
/// - A duplicate key is ST003 at its second occurrence; the first value is kept.
/// - Syntax, encoding and control-character errors are ST001 with libyaml's position.
public enum YAMLLoader {
    /// Loads from bytes in memory. With `handOff`, each pair of the top-level
    /// mapping is passed on as soon as it is complete and not kept in the tree
    /// (the root comes back as an empty mapping): the caller decodes and frees
    /// one section at a time. Duplicate top-level keys are then the caller's to report.
    public static func load(
        bytes: [UInt8], file: String, limits: LoadLimits = .standard, handOff: DocumentHandOff? = nil
    ) -> LoadResult {
        var sink = FindingSink(file: file)
        if bytes.count > limits.maxBytes {
            reportOversize(bytes.count, limits: limits, into: &sink)
            return LoadResult(root: nil, findings: sink.findings)
        }
        // libyaml wants a valid pointer even for empty input.
        let padded = bytes.isEmpty ? [UInt8(0)] : bytes
        return padded.withUnsafeBufferPointer { whole in
            let input = UnsafeBufferPointer(rebasing: whole[0..<bytes.count])
            let parser = LibYAMLParser(input: input.baseAddress == nil ? whole : input)
            return run(parser, limits: limits, sink: sink, handOff: handOff) { offset in mark(ofByteOffset: offset, in: input) }
        }
    }

    /// Loads a file, streaming it through libyaml's reader: the file's bytes are
    /// never all in memory at once. Returns nil when the file cannot be opened
    /// or is not one dpflow reads (see `InputFile`).
    public static func load(
        path: String, file: String, limits: LoadLimits = .standard, handOff: DocumentHandOff? = nil
    ) -> LoadResult? {
        guard let input = try? InputFile(path: path) else { return nil }
        return try? load(input: input, file: file, limits: limits, handOff: handOff)
    }

    /// Loads an open input. A regular file is streamed through libyaml with its
    /// bytes counted as they are read; standard input is read whole, up to the
    /// limit. Either way, one byte past `limits.maxBytes` is ST006.
    public static func load(
        input: InputFile, file: String, limits: LoadLimits = .standard, handOff: DocumentHandOff? = nil
    ) throws(InputFile.Refusal) -> LoadResult {
        guard input.isRegular else {
            guard let bytes = try input.readAll(limit: limits.maxBytes) else {
                var sink = FindingSink(file: file)
                reportOversize(nil, limits: limits, into: &sink)
                return LoadResult(root: nil, findings: sink.findings)
            }
            return load(bytes: bytes, file: file, limits: limits, handOff: handOff)
        }
        if input.size > limits.maxBytes {
            var sink = FindingSink(file: file)
            reportOversize(input.size, limits: limits, into: &sink)
            return LoadResult(root: nil, findings: sink.findings)
        }
        let reader = CountingReader(fd: input.fd, limit: limits.maxBytes)
        let parser = LibYAMLParser(reader: reader)
        let result = run(parser, limits: limits, sink: FindingSink(file: file), handOff: handOff, overLimit: { reader.overLimit }) { offset in
            // A reader error (bad encoding, control character) carries only a
            // byte offset: read the file up to it to find line and column.
            var prefix = [UInt8](repeating: 0, count: max(0, min(offset, limits.maxBytes)))
            let n = prefix.withUnsafeMutableBytes { pread(input.fd, $0.baseAddress, $0.count, 0) }
            return prefix.prefix(max(0, n)).withUnsafeBufferPointer { mark(ofByteOffset: offset, in: $0) }
        }
        if let code = reader.readError.nonZero { throw InputFile.Refusal(message: String(cString: strerror(code))) }
        return result
    }

    private static func reportOversize(_ size: Int?, limits: LoadLimits, into sink: inout FindingSink) {
        let limit = limits.maxBytes % (1 << 20) == 0 ? "\(limits.maxBytes >> 20) MiB" : "\(limits.maxBytes.grouped) bytes"
        let needed = size.map { ($0 + (1 << 20) - 1) >> 20 }
        sink.report(
            StructureRule.resourceLimit, at: .start, path: "",
            "the file is \(size.map { "\($0.grouped) bytes" } ?? "more than \(limit)"), over the limit of \(limit) (max-file-mb)",
            fix: limits.howToRaise(.maxFileMB, needed: needed, prefix: "split the programme into smaller files"))
    }

    private static func run(
        _ parser: LibYAMLParser?, limits: LoadLimits, sink: FindingSink, handOff: DocumentHandOff?,
        overLimit: () -> Bool = { false }, markOfOffset: (Int) -> SourceMark
    ) -> LoadResult {
        var sink = sink
        guard let parser else {
            sink.report(
                StructureRule.yamlSyntax, at: .start, path: "", "libyaml could not start a parser",
                fix: "retry; if it persists, report a bug")
            return LoadResult(root: nil, findings: sink.findings)
        }
        var builder = TreeBuilder(limits: limits, sink: sink)
        builder.handOff = handOff
        // A file that has already produced many times the findings a run
        // keeps (FindingBudget) is not read further: however it was written,
        // its problems cannot cost more than a bounded amount of work.
        let budget = FindingBudget.current
        let stopAfter = budget.map { $0.limit * FindingBudget.stopFactor }
        var lastMark = SourceMark.start
        while builder.state == .running {
            let ok: Void? = parser.withNextEvent { event in
                lastMark = SourceMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                builder.consume(&event)
            }
            if let budget, let stopAfter, budget.dropped > stopAfter {
                let kept = budget.limit
                // What the decoder kept is dropped with the partial document: count it as left out.
                budget.discard(budget.admitted - builder.sink.findings.count)
                builder.sink.append(contentsOf: [
                    Finding(
                        rule: StructureRule.resourceLimit,
                        message: "the file has more than \(kept + stopAfter) problems; it was not read past this point",
                        fix: "correct the file; --max-findings raises how many problems a run reports", file: builder.sink.file, at: lastMark,
                        path: builder.currentPath())
                ])
                return LoadResult(root: nil, findings: builder.sink.findings)
            }
            if ok == nil && overLimit() {
                // Counted as read: the file grew, or claimed a smaller size.
                var oversize = FindingSink(file: builder.sink.file)
                reportOversize(nil, limits: limits, into: &oversize)
                return LoadResult(root: nil, findings: oversize.findings)
            }
            if ok == nil {
                let failure = parser.failure
                let mark = failure.mark ?? failure.offset.map(markOfOffset) ?? .start
                builder.sink.report(
                    StructureRule.yamlSyntax, at: mark, path: builder.currentPath(),
                    "the file is not well-formed YAML: \(failure.message)",
                    fix: "correct the YAML at this position (check indentation, quotes and colons)")
                builder.state = .failed
            }
        }
        return LoadResult(root: builder.state == .finished ? builder.root : nil, findings: builder.sink.findings)
    }

    /// The 1-based line and column of a byte offset, counting columns in Unicode
    /// scalars as libyaml does. Used for reader errors, which carry only an offset.
    static func mark(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceMark {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b == 0x0D {
                if i + 1 < end, bytes[i + 1] == 0x0A { i += 1 }
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1  // count the lead byte of each scalar only
            }
            i += 1
        }
        return SourceMark(line: line, column: column)
    }
}

/// Turns the event stream into a tree with an explicit stack.
struct TreeBuilder {
    enum State { case running, finished, failed }

    private struct Frame {
        enum Kind { case sequence, mapping }
        var kind: Kind
        var mark: SourceMark
        var anchor: String?
        /// Where this frame's items or pairs start in the shared scratch
        /// buffers; they are copied out, at their exact size, when it ends.
        var start = 0
        var count = 0
        /// A mapping's key waiting for its value.
        var pendingKey: YAMLNode?
        var weight = 1
        /// A section whose entries are handed over as each completes.
        var streams = false
    }

    let limits: LoadLimits
    var sink: FindingSink
    var state = State.running
    /// Receives the root mapping's pairs instead of the tree, when set, and
    /// the entries of the sections it streams one at a time.
    var handOff: DocumentHandOff?
    /// The section being streamed entry by entry (the root's key at depth 1),
    /// the ids it has handed over so far, and its merge keys, applied at its end.
    private var streaming: String?
    private var streamedIDs: [String: SourceMark] = [:]
    private var streamedMerges: [(node: YAMLNode, at: SourceMark)] = []
    /// The root mapping's keys so far: a repeated section is not streamed (it is ST003, and ignored).
    private var topKeys: Set<String> = []
    var root: YAMLNode?
    private var stack: [Frame] = []
    private var shortTexts = ShortTextCache()
    private let itemScratch = ScratchStack<YAMLNode>()
    private let pairScratch = ScratchStack<YAMLPair>()
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    /// Nodes written in the file (`limits.maxNodes`).
    private var written = 0
    /// Nodes added by aliases (`limits.maxAliasExpansion`).
    private var expanded = 0
    private var documents = 0

    init(limits: LoadLimits, sink: FindingSink) {
        self.limits = limits
        self.sink = sink
    }

    mutating func consume(_ event: inout yaml_event_t) {
        let mark = SourceMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            state = .finished
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                sink.report(
                    StructureRule.schema, at: mark, path: "",
                    "a flow file holds one YAML document; a second one starts here",
                    fix: "put each programme in its own file")
                state = .failed
            }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = s.value.map { shortTexts.text(UnsafeBufferPointer(start: $0, count: Int(s.length))) } ?? ""
            let style: YAMLScalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            add(YAMLNode(.scalar(YAMLScalar(text: text, style: style)), at: mark), weight: 1, anchor: Self.optionalString(s.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                sink.report(
                    StructureRule.yamlSyntax, at: mark, path: currentPath(),
                    "alias '*\(name)' refers to no anchor defined before it",
                    fix: "define '&\(name)' before using '*\(name)'")
                state = .failed
                return
            }
            // Findings inside an aliased block point at the alias, the place
            // it applies (RULES.md "Reporting a defect once"), not at the
            // anchor. Small blocks (every realistic one) are copied with the
            // alias's position; a huge one keeps its anchor's positions
            // below its top, so that a hostile file cannot make copies cost
            // more than the expansion limit already allows. The alias is one
            // node written; its anchor's weight is what it adds.
            guard countWritten(at: mark), countExpansion(anchored.weight, at: mark) else { return }
            let node = anchored.weight <= Self.remarkLimit ? anchored.node.remarked(at: mark) : anchored.node.withMark(mark)
            add(node, weight: anchored.weight, anchor: nil, countNode: false)
        case YAML_SEQUENCE_START_EVENT:
            push(Frame(kind: .sequence, mark: mark, anchor: Self.optionalString(event.data.sequence_start.anchor), start: itemScratch.count))
        case YAML_MAPPING_START_EVENT:
            var frame = Frame(kind: .mapping, mark: mark, anchor: Self.optionalString(event.data.mapping_start.anchor), start: pairScratch.count)
            // A section of the root (not anchored: an alias to it would find
            // it empty; not repeated: the repeat is ignored) is streamed.
            if stack.count == 1, stack[0].kind == .mapping, frame.anchor == nil, let handOff,
                let section = stack[0].pendingKey?.text, handOff.sections.contains(section), !topKeys.contains(section)
            {
                frame.streams = true
                streaming = section
                streamedIDs = [:]
                streamedMerges = []
            }
            push(frame)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let node: YAMLNode
            switch frame.kind {
            case .sequence:
                let items = itemScratch.pop(from: frame.start)
                node = YAMLNode(.sequence(items), at: frame.mark)
            case .mapping:
                let pairs = pairScratch.pop(from: frame.start)
                if frame.streams {
                    finishStreamedSection()
                    node = YAMLNode(.mapping([]), at: frame.mark)
                } else {
                    node = YAMLNode(.mapping(finishMapping(pairs)), at: frame.mark)
                }
            }
            add(node, weight: frame.weight, anchor: frame.anchor, countNode: false)
        default:
            break
        }
    }

    /// The largest aliased block (in nodes) that is copied with the alias's position.
    static let remarkLimit = 4096

    /// The dotted path of the node being built (FORMAT.md "Paths"), for findings.
    func currentPath(includingPendingKey: Bool = true) -> String {
        var parts: [String] = []
        for frame in stack {
            switch frame.kind {
            case .mapping:
                if let key = frame.pendingKey?.scalar?.text {
                    parts.append(key)
                }
            case .sequence:
                let index = "[\(frame.count)]"
                if let last = parts.popLast() { parts.append(last + index) } else { parts.append(index) }
            }
        }
        return parts.joined(separator: ".")
    }

    private mutating func push(_ frame: Frame) {
        if stack.count >= limits.maxDepth {
            _ = stop(
                .maxDepth, at: frame.mark, "nesting is deeper than the limit of \(limits.maxDepth) levels (max-depth)",
                advice: "flatten the structure; a flow file needs only a few levels")
            return
        }
        guard countWritten(at: frame.mark) else { return }
        stack.append(frame)
    }

    /// Counts one node written in the file; false (and ST006) past `limits.maxNodes`.
    private mutating func countWritten(at mark: SourceMark) -> Bool {
        written += 1
        guard written > limits.maxNodes else { return true }
        return stop(
            .maxNodes, at: mark, "the file has more than \(limits.maxNodes.grouped) nodes, the limit (max-nodes)",
            advice: "split the programme into smaller files")
    }

    /// Counts the nodes an alias adds (its anchor's expanded size); false
    /// (and ST006) past `limits.maxAliasExpansion`.
    private mutating func countExpansion(_ weight: Int, at mark: SourceMark) -> Bool {
        expanded += weight
        guard expanded > limits.maxAliasExpansion else { return true }
        return stop(
            .maxAliasExpansion, at: mark, "aliases expand to more than \(limits.maxAliasExpansion.grouped) nodes, the limit (max-alias-expansion)",
            advice: "remove the nested aliases; a flow file does not need alias expansion on this scale")
    }

    /// ST006 for the limit `key`, with how to raise it; the document is not read further.
    private mutating func stop(_ key: LoadLimits.Key, at mark: SourceMark, _ message: String, advice: String) -> Bool {
        sink.report(StructureRule.resourceLimit, at: mark, path: currentPath(), message, fix: limits.howToRaise(key, prefix: advice))
        state = .failed
        return false
    }

    private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?, countNode: Bool = true) {
        if countNode {
            guard countWritten(at: node.mark) else { return }
        }
        if let anchor {
            anchors[anchor] = (node, weight)
        }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].weight += weight
        switch stack[top].kind {
        case .sequence:
            itemScratch.push(node)
            stack[top].count += 1
        case .mapping:
            if let key = stack[top].pendingKey {
                stack[top].pendingKey = nil
                stack[top].count += 1
                if top == 0, let handOff {
                    if let text = key.text { topKeys.insert(text) }
                    handOff.pair(YAMLPair(key: key, value: node))
                } else if top == 1, stack[1].streams {
                    streamEntry(YAMLPair(key: key, value: node))
                } else {
                    pairScratch.push(YAMLPair(key: key, value: node))
                }
            } else {
                stack[top].pendingKey = node
            }
        }
    }

    /// One entry of a streamed section: handed over at once, unless its id
    /// repeats one before it (ST003, as `finishMapping` reports it) or it is a
    /// merge key (applied when the section ends, after the explicit entries).
    private mutating func streamEntry(_ pair: YAMLPair) {
        guard let section = streaming, let handOff else { return }
        if let s = pair.key.scalar, s.style == .plain, s.text == "<<" {
            streamedMerges.append((pair.value, pair.key.mark))
            return
        }
        if let text = pair.keyText {
            if let first = streamedIDs[text] {
                sink.report(
                    StructureRule.duplicateKey, at: pair.key.mark, path: section + "." + text,
                    "duplicate key '\(text)': it was already given at line \(first.line), column \(first.column)",
                    fix: "remove or rename one of them; ids must be unique")
                return
            }
            streamedIDs[text] = pair.key.mark
        }
        handOff.entry(section, pair)
    }

    /// The end of a streamed section: its merge keys bring in the entries
    /// whose ids were not given explicitly, at the merge key's position.
    private mutating func finishStreamedSection() {
        defer {
            streaming = nil
            streamedIDs = [:]
            streamedMerges = []
        }
        guard let section = streaming, let handOff else { return }
        var ids = streamedIDs
        for pair in merged(streamedMerges, notIn: &ids) { handOff.entry(section, pair) }
    }

    /// The pairs merge keys bring in (`<<: *a` or `<<: [*a, *b]`), in order,
    /// but for keys given explicitly or by an earlier merge (`seen`, which
    /// gains each key brought in). A merged pair applies where its merge key is
    /// written; a merge of anything but mappings is ST002.
    private mutating func merged(_ merges: [(node: YAMLNode, at: SourceMark)], notIn seen: inout [String: SourceMark]) -> [YAMLPair] {
        var out: [YAMLPair] = []
        for (merge, mergeMark) in merges {
            let sources: [YAMLNode]
            switch merge.content {
            case .mapping: sources = [merge]
            case .sequence(let items): sources = items
            case .scalar:
                sources = []
                reportBadMerge(at: merge.mark)
            }
            for source in sources {
                guard let sourcePairs = source.pairs else {
                    reportBadMerge(at: source.mark)
                    continue
                }
                for pair in sourcePairs {
                    guard let text = pair.keyText, seen[text] == nil else { continue }
                    seen[text] = mergeMark
                    out.append(YAMLPair(key: pair.key.withMark(mergeMark), value: pair.value.remarked(at: mergeMark, limit: Self.remarkLimit)))
                }
            }
        }
        return out
    }

    /// Reports duplicate keys (keeping the first) and applies merge keys.
    /// The common case, neither, returns the pairs as they are.
    private mutating func finishMapping(_ pairs: [YAMLPair]) -> [YAMLPair] {
        // Small mappings (most of a flow file) look for duplicates by scanning;
        // large ones (the id-keyed sections) by hashing.
        var clean = true
        if pairs.count <= 16 {
            outer: for i in pairs.indices {
                guard let text = pairs[i].keyText else { continue }
                if text == "<<" { clean = false; break }
                for j in 0..<i where pairs[j].keyText == text {
                    clean = false
                    break outer
                }
            }
        } else {
            var seen = Set<String>()
            seen.reserveCapacity(pairs.count)
            for p in pairs {
                guard let text = p.keyText else { continue }
                if text == "<<" || !seen.insert(text).inserted { clean = false; break }
            }
        }
        if clean { return pairs }

        var out: [YAMLPair] = []
        out.reserveCapacity(pairs.count)
        var seen: [String: SourceMark] = [:]
        var merges: [(node: YAMLNode, at: SourceMark)] = []
        for pair in pairs {
            if let s = pair.key.scalar, s.style == .plain, s.text == "<<" {
                merges.append((pair.value, pair.key.mark))
                continue
            }
            if let text = pair.keyText {
                if let first = seen[text] {
                    let parent = currentPath()
                    sink.report(
                        StructureRule.duplicateKey, at: pair.key.mark, path: parent.isEmpty ? text : parent + "." + text,
                        "duplicate key '\(text)': it was already given at line \(first.line), column \(first.column)",
                        fix: "remove or rename one of them; ids must be unique")
                    continue
                }
                seen[text] = pair.key.mark
            }
            out.append(pair)
        }
        out += merged(merges, notIn: &seen)
        return out
    }

    private mutating func reportBadMerge(at mark: SourceMark) {
        sink.report(
            StructureRule.schema, at: mark, path: currentPath(),
            "a merge key '<<' takes a mapping or a list of mappings",
            fix: "merge an anchored mapping, e.g. '<<: *defaults'")
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}

extension Int32 {
    var nonZero: Int32? { self == 0 ? nil : self }
}

/// Where the loader hands a document over as it reads it, instead of keeping
/// it whole: the caller decodes each part and frees it while the next is read,
/// so peak memory holds one entry's tree, not the document's.
public struct DocumentHandOff {
    /// Each key of the root mapping with its value, as each completes.
    public var pair: (YAMLPair) -> Void
    /// Root keys whose value, when it is a mapping (not anchored, not a
    /// repeated key), is handed over one entry at a time to `entry`; the
    /// section then comes to `pair` as an empty mapping. Repeated ids in it are
    /// ST003 here, and its merge keys are applied here, as for any mapping.
    public var sections: Set<String>
    /// Each entry of a streamed section: the section's key and the entry.
    public var entry: (String, YAMLPair) -> Void

    public init(sections: Set<String> = [], pair: @escaping (YAMLPair) -> Void, entry: @escaping (String, YAMLPair) -> Void = { _, _ in }) {
        self.pair = pair
        self.sections = sections
        self.entry = entry
    }
}
