import DPFlowModel

/// Transfer mechanisms by the article of UK GDPR Chapter V they rest on.
public enum TransferMechanisms {
    public enum Basis: Sendable { case adequacy, safeguards, derogation }

    public static let source = ReferenceSource(
        title: "UK GDPR Articles 45A, 46 and 49, as amended by the Data (Use and Access) Act 2025; ICO guidance on international transfers",
        url: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
        checked: "2026-11-29")

    public static func basis(of m: TransferMechanism) -> Basis {
        switch m {
        case .adequacy: .adequacy
        case .idta, .addendum, .bcr, .publicBodyInstrument, .codeOfConduct, .certification: .safeguards
        case .derogationExplicitConsent, .derogationContract, .derogationPublicInterest, .derogationLegalClaims,
            .derogationVitalInterests, .derogationPublicRegister:
            .derogation
        }
    }

    /// Article 49 derogations, with their paragraph.
    public static let derogations: [TransferMechanism: String] = [
        .derogationExplicitConsent: "Art 49(1)(a) explicit consent after being told the risks",
        .derogationContract: "Art 49(1)(b)-(c) contract with or in the interest of the data subject",
        .derogationPublicInterest: "Art 49(1)(d) important reasons of public interest",
        .derogationLegalClaims: "Art 49(1)(e) legal claims",
        .derogationVitalInterests: "Art 49(1)(f) vital interests where consent cannot be given",
        .derogationPublicRegister: "Art 49(1)(g) transfer from a public register",
    ]

    /// Frequencies a derogation suits: occasional, not repetitive.
    public static let occasionalFrequencies: Set<Frequency> = [.oneOff, .occasional]
}
