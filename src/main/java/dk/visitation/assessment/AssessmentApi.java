package dk.visitation.assessment;

import static dk.visitation.common.Times.local;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The assessment API's bodies. */
public final class AssessmentApi {

    static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private AssessmentApi() {
    }

    @Schema(name = "AssessmentFacts", description = "What MYN's adviser established about the case; the rules recommend from these")
    public record Facts(
            @NotNull @Schema(description = "Degree of the functional impairment: it weighs, not the diagnosis")
            Assessment.Impairment impairment,
            @NotNull @Schema(description = "The disability is the family's main problem (hovedproblemstilling)") Boolean disabilityIsMainProblem,
            @NotNull @Schema(description = "The family's other social problems weigh heavier") Boolean otherSocialProblemsWeighHeavier,
            @NotNull @Schema(description = "Disability-specific offers are asked for") Boolean disabilitySpecificOffersRequested,
            @NotNull @Schema(description = "Known from child psychiatry (BUP) or the regional hospital with a considerable and lasting illness")
            Boolean knownDiagnosisFromBupOrHospital,
            @NotNull @Schema(description = "Exception (MYN): a placement case about a child of mentally ill parents")
            Boolean placementOfChildOfMentallyIllParents,
            @NotNull @Schema(description = "Exception (MYN): a child of a pregnant woman with concern for the coming child")
            Boolean childOfPregnantWomanWithConcern,
            @NotNull @Schema(description = "Exception (CBA): a sibling whose need comes only from living with a child with disability")
            Boolean siblingNeedOnlyFromDisabledSibling,
            @NotNull @Schema(description = "Exception (CBA): a child of severely intellectually disabled parents whose disability makes the casework very hard")
            Boolean childOfSeverelyIntellectuallyDisabledParents,
            @Size(max = 4000) @Schema(nullable = true, description = "The adviser's individual discussion of the case") String notes) {
    }

    @Schema(name = "Assessment")
    public record View(
            UUID id, UUID caseId, Facts facts,
            @Schema(description = "What the agreed rules recommend") Assessment.Outcome recommendation,
            @Schema(examples = "R07-quick-screening") String rule,
            @Schema(description = "The rule's reason in words") String ruleReason,
            int decisionVersion, String assessedBy, OffsetDateTime assessedAt,
            @Schema(nullable = true, description = "The adviser's conclusion; empty while the assessment is a draft") Assessment.Outcome outcome,
            @Schema(nullable = true, description = "Why the adviser concluded otherwise than recommended") String disagreementReason,
            @Schema(nullable = true) String concludedBy, @Schema(nullable = true) OffsetDateTime concludedAt, long version) {

        static View of(Assessment a) {
            return new View(a.id, a.caseId, new Facts(a.impairment, a.disabilityIsMainProblem, a.otherSocialProblemsWeighHeavier,
                    a.disabilitySpecificOffersRequested, a.knownDiagnosisFromBupOrHospital, a.placementOfChildOfMentallyIllParents,
                    a.childOfPregnantWomanWithConcern, a.siblingNeedOnlyFromDisabledSibling,
                    a.childOfSeverelyIntellectuallyDisabledParents, a.notes),
                    a.recommendation, a.rule, a.ruleReason, a.decisionVersion, a.assessedBy, local(a.assessedAt), a.outcome,
                    a.disagreementReason, a.concludedBy, local(a.concludedAt), a.version);
        }
    }

}
