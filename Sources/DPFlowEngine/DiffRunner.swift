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
        try run(oldFile: old, oldName: old, new: new, format: format, options: options)
    }

    /// Compares FILE with its version at a git ref (read with `git show REF:./FILE`).
    public static func runGit(ref: String, file: String, format: DiffFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let url = URL(fileURLWithPath: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", url.deletingLastPathComponent().path, "show", "\(ref):./\(url.lastPathComponent)"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw EngineError("cannot run git: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EngineError("git could not read \(file) at \(ref): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        // A private temporary file (O_EXCL|O_NOFOLLOW, 0600, random name): a
        // predictable name in the shared temporary folder could be a planted link.
        let folder = FileManager.default.temporaryDirectory.path
        let (fd, temporary, slot) = try SafeFile.createTemporary(in: folder, shown: "the temporary folder")
        defer {
            unlink(temporary)
            TemporaryFileRegistry.unregister(slot)
        }
        let failed = SafeFile.writeAll(fd, [UInt8](data))
        close(fd)
        if let failed { throw EngineError("cannot write a temporary file: \(SafeFile.describeWrite(failed))") }
        return try run(oldFile: temporary, oldName: "\(ref):\(file)", new: file, format: format, options: options)
    }

    static func run(oldFile: String, oldName: String, new: String, format: DiffFormat, options: CheckOptions) throws(EngineError) -> CommandOutcome {
        let before = try ProgrammeAnalysis.analyse(file: oldFile, options: options).renamed(to: oldName)
        var after = try ProgrammeAnalysis.analyse(file: new, options: options)
        if let baseline = options.baseline { after = after.filtered(by: baseline) }
        let diff = ProgrammeDiff(old: before, new: after)
        let output: String
        switch format {
        case .text: output = DiffReporter.text(diff)
        case .json: output = DiffReporter.json(diff)
        case .markdown: output = DiffReporter.markdown(diff)
        }
        let fails = FindingReport(files: [new], findings: diff.newFindings).fails(at: options.failOn.severity)
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
    static func text(_ d: ProgrammeDiff) -> String {
        // Names, paths and messages come from the files: shown with controls made visible.
        let v = TerminalText.visible
        var out = "dpflow diff \(v(d.old)) -> \(v(d.new))\n"
        out += "\nChanges (\(d.entities.count)):\n"
        if d.entities.isEmpty { out += "  none\n" }
        for e in d.entities {
            out += "  \(sign(e.change)) \(v(e.path))\(e.fields.isEmpty ? "" : " (\(v(e.fields.joined(separator: ", "))))")\n"
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
        default: "~"
        }
    }

    static func markdown(_ d: ProgrammeDiff) -> String {
        func cell(_ s: String) -> String {
            TerminalText.visible(s.replacing("\n", with: " ")).replacing("|", with: "\\|").replacing("<", with: "&lt;")
        }
        var out = "### dpflow: what this change does to the programme\n\n"
        out += "`\(cell(d.old))` → `\(cell(d.new))`\n\n"
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
            out += "| change | element | fields |\n|---|---|---|\n"
            out += d.entities.map { "| \($0.change) | `\(cell($0.path))` | \(cell($0.fields.joined(separator: ", "))) |\n" }.joined() + "\n"
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
        JSONValue.object([
            ("version", .int(1)),
            ("old", .string(d.old)),
            ("new", .string(d.new)),
            ("changes", .array(d.entities.map { e in
                .object([("path", .string(e.path)), ("change", .string(e.change)), ("fields", .array(e.fields.map(JSONValue.string)))])
            })),
            ("newRestrictedTransfers", .array(d.newTransfers.map { .object([("path", .string($0.path)), ("destination", .string($0.destination))]) })),
            ("newSensitiveFlows", .array(d.newSensitiveFlows.map { .object([("path", .string($0.path)), ("data", .string($0.data))]) })),
            ("newFindings", .array(d.newFindings.map(JSONReporter.finding))),
            ("resolvedFindings", .array(d.resolvedFindings.map(JSONReporter.finding))),
        ]).rendered()
    }
}
