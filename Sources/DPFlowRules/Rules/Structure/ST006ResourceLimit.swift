import DPFlowModel
import DPFlowDiagnostics

/// ST006: raised while loading and decoding; this type carries its description and examples.
struct ResourceLimitRule: Rule {
    static let description = RuleDescription(
        StructureRule.resourceLimit,
        law: "Safety limits against hostile input (YAML alias bombs, deep nesting, oversized files)",
        link: "https://en.wikipedia.org/wiki/Billion_laughs_attack",
        triggers: "The document exceeds a safety limit: more than 16 MiB, nesting deeper than 64 levels, or aliases that expand past 5 million nodes.",
        fix: "Split or flatten the file; a flow file needs neither deep nesting nor alias expansion on that scale.",
        triggering: [
            RuleExample.file("Nesting 100 levels deep", "dpflow: 1\nprogramme: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n")
        ],
        nonTriggering: [
            RuleExample("An ordinary file")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
