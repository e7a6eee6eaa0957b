import DPFlowModel
import DPFlowDiagnostics

/// ST002: raised while loading and decoding; this type carries its description and examples.
struct SchemaRule: Rule {
    static let description = RuleDescription(
        StructureRule.schema,
        law: "FORMAT.md, the flow-file format",
        link: "",
        triggers: "An unknown key (with \"did you mean\"), a wrong type, a missing required key, a value outside its list, or a malformed id, date, duration or country code.",
        fix: "Use the keys and values FORMAT.md gives; the message names the nearest valid one.",
        triggering: [
            RuleExample("A misspelt key", systems: RuleExample.baseSystems.replacing("retention:", with: "retension:")),
            RuleExample("A boolean written as yes", flows: "  intake: {from: resident, to: crm, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: yes}")
        ],
        nonTriggering: [
            RuleExample("Keys and values as the format gives them")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
