import DPFlowDiagnostics
import DPFlowModel

/// ST007 (1.1): raised while assembling a file with what it includes; this
/// type carries its description and examples.
struct IncludeRule: Rule {
    static let description = RuleDescription(
        StructureRule.include,
        law: "FORMAT.md \"Registries\": a department declares what its programmes share once, in registry files",
        link: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/documentation/",
        triggers: "An include that is missing, cyclic, absolute, outside the project (the nearest folder above the including file that holds .git or .dpflow.yaml), or names a programme file rather than a registry; an id declared again over an included one (the finding names both places).",
        fix: "Include registry files by a path relative to the including file, inside the project; declare each shared id once, in the registry.",
        triggering: [
            RuleExample.file(
                "An absolute include",
                RuleExample("base").yaml.replacing("dpflow: 1\n", with: "dpflow: 1\ninclude: [/etc/dpflow/registry.yaml]\n"))
        ],
        nonTriggering: [
            RuleExample("A programme that includes nothing")
        ])

    func check(_ context: RuleContext, into findings: inout RuleFindings) {}  // raised by the loader
}
