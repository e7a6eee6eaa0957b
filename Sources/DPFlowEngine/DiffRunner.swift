import DPFlowDiagnostics
import DPFlowReporters
import Foundation

/// The output formats of `dpflow diff`.
public enum DiffFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// `dpflow diff OLD NEW` and `dpflow diff --git REF FILE`.
public enum DiffRunner {
    public static func run(old: String, new: String, format: DiffFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        try compare(try side(old, options: options), try side(new, options: options), newName: new, format: format, options: options)
    }

    /// Compares FILE with its version at a git ref (read with `git show REF:./FILE`).
    /// A file the ref does not have (new in the change) is compared with an
    /// empty programme, and so is a FILE no longer on disk (deleted by the
    /// change); a ref that does not exist is an error. `oldPath` is the file's
    /// path at REF when the change renamed it.
    public static func runGit(ref: String, file: String, oldPath: String? = nil, format: DiffFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        guard git(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"], in: nil).status == 0 else {
            throw EngineError("git does not know the ref '\(ref)' (fetch it, e.g. git fetch origin main)")
        }
        let atRef = oldPath ?? file
        let url = URL(fileURLWithPath: atRef)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        // Read relative to the file's folder when it exists, else to the working directory.
        let (directory, spec): (String?, String) =
            FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
            ? (folder, "\(ref):./\(url.lastPathComponent)") : (nil, atRef.hasPrefix("/") ? "\(ref):\(atRef)" : "\(ref):./\(atRef)")
        let oldName = "\(ref):\(atRef)"
        let present = git(["cat-file", "-e", spec], in: directory).status == 0
        let newExists = FileManager.default.fileExists(atPath: file)
        if !present && !newExists {
            throw EngineError("\(file) is neither on disk nor at \(ref)")
        }
        guard present else {
            return try run(old: .empty(oldName), new: file, renamed: false, format: format, options: options)
        }
        let shown = git(["show", spec], in: directory)
        guard shown.status == 0 else {
            throw EngineError("git could not read \(atRef) at \(ref): \(shown.error.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let before = ProgrammeAnalysis.analyse(bytes: Array(shown.output), file: oldName, options: options)
        return try run(old: .analysed(before), new: file, renamed: oldPath.map { $0 != file } ?? false, format: format, options: options)
    }

    static func git(_ args: [String], in directory: String?) -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (directory.map { ["-C", $0] } ?? []) + args
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (127, Data(), "cannot run git: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, data, message)
    }

    enum Side {
        case analysed(ProgrammeAnalysis)
        /// No programme: the file is new (old side) or deleted (new side).
        case empty(String)
    }

    /// `/dev/null` on either side is an empty programme, as in `diff -N`.
    static func side(_ file: String, options: CheckOptions) throws(EngineError) -> Side {
        if file == "/dev/null" { return .empty(file) }
        return .analysed(try ProgrammeAnalysis.analyse(file: file, options: options))
    }

    static func run(old: Side, new: String, renamed: Bool, format: DiffFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let after: Side = FileManager.default.fileExists(atPath: new) ? try side(new, options: options) : .empty(new)
        return try compare(old, after, newName: new, renamed: renamed, format: format, options: options)
    }

    static func compare(_ old: Side, _ new: Side, newName: String, renamed: Bool = false, format: DiffFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        func analysis(_ side: Side) -> ProgrammeAnalysis {
            switch side {
            case .analysed(let a): a
            case .empty(let name): ProgrammeAnalysis(file: name, model: nil, graph: nil, findings: [], screening: nil, rulesRun: [], rulesOff: [])
            }
        }
        let before = analysis(old)
        var after = analysis(new)
        if let baseline = options.baseline { after = after.filtered(by: baseline) }
        var diff = ProgrammeDiff(old: before, new: after)
        diff.fileRenamed = renamed
        let output: String
        switch format {
        case .text: output = DiffReporter.text(diff)
        case .json: output = DiffReporter.json(diff)
        case .markdown: output = DiffReporter.markdown(diff)
        }
        let fails = FindingReport(files: [newName], findings: diff.newFindings).fails(at: options.failOn.severity)
        return CommandOutcome(output: output, exitCode: fails ? 1 : 0)
    }
}

extension ProgrammeAnalysis {
    /// The same analysis with its findings' file shown as another name.
    func renamed(to name: String) -> ProgrammeAnalysis {
        ProgrammeAnalysis(
            file: name, model: model, graph: graph, findings: findings.map { var f = $0; f.file = name; return f },
            screening: screening, rulesRun: rulesRun, rulesOff: rulesOff)
    }

    func filtered(by baseline: Baseline) -> ProgrammeAnalysis {
        ProgrammeAnalysis(
            file: file, model: model, graph: graph, findings: baseline.filterNew(findings), screening: screening,
            rulesRun: rulesRun, rulesOff: rulesOff)
    }
}

/// Renders a `ProgrammeDiff` as text, JSON, or Markdown for a pull-request comment.
enum DiffReporter {
    /// A changed value: `retention.contact.period: P7Y -> P20Y`.
    static func value(_ v: ProgrammeDiff.FieldChange, arrow: String = "->") -> String {
        "\(v.field.isEmpty ? "" : v.field + ": ")\(v.old) \(arrow) \(v.new)"
    }

    static func text(_ d: ProgrammeDiff) -> String {
        // Names, paths and messages come from the files: shown with controls made visible.
        let v = TerminalText.visible
        var out = "dpflow diff \(v(d.old)) -> \(v(d.new))\n"
        if d.isEmpty { return out + (d.fileRenamed ? "renamed; " : "") + "no changes\n" }
        out += "\nChanges (\(d.entities.count)):\n"
        if d.entities.isEmpty { out += "  none\n" }
        for e in d.entities {
            if let old = e.oldPath {
                out += "  \(sign(e.change)) \(v(old)) -> \(v(e.path)) (renamed)\n"
                continue
            }
            out += "  \(sign(e.change)) \(v(e.path))\(e.fields.isEmpty ? "" : " (\(v(e.fields.joined(separator: ", "))))")\n"
            for value in e.values { out += "      \(TextReporter.oneLine(self.value(value)))\n" }
        }
        if !d.newTransfers.isEmpty {
            out += "\nNew restricted transfers:\n" + d.newTransfers.map { "  ! \(v($0.path)) -> \(v($0.destination))\n" }.joined()
        }
        if !d.newSensitiveFlows.isEmpty {
            out += "\nNew flows of special category or criminal offence data:\n" + d.newSensitiveFlows.map { "  ! \(v($0.path)): \(v($0.data))\n" }.joined()
        }
        out += "\nNew findings (\(d.newFindings.count)):\n"
        if d.newFindings.isEmpty { out += "  none\n" }
        for f in d.newFindings { out += "  \(v(f.file)):\(f.line):\(f.column): \(f.severity.rawValue): [\(f.rule)] \(v(f.message))\n" }
        out += "\nResolved findings (\(d.resolvedFindings.count)):\n"
        if d.resolvedFindings.isEmpty { out += "  none\n" }
        for f in d.resolvedFindings { out += "  [\(f.rule)] \(v(f.path)): \(v(f.message))\n" }
        return out
    }

    static func sign(_ change: String) -> String {
        switch change {
        case "added": "+"
        case "removed": "-"
        case "renamed": ">"
        default: "~"
        }
    }

    static func markdown(_ d: ProgrammeDiff) -> String {
        func cell(_ s: String) -> String {
            TerminalText.visible(s.replacing("\n", with: " ")).replacing("|", with: "\\|").replacing("<", with: "&lt;")
        }
        // Nothing changed: no comment at all (an empty body is not posted).
        if d.isEmpty && !d.fileRenamed { return "" }
        var out = "### dpflow: what this change does to the programme\n\n"
        out += "`\(cell(d.old))` → `\(cell(d.new))`\n\n"
        if d.isEmpty { return out + "The file was renamed; the programme in it is unchanged.\n" }
        let errors = d.newFindings.filter { $0.severity == .error }.count
        out += "**\(d.newFindings.count) new finding\(d.newFindings.count == 1 ? "" : "s")** (\(errors) error\(errors == 1 ? "" : "s")), "
        out += "\(d.resolvedFindings.count) resolved, \(d.entities.count) element\(d.entities.count == 1 ? "" : "s") changed.\n\n"
        if !d.newTransfers.isEmpty {
            out += "> [!WARNING]\n> New restricted transfers (data leaving the UK):\n"
            out += d.newTransfers.map { "> - `\(cell($0.path))` → \(cell($0.destination))\n" }.joined() + "\n"
        }
        if !d.newSensitiveFlows.isEmpty {
            out += "> [!WARNING]\n> New flows of special category or criminal offence data:\n"
            out += d.newSensitiveFlows.map { "> - `\(cell($0.path))`: \(cell($0.data))\n" }.joined() + "\n"
        }
        if !d.entities.isEmpty {
            out += "| change | element | what changed |\n|---|---|---|\n"
            out += d.entities.map { e in
                let element = e.oldPath.map { "`\(cell($0))` → `\(cell(e.path))`" } ?? "`\(cell(e.path))`"
                let what = e.values.map { cell(value($0, arrow: "→")) }.joined(separator: "<br>")
                return "| \(e.change) | \(element) | \(what) |\n"
            }.joined() + "\n"
        }
        if !d.newFindings.isEmpty {
            out += "#### New findings\n\n| severity | rule | where | message |\n|---|---|---|---|\n"
            out += d.newFindings.map { "| \($0.severity.rawValue) | \($0.rule) | `\(cell($0.path))` line \($0.line) | \(cell($0.message)) |\n" }.joined() + "\n"
        }
        if !d.resolvedFindings.isEmpty {
            out += "#### Resolved findings\n\n" + d.resolvedFindings.map { "- ~~\($0.rule) `\(cell($0.path))`~~ \(cell($0.message))\n" }.joined()
        }
        return out
    }

    static func json(_ d: ProgrammeDiff) -> String {
        var out = ByteStream()
        out.writeJSON { json in
            json.beginObject()
            json.member("version", 1)
            json.member("old", d.old)
            json.member("new", d.new)
            json.array("changes") { json in
                for e in d.entities {
                    json.beginObject()
                    json.member("path", e.path)
                    json.member("change", e.change)
                    if let old = e.oldPath { json.member("oldPath", old) }
                    json.array("fields") { json in
                        for field in e.fields { json.string(field) }
                    }
                    json.array("values") { json in
                        for v in e.values {
                            json.beginObject()
                            json.member("field", v.field)
                            json.member("old", v.old)
                            json.member("new", v.new)
                            json.endObject()
                        }
                    }
                    json.endObject()
                }
            }
            json.array("newRestrictedTransfers") { json in
                for t in d.newTransfers {
                    json.beginObject()
                    json.member("path", t.path)
                    json.member("destination", t.destination)
                    json.endObject()
                }
            }
            json.array("newSensitiveFlows") { json in
                for f in d.newSensitiveFlows {
                    json.beginObject()
                    json.member("path", f.path)
                    json.member("data", f.data)
                    json.endObject()
                }
            }
            // Findings as check's JSON writes them.
            json.array("newFindings") { json in
                for f in d.newFindings { JSONReporter.finding(f, to: &json) }
            }
            json.array("resolvedFindings") { json in
                for f in d.resolvedFindings { JSONReporter.finding(f, to: &json) }
            }
            json.endObject()
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
