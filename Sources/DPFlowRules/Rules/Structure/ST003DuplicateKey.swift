import DPFlowModel
import DPFlowDiagnostics

/// ST003: raised while loading and decoding; this type carries its description and examples.
struct DuplicateKeyRule: Rule {
    static let description = RuleDescription(
        StructureRule.duplicateKey,
        law: "YAML 1.2 section 3.2.1.1 (keys are unique); FORMAT.md",
        link: "https://yaml.org/spec/1.2.2/#mapping",
        triggers: "A key appears twice in one mapping, so an id is declared twice. Reported at the second occurrence; the first is kept.",
        fix: "Remove or rename one of the two.",
        triggering: [
            RuleExample("A flow declared twice", flows: RuleExample.baseFlows + "\n" + RuleExample.baseFlows)
        ],
        nonTriggering: [
            RuleExample("Each id once")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
