import DPFlowModel
import DPFlowDiagnostics

/// ST004: raised while loading and decoding; this type carries its description and examples.
struct UnknownReferenceRule: Rule {
    static let description = RuleDescription(
        StructureRule.unknownReference,
        law: "FORMAT.md: references name declared ids",
        link: "",
        triggers: "A reference to an id that is not declared: a system, party, subject or data category. The message names the nearest declared id.",
        fix: "Declare the id, or correct the reference.",
        triggering: [
            RuleExample("A flow to a system that is not declared", flows: "  intake: {from: resident, to: crn, data: [contact], purpose: support, notice: https://example.gov.uk/privacy, encrypted: true}")
        ],
        nonTriggering: [
            RuleExample("Every reference declared")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
