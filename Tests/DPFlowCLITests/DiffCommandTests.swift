import Foundation
import Testing

@Suite("dpflow diff, end to end")
struct DiffCommandTests {
    static let old = CIFormatsTests.withFindings
    /// Adds a US transfer without a mechanism carrying special category data,
    /// changes the share (now encrypted: resolves TR010's exception... and the
    /// agreement is removed), and removes the partner's retention period change.
    static let new = old
        .replacingOccurrences(of: "  health: {", with: "  health: {")
        .replacingOccurrences(
            of: "data:\n  contact: {name: Contact, subjects: [resident], category: personal}",
            with: "data:\n  contact: {name: Contact, subjects: [resident], category: personal}\n  health: {name: Health, subjects: [resident], category: special, special: [health]}")
        .replacingOccurrences(
            of: "  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: A}",
            with: "  share: {from: crm, to: partner-crm, data: [contact], purpose: support, agreement: A, encrypted: true}\n  health-to-us: {from: crm, to: us-analytics, data: [health], purpose: support, encrypted: true}")
        .replacingOccurrences(
            of: "  partner-crm: {",
            with: "  us-analytics: {name: US analytics, party: host, location: US, classification: OFFICIAL, retention: {health: {period: P1Y, from: x, basis: y, disposal: delete}}}\n  partner-crm: {")

    @Test func showsChangesCalloutsAndFindings() throws {
        let dir = try CLI.scratch(["old.yaml": Self.old, "new.yaml": Self.new])
        let r = try CLI.run(["diff", "old.yaml", "new.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 1, "new errors fail the diff")
        #expect(r.stdout.contains("+ flows.health-to-us"))
        #expect(r.stdout.contains("+ systems.us-analytics"))
        #expect(r.stdout.contains("+ data.health"))
        #expect(r.stdout.contains("~ flows.share (encrypted)"))
        #expect(r.stdout.contains("New restricted transfers:\n  ! flows.health-to-us -> US (us-analytics), no mechanism"))
        #expect(r.stdout.contains("! flows.health-to-us: health (special)"))
        #expect(r.stdout.contains("[TR001] flow 'health-to-us'"))
        #expect(r.stdout.contains("[LB005]"))
        #expect(!r.stdout.contains("[TR001] flow 'council-to-cloud'"), "old findings are not new")
        let markdown = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "markdown"], in: dir)
        #expect(markdown.stdout.contains("> [!WARNING]"))
        #expect(markdown.stdout.contains("| added | `flows.health-to-us` |"))
        let json = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "json"], in: dir)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["newRestrictedTransfers"] as? [Any])?.count == 1)
        #expect((doc["newFindings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "TR001" } == true)
    }

    @Test func reverseDiffResolvesAndPasses() throws {
        let dir = try CLI.scratch(["old.yaml": Self.old, "new.yaml": Self.new])
        let r = try CLI.run(["diff", "new.yaml", "old.yaml", "--as-of", "2026-11-29"], in: dir)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("- flows.health-to-us"))
        #expect(r.stdout.contains("Resolved findings"))
        #expect(r.stdout.contains("[TR001] flows.health-to-us"))
        #expect(r.stdout.contains("New findings (0)") || !r.stdout.contains("error: ["))
    }

    @Test func movedLinesAreNoChange() throws {
        let dir = try CLI.scratch(["old.yaml": Self.old, "new.yaml": "# a new comment\n\n" + Self.old])
        let r = try CLI.run(["diff", "old.yaml", "new.yaml"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("no changes\n"))
    }

    @Test func comparesWithAGitRef() throws {
        let dir = try CLI.scratch(["flows/p.yaml": Self.old])
        func git(_ args: [String]) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", dir.path, "-c", "user.name=t", "-c", "user.email=t@example.org"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "base"])
        try Data(Self.new.utf8).write(to: dir.appendingPathComponent("flows/p.yaml"))
        let r = try CLI.run(["diff", "--git", "HEAD", "flows/p.yaml"], in: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("dpflow diff HEAD:flows/p.yaml -> flows/p.yaml"))
        #expect(r.stdout.contains("+ flows.health-to-us"))
        #expect(try CLI.run(["diff", "--git", "no-such-ref", "flows/p.yaml"], in: dir).status == 2)
        #expect(try CLI.run(["diff", "only-one.yaml"], in: dir).status == 2)
    }
}
