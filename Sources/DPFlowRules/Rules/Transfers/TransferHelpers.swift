import DPFlowModel

extension RuleContext {
    /// The jurisdictions a flow delivers into that are outside the UK: the
    /// receiving system's location and its party's country.
    func foreignDestinations(ofFlow f: Int) -> [Country] {
        guard let s = graph.systemIndex(ofNode: graph.flowTo[f]) else { return [] }
        var out: [Country] = []
        if let loc = model.systems[s].location?.value, !loc.isUK { out.append(loc) }
        if let p = graph.party(ofNode: graph.flowTo[f]), let c = model.parties[p].country?.value, !c.isUK, !out.contains(c) {
            out.append(c)
        }
        return out
    }

    /// A short description of where a flow goes: "US (cloud-host)".
    func destinationLabel(ofFlow f: Int) -> String {
        let places = foreignDestinations(ofFlow: f).map(\.code).joined(separator: "/")
        let party = party(ofNode: graph.flowTo[f])?.id ?? "?"
        return "\(places) (\(party))"
    }
}
