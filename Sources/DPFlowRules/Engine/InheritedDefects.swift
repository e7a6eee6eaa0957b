import DPFlowDiagnostics
import DPFlowModel

/// RULES.md 1.1 "Reporting a defect once": a defect in a lawful basis that
/// flows inherit from their purpose's default is reported once, where it is
/// written (`programme.purposes.<id>.lawful-basis`), naming the flows that
/// inherit it; a defect in a flow's own basis is reported at the flow.
struct InheritedDefects {
    /// Per purpose (file order): the flows that inherit the defect.
    private var byPurpose: [(purpose: Int, flows: [String])] = []

    /// True when the flow takes every one of `keys` from its purpose's default
    /// (it states none of them itself) and the purpose is declared.
    static func inherits(_ flow: Flow, _ keys: [LawfulBasisKey], in model: ProgrammeModel) -> Int? {
        guard let p = flow.purpose, let index = model.purposeIndex[p.value] else { return nil }
        guard let own = flow.lawfulBasis else { return index }
        return keys.contains(where: { own.states($0) }) ? nil : index
    }

    mutating func add(purpose: Int, flow: String) {
        if let i = byPurpose.firstIndex(where: { $0.purpose == purpose }) {
            byPurpose[i].flows.append(flow)
        } else {
            byPurpose.append((purpose, [flow]))
        }
    }

    /// Reports one finding per purpose. `message` gets the purpose and a
    /// phrase naming the flows that inherit the defect.
    func report(
        into findings: inout RuleFindings, model: ProgrammeModel, mark: (Purpose) -> SourceMark,
        _ message: (Purpose, String) -> String
    ) {
        for entry in byPurpose {
            let purpose = model.programme.purposes[entry.purpose]
            let shown = entry.flows.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            let more = entry.flows.count > 8 ? " and \(entry.flows.count - 8) more" : ""
            let flows = entry.flows.count == 1 ? "inherited by flow \(shown)" : "inherited by \(entry.flows.count) flows: \(shown)\(more)"
            // The flows are named in the message, not as a trace: a trace is a
            // path data takes, and these flows are not one.
            findings.add(at: mark(purpose), path: "\(purpose.path).lawful-basis", message(purpose, flows))
        }
    }
}

/// The keys of a lawful basis, for telling own from inherited.
enum LawfulBasisKey {
    case article6, legalPower, article9, schedule1, article10
}

extension LawfulBasis {
    func states(_ key: LawfulBasisKey) -> Bool {
        switch key {
        case .article6: article6 != nil
        case .legalPower: legalPower != nil
        case .article9: article9 != nil
        case .schedule1: schedule1 != nil
        case .article10: article10 != nil
        }
    }
}
