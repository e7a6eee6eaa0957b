import DPFlowModel
/// Every rule of the catalogue, in catalogue order (RULES.md). A rule that is
/// not listed here does not run, is not documented, and its examples are not
/// tested: add new rules here.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        YAMLSyntaxRule.self, SchemaRule.self, DuplicateKeyRule.self, UnknownReferenceRule.self,
        UnsupportedVersionRule.self, ResourceLimitRule.self, IncludeRule.self,
        MissingArticle6.self, LegitimateInterestsPublicAuthority.self, MissingLegalPower.self, ConsentPublicAuthority.self,
        MissingArticle9.self, MissingSchedule1.self, MissingPolicyDocument.self, MissingArticle10.self,
        OfficialAuthorityNotPublic.self, UndeclaredPurpose.self, ScheduleConditionMismatch.self,
        AutomatedDecisionSpecialCategory.self, AutomatedDecisionRecognisedInterests.self,
        MissingPrivacyNotice.self, IndirectCollectionNotice.self, AutomatedDecisionSafeguards.self,
        MissingRetention.self, IndefiniteRetention.self, RetentionWithoutBasis.self, DownstreamOutlivesSource.self,
        RetentionExceedsPolicy.self, MissingDisposal.self, MissingRetentionTrigger.self, UnusedData.self,
        CriteriaRetentionWithoutReview.self, KeptAfterProgrammeEnd.self,
        RestrictedTransferWithoutMechanism.self, AdequacyNotAvailable.self, MissingTransferRiskAssessment.self,
        DerogationMisuse.self, ResidencyBreach.self, MissingSharingAgreement.self, MissingProcessorContract.self,
        UnauthorisedSubProcessor.self, ProcessorBeyondInstructions.self, UnencryptedTransfer.self,
        ClassificationExceedsAccreditation.self, DevolvedBoundary.self, UnknownLocation.self,
        DPIARequired.self, PriorConsultationRequired.self, RiskWithoutMeasures.self, DPIAReviewOverdue.self,
        IsolatedSystem.self, UnexplainedSource.self,
        ExpiredException.self, UnmatchedException.self, IncompleteException.self,
    ]

    public static var descriptions: [RuleDescription] { rules.map { $0.description } }

    public static func description(of id: String) -> RuleDescription? {
        rules.first { $0.description.info.id == id.uppercased() }?.description
    }
}
