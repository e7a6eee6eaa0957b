import DPFlowRules
import DPFlowYAML
import Testing

/// `.dpflow.yaml` `load-limits:` (issue 13 part 4).
@Suite("Load-limit configuration")
struct LoadLimitConfigurationTests {
    private func load(_ yaml: String) throws(ConfigurationError) -> RuleConfiguration {
        try ConfigurationLoader.load(bytes: Array(yaml.utf8), file: ".dpflow.yaml")
    }

    @Test func goodValuesSetTheLimits() throws {
        let config = try load("load-limits: {max-file-mb: 1024, max-nodes: 100000000, max-depth: 128, max-alias-expansion: 10}\n")
        #expect(config.loadLimits == LoadLimits(maxBytes: 1024 << 20, maxDepth: 128, maxNodes: 100_000_000, maxAliasExpansion: 10))
        #expect(try load("load-limits:\n  max-depth: 32\n").loadLimits == LoadLimits(maxDepth: 32))
        #expect(try load("load-limits:\n").loadLimits == .standard)
        #expect(try load("rules: {}\n").loadLimits == .standard)
        // The ceilings themselves are allowed.
        #expect(try load("load-limits: {max-file-mb: 4096, max-depth: 256}\n").loadLimits.maxBytes == 4096 << 20)
    }

    @Test func unknownAndBadValuesAreErrorsWithPositions() {
        for (yaml, expected) in [
            ("load-limits: {max-file-size: 64}\n", ".dpflow.yaml:1:15: unknown load limit 'max-file-size'; did you mean 'max-file-mb'?"),
            ("load-limits: {max-node: 64}\n", "did you mean 'max-nodes'?"),
            ("load-limit: {max-nodes: 64}\n", ".dpflow.yaml:1:1: unknown key 'load-limit'; did you mean 'load-limits'?"),
            ("load-limits: {max-file-mb: 0}\n", ".dpflow.yaml:1:28: max-file-mb must be a whole number from 1 to 4096 (MiB)"),
            ("load-limits: {max-file-mb: 5000}\n", "max-file-mb must be a whole number from 1 to 4096 (MiB)"),
            ("load-limits: {max-depth: -3}\n", "max-depth must be a whole number from 1 to 256 (levels)"),
            ("load-limits: {max-depth: 300}\n", "max-depth must be a whole number from 1 to 256 (levels)"),
            ("load-limits: {max-nodes: 1.5}\n", "max-nodes must be a whole number from 1 to 1000000000 (nodes)"),
            ("load-limits: {max-nodes: lots}\n", "max-nodes must be a whole number"),
            ("load-limits: {max-alias-expansion: [1]}\n", "max-alias-expansion must be a whole number from 1 to 100000000 (nodes)"),
            ("load-limits: {max-alias-expansion: 99999999999999999999999}\n", "max-alias-expansion must be a whole number"),
            ("load-limits: 64\n", "'load-limits' must be a mapping"),
        ] {
            do {
                _ = try load(yaml)
                Issue.record("accepted \(yaml)")
            } catch {
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(error.message.hasPrefix(".dpflow.yaml:"))
            }
        }
    }
}
