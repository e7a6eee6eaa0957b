import DPFlowModel
import DPFlowDiagnostics

/// ST005: raised while loading and decoding; this type carries its description and examples.
struct UnsupportedVersionRule: Rule {
    static let description = RuleDescription(
        StructureRule.unsupportedVersion,
        law: "FORMAT.md: version 1",
        link: "",
        triggers: "The `dpflow` key is missing, or names a format version this build does not read.",
        fix: "Add `dpflow: 1` as the first line, or upgrade dpflow.",
        triggering: [
            RuleExample.file("Version 2", RuleExample("x").yaml.replacing("dpflow: 1", with: "dpflow: 2"))
        ],
        nonTriggering: [
            RuleExample("Version 1")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
