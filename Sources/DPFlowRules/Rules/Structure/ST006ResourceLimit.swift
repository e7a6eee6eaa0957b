import DPFlowModel
import DPFlowDiagnostics

/// ST006: raised while loading and decoding; this type carries its description and examples.
struct ResourceLimitRule: Rule {
    static let description = RuleDescription(
        StructureRule.resourceLimit,
        law: "Safety limits against hostile input (YAML alias bombs, deep nesting, oversized files)",
        link: "https://en.wikipedia.org/wiki/Billion_laughs_attack",
        triggers: "The document exceeds a safety limit: more than 16 MiB (max-file-mb), more than 20 million nodes (max-nodes), nesting deeper than 64 levels (max-depth), or aliases that add more than 5 million nodes (max-alias-expansion). The message names the limit.",
        fix: "Split or flatten the file; a flow file needs neither deep nesting nor alias expansion on that scale. A programme that is large but sound can raise a limit with `load-limits:` in .dpflow.yaml, or --max-file-mb.",
        triggering: [
            RuleExample.file("Nesting 100 levels deep", "dpflow: 1\nprogramme: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n")
        ],
        nonTriggering: [
            RuleExample("An ordinary file")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
