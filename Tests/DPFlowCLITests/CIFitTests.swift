import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs a program (git, bash, python3) in a folder; returns status and output.
@discardableResult
func sh(_ args: [String], in dir: URL, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = dir
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A git repository in a scratch folder.
struct ScratchRepo {
    let dir: URL

    init(_ files: [String: String]) throws {
        dir = try CLI.scratch(files)
        try git("init", "-q", "-b", "main")
        try commitAll("base")
    }

    @discardableResult
    func git(_ args: String...) throws -> String {
        let r = try sh(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + args, in: dir)
        if r.status != 0 { throw EngineFailure("git \(args.joined(separator: " ")): \(r.output)") }
        return r.output
    }

    func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
    }

    func write(_ path: String, _ text: String) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

struct EngineFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Files a real repository has next to its flow files.
enum RepositoryFiles {
    static let workflow = """
        name: ci
        on: {push: {branches: [main]}, pull_request: {}}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: make test

        """
    static let dependabot = """
        version: 2
        updates:
          - package-ecosystem: github-actions
            directory: /
            schedule: {interval: weekly}

        """
}

@Suite("CI and editor fit (issue 11)")
struct CIFitTests {
    static let programme = CIFormatsTests.withFindings
    static let clean = CheckCommandTests.valid

    // MARK: which files are flow files (CLI.md 1.1; defect 9)

    @Test func folderSearchSkipsYAMLWithoutADpflowKeyAndSaysSo() throws {
        let dir = try CLI.scratch([
            "Flows/p.yaml": Self.clean,
            "Flows/ci.yml": RepositoryFiles.workflow,
            "Flows/list.yaml": "- a\n- b\n",
            "Flows/nested.yaml": "config:\n  dpflow: 1\n",
            "Flows/registry.yaml": "dpflow: 1\nregistry: {name: R}\n",
        ])
        let r = try CLI.run(["check", "Flows", "--format", "json", "--fail-on", "never"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["files"] as? [String] == ["Flows/p.yaml", "Flows/registry.yaml"], "a registry has the dpflow key: a flow file")
        #expect(r.stderr.contains("skipped 3 YAML files with no 'dpflow' key"), "\(r.stderr)")
        #expect(try CLI.run(["check", "Flows", "--list-files"], in: dir).stdout == "Flows/p.yaml\nFlows/registry.yaml\n")
    }

    @Test func aNamedFileWithoutTheKeyIsST005() throws {
        let dir = try CLI.scratch(["ci.yml": RepositoryFiles.workflow])
        let r = try CLI.run(["check", "ci.yml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("[ST005]"), "\(r.stdout)")
    }

    @Test func noFlowFileIsExit2IncludingAnEmptyFolder() throws {
        let dir = try CLI.scratch(["only/ci.yml": RepositoryFiles.workflow, "only/.dependabot.yml": RepositoryFiles.dependabot])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try CLI.run(["check", "empty"], in: dir)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no flow files found"))
        let none = try CLI.run(["check", "only"], in: dir)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no flow files found"))
        #expect(try CLI.run(["check", "only", "--list-files"], in: dir).status == 2)
    }

    @Test func excludeGlobsAndListFiles() throws {
        let dir = try CLI.scratch(["Flows/p.yaml": Self.clean, "Flows/drafts/d.yaml": Self.programme])
        let all = try CLI.run(["check", "Flows", "--list-files"], in: dir)
        #expect(all.stdout == "Flows/drafts/d.yaml\nFlows/p.yaml\n")
        let r = try CLI.run(["check", "Flows", "--exclude", "Flows/drafts/*"], in: dir)
        #expect(r.status == 0, "the draft with an error is excluded: \(r.stdout)")
        #expect(r.stdout.hasSuffix("in 1 file\n"))
        #expect(r.stderr.contains("excluded 1 file"))
        #expect(try CLI.run(["check", "Flows", "--exclude", "drafts/*", "--list-files"], in: dir).stdout == "Flows/p.yaml\n", "relative to the folder searched")
    }

    // MARK: pre-commit (defect 1)

    @Test func preCommitHookWorksOfflineInARepositoryWithWorkflows() throws {
        let version = try CLI.run(["--version"]).stdout.split(separator: " ").first.map(String.init) ?? ""
        #expect(!version.isEmpty)
        // The hook repository: this package's .pre-commit-hooks.yaml, tagged as a release is.
        let hooks = try ScratchRepo([
            ".pre-commit-hooks.yaml": try String(contentsOf: CLI.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        ])
        try hooks.git("tag", "v\(version)")
        // docs/ci.md pins the same tag scheme.
        let docs = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        #expect(docs.contains("rev: v\(version) "), "docs/ci.md pins v + `dpflow --version`")
        let changelog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## \(version)"))

        let config = """
            repos:
              - repo: \(hooks.dir.path)
                rev: v\(version)
                hooks:
                  - id: dpflow-check

            """
        let project = try ScratchRepo([
            ".pre-commit-config.yaml": config,
            ".github/workflows/ci.yml": RepositoryFiles.workflow,
            ".github/dependabot.yml": RepositoryFiles.dependabot,
            ".dpflow.yaml": "rules:\n  GR001: {enabled: false}\n",
            "Flows/my programme.yaml": Self.clean,
        ])
        let binDir = CLI.binary.deletingLastPathComponent().path
        let env = [
            "PATH": "\(binDir):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
            "PRE_COMMIT_HOME": project.dir.appendingPathComponent(".cache-pre-commit").path,
            // Offline: no proxy can be reached, and pre-commit must not need one.
            "https_proxy": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9",
        ]
        try project.write(".gitignore", ".cache-pre-commit/\n")
        try project.commitAll("ignore")
        let green = try sh(["python3", "-m", "pre_commit", "run", "--all-files"], in: project.dir, environment: env)
        #expect(green.status == 0, "\(green.output)")
        #expect(green.output.contains("dpflow check") && green.output.contains("Passed"), "\(green.output)")

        // Only workflows staged: no flow file, the hook passes.
        let onlyWorkflows = try sh(
            ["python3", "-m", "pre_commit", "run", "--files", ".github/workflows/ci.yml", ".github/dependabot.yml", ".pre-commit-config.yaml"],
            in: project.dir, environment: env)
        #expect(onlyWorkflows.status == 0, "\(onlyWorkflows.output)")

        // A broken flow file fails the hook with the finding.
        try project.write("Flows/my programme.yaml", Self.clean.replacingOccurrences(of: "to: crm,", with: "to: crn,"))
        let red = try sh(["python3", "-m", "pre_commit", "run", "--all-files"], in: project.dir, environment: env)
        #expect(red.status == 1, "\(red.output)")
        #expect(red.output.contains("[ST004]"), "\(red.output)")
        #expect(!red.output.contains("ci.yml:"), "workflows are not checked: \(red.output)")
    }

    // MARK: the CI workflow's shell steps (defect 2)

    @Test func diffCommentScriptHandlesNewDeletedRenamedAndSpaces() throws {
        let repo = try ScratchRepo([
            "Flows/kept.yaml": Self.programme,
            "Flows/to delete.yaml": Self.clean,
            "Flows/old name.yaml": Self.clean.replacingOccurrences(of: "name: Small", with: "name: Renamed one"),
            "Flows/same.yaml": Self.clean.replacingOccurrences(of: "name: Small", with: "name: Same"),
            ".github/workflows/ci.yml": RepositoryFiles.workflow,
        ])
        try repo.git("checkout", "-q", "-b", "change")
        try repo.git("rm", "-q", "Flows/to delete.yaml")
        try FileManager.default.createDirectory(at: repo.dir.appendingPathComponent("Flows/sub dir"), withIntermediateDirectories: true)
        try repo.git("mv", "Flows/old name.yaml", "Flows/sub dir/new name.yaml")
        try repo.write("Flows/brand new.yaml", Self.programme)
        try repo.write("Flows/kept.yaml", Self.programme.replacingOccurrences(of: "period: P7Y", with: "period: P20Y"))
        try repo.write(".github/workflows/ci.yml", RepositoryFiles.workflow + "# changed\n")
        try repo.commitAll("change")
        let script = CLI.packageRoot.appendingPathComponent("scripts/ci/diff-comment.sh").path
        let env = ["DPFLOW": CLI.binary.path, "DPFLOW_DIFF_OPTIONS": "--as-of 2026-11-29"]
        let r = try sh(["bash", script, "main", "Flows"], in: repo.dir, environment: env)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("`main:Flows/brand new.yaml` → `Flows/brand new.yaml`"), "new file: \(r.output)")
        #expect(r.output.contains("[TR001]") || r.output.contains("| TR001 |"), "the new file's findings are new")
        #expect(r.output.contains("`main:Flows/to delete.yaml` → `Flows/to delete.yaml`"), "deleted file")
        #expect(r.output.contains("| removed | `flows.intake` |"), "a deleted file removes its flows")
        #expect(r.output.contains("`main:Flows/old name.yaml` → `Flows/sub dir/new name.yaml`\n\nThe file was renamed; the programme in it is unchanged."), "renamed file: \(r.output)")
        #expect(r.output.contains("P7Y → P20Y"), "changed value with old and new")
        #expect(!r.output.contains("same.yaml"), "an unchanged file gives nothing")
        #expect(!r.output.contains("ci.yml"), "only flow files under the folder")

        // Nothing changed under Flows: no comment at all.
        try repo.git("checkout", "-q", "main")
        try repo.git("checkout", "-q", "-b", "workflows-only")
        try repo.write(".github/workflows/ci.yml", RepositoryFiles.workflow + "# other\n")
        try repo.commitAll("workflow")
        let none = try sh(["bash", script, "main"], in: repo.dir, environment: env)
        #expect(none.status == 0)
        #expect(none.output.isEmpty, "\(none.output)")
        #expect(try sh(["bash", script, "no-such-branch"], in: repo.dir, environment: env).status == 2)
    }

    /// The workflows in docs/ci.md, read as YAML: the comment and the upload
    /// run when the check fails, and the shell steps are the tested script.
    @Test func docsWorkflowsRunTheCommentWhenTheCheckFails() throws {
        let program = #"""
            import re, sys, yaml
            text = open(sys.argv[1]).read()
            blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
            github = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
            steps = github["jobs"]["check"]["steps"]
            upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
            comment = next(s for s in steps if "diff-comment.sh" in s.get("run", ""))
            assert "always()" in upload["if"], upload
            assert "always()" in comment["if"], comment
            assert "$(" not in comment["run"], "no word-split command substitution"
            gitlab = next(b for b in blocks if isinstance(b, dict) and "dpflow" in b)["dpflow"]
            assert any("diff-comment.sh" in line for line in gitlab["after_script"]), gitlab
            assert gitlab["artifacts"]["when"] == "always"
            print("ok")
            """#
        let dir = try CLI.scratch(["check.py": program])
        let r = try sh(["python3", "check.py", CLI.packageRoot.appendingPathComponent("docs/ci.md").path], in: dir)
        #expect(r.status == 0 && r.output.contains("ok"), "\(r.output)")
    }

    @Test func gitDiffOfANewOrDeletedFileIsNotAnError() throws {
        let repo = try ScratchRepo(["Flows/a.yaml": Self.clean])
        try repo.write("Flows/b.yaml", Self.clean)
        let new = try CLI.run(["diff", "--git", "HEAD", "Flows/b.yaml"], in: repo.dir)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("+ flows.intake"))
        try FileManager.default.removeItem(at: repo.dir.appendingPathComponent("Flows/a.yaml"))
        let deleted = try CLI.run(["diff", "--git", "HEAD", "Flows/a.yaml"], in: repo.dir)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("- flows.intake"))
        #expect(try CLI.run(["diff", "--git", "no-such-ref", "Flows/b.yaml"], in: repo.dir).status == 2)
        #expect(try CLI.run(["diff", "--git", "HEAD", "Flows/neither.yaml"], in: repo.dir).status == 2)
    }

    // MARK: diff (defect 10)

    @Test func diffShowsRenamesAndOldAndNewValues() throws {
        let renamed = Self.programme
            .replacingOccurrences(of: "  share: {", with: "  share-with-partner: {")
            .replacingOccurrences(of: "at: flows.share,", with: "at: flows.share-with-partner,")
            .replacingOccurrences(of: "period: P7Y", with: "period: P20Y")
        let dir = try CLI.scratch(["old.yaml": Self.programme, "new.yaml": renamed])
        let r = try CLI.run(["diff", "old.yaml", "new.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(r.stdout.contains("> flows.share -> flows.share-with-partner (renamed)"), "\(r.stdout)")
        #expect(!r.stdout.contains("+ flows.share-with-partner"))
        #expect(r.stdout.contains("retention.contact.period: P7Y -> P20Y"), "\(r.stdout)")
        // A renamed flow keeps its transfer and findings: nothing new, nothing resolved.
        let cloud = Self.programme.replacingOccurrences(of: "council-to-cloud:", with: "crm-to-cloud:")
        try Data(cloud.utf8).write(to: dir.appendingPathComponent("cloud.yaml"))
        let moved = try CLI.run(["diff", "old.yaml", "cloud.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(moved.status == 0)
        #expect(moved.stdout.contains("> flows.council-to-cloud -> flows.crm-to-cloud (renamed)"), "\(moved.stdout)")
        #expect(!moved.stdout.contains("New restricted transfers"), "\(moved.stdout)")
        #expect(moved.stdout.contains("New findings (0)") && moved.stdout.contains("Resolved findings (0)"), "\(moved.stdout)")
        let md = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "markdown", "--as-of", "2026-11-29"], in: dir)
        #expect(md.stdout.contains("| renamed | `flows.share` → `flows.share-with-partner` |"))
        #expect(md.stdout.contains("retention.contact.period: P7Y → P20Y"))
        let json = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "json", "--as-of", "2026-11-29"], in: dir)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(doc["changes"] as? [[String: Any]])
        let system = try #require(changes.first { $0["path"] as? String == "systems.partner-crm" })
        let values = try #require(system["values"] as? [[String: String]])
        #expect(values == [["field": "retention.contact.period", "old": "P7Y", "new": "P20Y"]])
    }

    @Test func changedValuesAreNamedAsTheFileSpellsThem() throws {
        let changed = Self.programme
            .replacingOccurrences(of: "location: US, retention", with: "location: [US, IE], retention")
            .replacingOccurrences(of: "article-6: public-task, legal-power: Act", with: "article-6: [public-task, legal-obligation], legal-power: Act")
        let dir = try CLI.scratch(["old.yaml": Self.programme, "new.yaml": changed])
        let r = try CLI.run(["diff", "old.yaml", "new.yaml"], in: dir)
        #expect(r.stdout.contains("~ systems.cloud (location)\n      location: [US] -> [US, IE]\n"), "\(r.stdout)")
        #expect(r.stdout.contains("purposes.support.lawful-basis.article-6: [public-task] -> [public-task, legal-obligation]"), "\(r.stdout)")
    }

    @Test func anUnchangedFileYieldsNoComment() throws {
        let dir = try CLI.scratch(["old.yaml": Self.programme, "new.yaml": "# only a comment\n" + Self.programme])
        let md = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "markdown"], in: dir)
        #expect(md.status == 0)
        #expect(md.stdout.isEmpty)
        let text = try CLI.run(["diff", "old.yaml", "new.yaml"], in: dir)
        #expect(text.stdout == "dpflow diff old.yaml -> new.yaml\nno changes\n")
    }

    // MARK: SARIF (defects 4 and 8)

    static func sarif(_ stdout: String) throws -> (run: [String: Any], results: [[String: Any]], rules: [[String: Any]]) {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        return (run, try #require(run["results"] as? [[String: Any]]), rules)
    }

    @Test func sarifFromASubfolderHasRepositoryRelativeURIsAndValidates() throws {
        let withQuestion = Self.programme.replacingOccurrences(of: "  intake: {from: resident, to: crm,", with: "  intake: {from: resident, to: crn,")
        let repo = try ScratchRepo(["team/Flows/p.yaml": withQuestion])
        let sub = repo.dir.appendingPathComponent("team")
        let r = try CLI.run(["check", "Flows", "--format", "sarif", "-o", "out.sarif", "--as-of", "2026-11-29"], in: sub)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "-o writes the file instead")
        let v = try validate(["sarif", sub.appendingPathComponent("out.sarif").path])
        #expect(v.status == 0, "\(v.output)")
        let text = try String(contentsOf: sub.appendingPathComponent("out.sarif"), encoding: .utf8)
        let (run, results, rules) = try Self.sarif(text)
        #expect(run["originalUriBaseIds"] != nil)
        #expect(!text.contains(repo.dir.path), "no absolute path of the machine")
        let tr001 = try #require(results.first { $0["ruleId"] as? String == "TR001" })
        let artifact = try #require(
            ((tr001["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "team/Flows/p.yaml", "uriBaseId": "SRCROOT"])
        let prints = try #require(tr001["partialFingerprints"] as? [String: String])
        #expect(prints["primaryLocationLineHash"]?.hasSuffix(":1") == true)
        // Messages are punctuated once: ST004's "did you mean 'crm'?" is not followed by ".".
        for result in results {
            let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
            let withoutEllipses = message.replacingOccurrences(of: "...", with: "")
            #expect(!message.contains("?.") && !message.contains("!.") && !withoutEllipses.contains(".."), "\(message)")
        }
        #expect(results.contains { (($0["message"] as? [String: Any])?["text"] as? String)?.contains("'crm'? Fix:") == true })
        // Rules: a sentence, tags without spaces, security-severity and precision.
        for rule in rules {
            let short = try #require((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            #expect(short.hasSuffix(".") && short != rule["id"] as? String && short.first?.isUppercase == true, "\(short)")
            let properties = try #require(rule["properties"] as? [String: Any])
            let tags = try #require(properties["tags"] as? [String])
            #expect(tags.allSatisfy { !$0.contains(" ") }, "\(tags)")
            #expect(Double(properties["security-severity"] as? String ?? "") != nil)
            #expect(["very-high", "high", "medium", "low"].contains(properties["precision"] as? String ?? ""))
        }
        // The excepted TR010 is suppressed with a status; RT004's trace is a code flow.
        let excepted = try #require(results.first { $0["ruleId"] as? String == "TR010" })
        #expect((excepted["suppressions"] as? [[String: Any]])?.first?["status"] as? String == "accepted")
        let rt004 = try #require(results.first { $0["ruleId"] as? String == "RT004" })
        let flow = try #require((rt004["codeFlows"] as? [[String: Any]])?.first?["threadFlows"] as? [[String: Any]])
        #expect((flow.first?["locations"] as? [Any])?.count == 2)
    }

    @Test func primaryLocationLineHashSurvivesEditsOfTheLine() throws {
        func hash(_ text: String) throws -> String? {
            let dir = try CLI.scratch(["p.yaml": text])
            let (_, results, _) = try Self.sarif(try CLI.run(["check", "--format", "sarif", "p.yaml"], in: dir).stdout)
            let tr001 = results.first { $0["ruleId"] as? String == "TR001" }
            return (tr001?["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"]
        }
        let edited = "# moved down\n" + Self.programme.replacingOccurrences(
            of: "council-to-cloud: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}",
            with: "council-to-cloud: {from: crm, to: cloud, purpose: support, data: [contact], encrypted: true}  # reordered")
        let before = try #require(try hash(Self.programme))
        #expect(before == (try hash(edited)))
    }

    @Test func sarifKeepsBaselinedResultsAndListsOnlyRulesThatRan() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme])
        let json = try CLI.run(["check", "--format", "json", "p.yaml"], in: dir)
        try Data(json.stdout.utf8).write(to: dir.appendingPathComponent("baseline.json"))
        let added = Self.programme.replacingOccurrences(
            of: "  share: {", with: "  more: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}\n  share: {")
        try Data(added.utf8).write(to: dir.appendingPathComponent("p.yaml"))
        let r = try CLI.run(["check", "--format", "sarif", "p.yaml", "--baseline", "baseline.json", "--ignore", "GR001,gr002"], in: dir)
        #expect(r.status == 1, "the new TR001 fails")
        let (_, results, rules) = try Self.sarif(r.stdout)
        let states = Dictionary(grouping: results, by: { $0["baselineState"] as? String ?? "none" })
        #expect(states["new"]?.compactMap { $0["ruleId"] as? String } == ["TR001"])
        #expect(states["unchanged"]?.contains { $0["ruleId"] as? String == "TR001" } == true, "the old TR001 is kept, unchanged")
        #expect(states["none"] == nil)
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(!ids.contains("GR001") && !ids.contains("GR002"), "ignored rules are not listed")
        #expect(ids.contains("TR001") && ids.contains("ST001"))
        for result in results {
            let i = try #require(result["ruleIndex"] as? Int)
            #expect(rules[i]["id"] as? String == result["ruleId"] as? String)
        }
        let out = dir.appendingPathComponent("b.sarif")
        try Data(r.stdout.utf8).write(to: out)
        #expect(try validate(["sarif", out.path]).status == 0)
    }

    // MARK: JUnit (defect 7)

    @Test func junitFailsOnlyAtTheThresholdWithClassnameFileAndTime() throws {
        let warningsOnly = Self.programme.replacingOccurrences(
            of: "council-to-cloud: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true}",
            with: "council-to-cloud: {from: crm, to: cloud, data: [contact], purpose: support, encrypted: true, transfer: {mechanism: idta, tra: TRA-1}}")
        let dir = try CLI.scratch(["Flows/p.v2.yaml": warningsOnly])
        let r = try CLI.run(["check", "--format", "junit", "Flows", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 0, "a green run: \(r.stdout)")
        #expect(XMLParser(data: Data(r.stdout.utf8)).parse())
        #expect(!r.stdout.contains("<failure"), "no failed test on a green run")
        #expect(r.stdout.contains("<testsuites name=\"dpflow\"") && r.stdout.contains("failures=\"0\""))
        #expect(r.stdout.contains("<system-out>Flows/p.v2.yaml:20:"), "the warning is reported as output of a passed test")
        #expect(r.stdout.contains("classname=\"Flows/p_v2\" file=\"Flows/p.v2.yaml\" time=\"0\""), "no dot in classname")
        let warning = try CLI.run(["check", "--format", "junit", "Flows", "--fail-on", "warning", "--as-of", "2026-11-29"], in: dir)
        #expect(warning.status == 1)
        #expect(warning.stdout.contains("<failure message=\"system &apos;partner-crm&apos; keeps"))
    }

    // MARK: init (defect 6)

    @Test func initSchemaPathIsRelativeToTheWrittenFile() throws {
        let dir = try CLI.scratch([:])
        #expect(try CLI.run(["init", "-o", "Flows/x.yaml"], in: dir).status == 0)
        let text = try String(contentsOf: dir.appendingPathComponent("Flows/x.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../dpflow-schema.json\n"))
        #expect(try CLI.run(["init", "-o", "top.yaml"], in: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("top.yaml"), encoding: .utf8).hasPrefix("# yaml-language-server: $schema=dpflow-schema.json\n"))
        #expect(try CLI.run(["init", "-o", "a/b/c.yaml", "--schema", "schemas/flow.json"], in: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("a/b/c.yaml"), encoding: .utf8).hasPrefix("# yaml-language-server: $schema=../../schemas/flow.json\n"))
        // The reference resolves: the schema written where it points validates the file.
        try Data(try CLI.run(["schema"]).stdout.utf8).write(to: dir.appendingPathComponent("dpflow-schema.json"))
        let resolved = dir.appendingPathComponent("Flows").appendingPathComponent("../dpflow-schema.json").standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: resolved.path))
        #expect(try validate(["flow", resolved.path, dir.appendingPathComponent("Flows/x.yaml").path]).status == 0)
    }

    @Test func versionAndSchemaNameTheFormatRevision() throws {
        let v = try CLI.run(["--version"])
        #expect(v.stdout.contains("(flow-file format 1.1)"), "\(v.stdout)")
        #expect(try CLI.run(["schema"]).stdout.contains("revision 1.1"))
    }

    // MARK: conventions (11)

    @Test func severalOutputsInOneRun() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme])
        let r = try CLI.run(
            ["check", "p.yaml", "--report", "sarif:out/dpflow.sarif", "--report", "junit:out/dpflow.xml", "--report", "json:out/f.json"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("[TR001]") && r.stdout.hasSuffix("in 1 file\n"), "text to the log")
        #expect(try validate(["sarif", dir.appendingPathComponent("out/dpflow.sarif").path]).status == 0)
        #expect(XMLParser(contentsOf: dir.appendingPathComponent("out/dpflow.xml"))?.parse() == true)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/f.json"))) as? [String: Any]
        #expect(json?["findings"] != nil)
        let bad = try CLI.run(["check", "p.yaml", "--report", "nonsense:x"], in: dir)
        #expect(bad.status == 2)
    }

    @Test func quietAndMaxWarnings() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme, "Flows/ci.yml": RepositoryFiles.workflow, "Flows/p.yaml": Self.programme])
        let quiet = try CLI.run(["check", "Flows", "--quiet"], in: dir)
        #expect(quiet.status == 1)
        #expect(quiet.stdout.contains("error: [TR001]"))
        #expect(!quiet.stdout.contains("warning:"), "only what fails the run")
        #expect(!quiet.stdout.contains(" in 1 file"), "no summary")
        #expect(quiet.stderr.isEmpty, "no notes: \(quiet.stderr)")
        #expect(try CLI.run(["check", "Flows", "--max-warnings", "-1"], in: dir).status == 2)
    }

    @Test func maxWarningsFailsPastTheCount() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme])
        // One counting warning (RT004; TR010 is excepted) besides the error.
        #expect(try CLI.run(["check", "p.yaml", "--fail-on", "never", "--max-warnings", "1"], in: dir).status == 0)
        #expect(try CLI.run(["check", "p.yaml", "--fail-on", "never", "--max-warnings", "0"], in: dir).status == 1)
    }

    @Test func colourFlagsAndEnvironment() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme])
        let esc = "\u{1B}["
        #expect(!(try CLI.run(["check", "p.yaml"], in: dir, environment: ["NO_COLOR": "", "FORCE_COLOR": ""]).stdout.contains(esc)), "not a terminal")
        // An empty NO_COLOR counts as unset (no-color.org); the test runner may set it.
        #expect(try CLI.run(["check", "p.yaml"], in: dir, environment: ["FORCE_COLOR": "1", "NO_COLOR": ""]).stdout.contains(esc))
        #expect(!(try CLI.run(["check", "p.yaml"], in: dir, environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"]).stdout.contains(esc)), "NO_COLOR wins")
        #expect(!(try CLI.run(["check", "p.yaml"], in: dir, environment: ["FORCE_COLOR": "0", "NO_COLOR": ""]).stdout.contains(esc)))
        #expect(try CLI.run(["check", "p.yaml", "--color"], in: dir, environment: ["NO_COLOR": "1"]).stdout.contains(esc), "the flag is explicit")
        #expect(!(try CLI.run(["check", "p.yaml", "--no-color"], in: dir, environment: ["FORCE_COLOR": "1", "NO_COLOR": ""]).stdout.contains(esc)))
        #expect(!(try CLI.run(["check", "p.yaml", "--format", "json", "--color"], in: dir).stdout.contains(esc)), "colour is for text only")
    }

    @Test func selectAndIgnoreRules() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme])
        let selected = try CLI.run(["check", "p.yaml", "--select", "RT004", "--format", "json"], in: dir)
        let rules = Set(((try JSONSerialization.jsonObject(with: Data(selected.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules == ["RT004"], "\(rules)")
        #expect(selected.status == 0)
        let ignored = try CLI.run(["check", "p.yaml", "--ignore", "TR001"], in: dir)
        #expect(!ignored.stdout.contains("[TR001]"))
        #expect(ignored.status == 0)
        let st = try CLI.run(["check", "p.yaml", "--ignore", "ST002"], in: dir)
        #expect(st.status == 2)
        #expect(st.stderr.contains("cannot be ignored"))
        let unknown = try CLI.run(["check", "p.yaml", "--select", "TR01"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean"), "\(unknown.stderr)")
        // Structure rules always run under --select.
        let broken = try CLI.scratch(["b.yaml": "dpflow: 1\nprogramme: [\n"])
        #expect(try CLI.run(["check", "b.yaml", "--select", "TR001"], in: broken).stdout.contains("[ST001]"))
    }

    @Test func standardInput() throws {
        let dir = try CLI.scratch(["p.yaml": Self.programme])
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["check", "-", "--as-of", "2026-11-29"]
        p.currentDirectoryURL = dir
        let input = Pipe()
        let output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data(Self.programme.utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(out.contains("<stdin>:23:37: error: [TR001]"), "\(out)")
        #expect(out.hasSuffix("in 1 file\n"))
    }

    @Test func codeClimateHasGitLabsRequiredFields() throws {
        let repo = try ScratchRepo(["svc/Flows/p.yaml": Self.programme])
        let sub = repo.dir.appendingPathComponent("svc")
        let r = try CLI.run(["check", "Flows", "--format", "codeclimate", "--as-of", "2026-11-29"], in: sub)
        #expect(r.status == 1)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 2, "TR001 and RT004; the excepted TR010 is left out")
        var prints = Set<String>()
        for issue in issues {
            #expect(issue["type"] as? String == "issue")
            #expect(!(issue["description"] as? String ?? "").isEmpty)
            #expect(!(issue["check_name"] as? String ?? "").isEmpty)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
            let fingerprint = try #require(issue["fingerprint"] as? String)
            #expect(prints.insert(fingerprint).inserted, "fingerprints are unique")
            let location = try #require(issue["location"] as? [String: Any])
            #expect(location["path"] as? String == "svc/Flows/p.yaml", "relative to the repository root")
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
        }
        let empty = try CLI.run(["check", "p.yaml", "--format", "codeclimate"], in: try CLI.scratch(["p.yaml": Self.clean]))
        #expect(empty.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func checkstyleIsWellFormedWithTheStandardStructure() throws {
        let dir = try CLI.scratch(["Flows/p.yaml": Self.programme, "Flows/clean.yaml": Self.clean])
        let r = try CLI.run(["check", "Flows", "--format", "checkstyle", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 1)
        let doc = try XMLDocument(data: Data(r.stdout.utf8))
        let root = try #require(doc.rootElement())
        #expect(root.name == "checkstyle")
        let files = root.elements(forName: "file")
        #expect(files.compactMap { $0.attribute(forName: "name")?.stringValue } == ["Flows/clean.yaml", "Flows/p.yaml"])
        let errors = files[1].elements(forName: "error")
        #expect(errors.count == 2)
        for e in errors {
            for attribute in ["line", "column", "severity", "message", "source"] {
                #expect(e.attribute(forName: attribute) != nil, "\(attribute)")
            }
            #expect(["error", "warning", "info"].contains(e.attribute(forName: "severity")?.stringValue ?? ""))
        }
        #expect(errors.contains { $0.attribute(forName: "source")?.stringValue == "dpflow.TR001" })
    }

    @Test func helpDocumentsTheConventions() throws {
        let help = try CLI.run(["check", "--help"]).stdout
        for option in ["--output", "--report", "--quiet", "--max-warnings", "--color", "--no-color", "FORCE_COLOR", "--select", "--ignore", "--exclude", "--list-files", "--stdin-filename", "codeclimate", "checkstyle"] {
            #expect(help.contains(option), "\(option) in check --help")
        }
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for option in ["--report", "--quiet", "--max-warnings", "--no-color", "FORCE_COLOR", "--select", "--ignore", "--exclude", "--list-files", "codeclimate", "checkstyle", "check -"] {
            #expect(readme.contains(option), "\(option) in the README")
        }
    }
}
