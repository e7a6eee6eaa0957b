import DPFlowModel
import DPFlowDiagnostics

/// ST001: raised while loading and decoding; this type carries its description and examples.
struct YAMLSyntaxRule: Rule {
    static let description = RuleDescription(
        StructureRule.yamlSyntax,
        law: "YAML 1.1 and libyaml; FORMAT.md",
        link: "https://yaml.org/spec/1.1/",
        triggers: "The file is not well-formed YAML: a syntax error, invalid UTF-8, a control character, or an alias to an undefined anchor. The position is libyaml's.",
        fix: "Correct the YAML at the position given: check indentation, colons, quotes and brackets.",
        triggering: [
            RuleExample.file("An unclosed bracket", "dpflow: 1\nprogramme: {name: [Example\n")
        ],
        nonTriggering: [
            RuleExample("A well-formed file")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader and decoder
}
