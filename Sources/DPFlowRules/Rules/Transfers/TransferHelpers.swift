import DPFlowModel

extension RuleContext {
    /// The jurisdictions a flow delivers into that are outside the UK: the
    /// receiving system's location and its party's country.
    func foreignDestinations(ofFlow f: Int) -> [Country] { graph.foreignDestinations(ofFlow: f) }

    /// A short description of where a flow goes: "US (cloud-host)".
    func destinationLabel(ofFlow f: Int) -> String {
        let places = foreignDestinations(ofFlow: f).map(\.code).joined(separator: "/")
        let party = party(ofNode: graph.flowTo[f])?.id ?? "?"
        return "\(places) (\(party))"
    }
}
