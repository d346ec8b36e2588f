package dk.visitation.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The published input of each task form: one schema per form key, what {@code POST /tasks/{id}/complete}
 * takes for a task whose {@code formKey} it is (the task names it in {@code formSchema}). The forms
 * themselves ({@link TaskForm} beans in each feature) validate the input field by field, with a 400 that
 * names the field and completes nothing; these records only describe it, and {@code TaskFormsTest} checks
 * that each form accepts its example and refuses a field its schema does not list.
 */
public final class FormSchemas {

    /** Form key → the name of its schema under {@code #/components/schemas}. */
    public static final Map<String, String> BY_FORM_KEY = Map.of(
            "visitation:target-group-assessment", "TargetGroupAssessmentForm",
            "visitation:committee-material", "CommitteeMaterialForm",
            "handover:summary", "HandoverSummaryForm",
            "handover:receive", "HandoverReceiveForm",
            "economy:review", "EconomyReviewForm",
            "settlement:approve", "SettlementApprovalForm",
            "handover:open-work", "NoInputForm");

    private FormSchemas() {
    }

    /** The schema of a form key's input; {@code NoInputForm} for a task without a form of its own. */
    public static String of(String formKey) {
        return formKey == null ? NO_INPUT : BY_FORM_KEY.getOrDefault(formKey, NO_INPUT);
    }

    public static final String NO_INPUT = "NoInputForm";

    @Schema(name = "NoInputForm", description = "A task without a form of its own (e.g. handover:open-work, which closing the "
            + "work items ends): nothing, or an empty object", additionalProperties = Schema.False.class, maxProperties = 0,
            examples = "{}")
    public record NoInput() {
    }

    @Schema(name = "TargetGroupAssessmentForm", description = "visitation:target-group-assessment (Målgruppevurdering)",
            additionalProperties = Schema.False.class, requiredProperties = "outcome",
            examples = "{\"outcome\": \"COMMITTEE\", \"reason\": \"Gråzone: familiens sociale problemer vejer også tungt.\"}")
    public record TargetGroupAssessment(
            @Schema(enumeration = {"QUICK_SCREEN_CBA", "COMMITTEE", "STAYS_MYN"}) String outcome,
            @Schema(nullable = true, maxLength = 2000, description = "Required when the outcome differs from the recommendation")
            String reason) {
    }

    @Schema(name = "CommitteeMaterialForm", description = "visitation:committee-material (Forbered materiale til visitationsudvalget)",
            additionalProperties = Schema.False.class,
            requiredProperties = {"functionalImpairment", "familySituation", "currentSupport", "documents"},
            examples = "{\"functionalImpairment\": true, \"familySituation\": true, \"currentSupport\": true,"
                    + " \"documents\": [\"Udtalelse fra BUP\"], \"summary\": \"Gråzonesag.\"}")
    public record CommitteeMaterial(
            @Schema(description = "Described: must be true") boolean functionalImpairment,
            @Schema(description = "Described: must be true") boolean familySituation,
            @Schema(description = "Described: must be true") boolean currentSupport,
            @Schema(minItems = 1) List<String> documents,
            @Schema(nullable = true, maxLength = 4000) String summary,
            @Schema(nullable = true, maxItems = dk.visitation.common.DocumentReferences.MAX,
                    description = "The documents as references into the ESDH system (system configured, case number in its format)")
            List<dk.visitation.common.DocumentReference> documentReferences) {
    }

    @Schema(name = "HandoverSummaryForm", description = "handover:summary (Overdragelsesresumé)",
            additionalProperties = Schema.False.class, requiredProperties = {"lastInvestigationOn", "lastMeetingOn", "agreements"},
            examples = "{\"lastInvestigationOn\": \"2026-10-01\", \"lastMeetingOn\": \"2026-11-12\","
                    + " \"agreements\": \"Aflastning hver anden weekend.\", \"freeText\": null}")
    public record HandoverSummary(LocalDate lastInvestigationOn, LocalDate lastMeetingOn,
            @Schema(minLength = 1, maxLength = 4000, pattern = "\\S") String agreements,
            @Schema(nullable = true, maxLength = 4000) String freeText,
            @Schema(nullable = true, maxItems = dk.visitation.common.DocumentReferences.MAX,
                    description = "The documents the receiving adviser should read, as references into the ESDH system")
            List<dk.visitation.common.DocumentReference> documents) {
    }

    @Schema(name = "HandoverReceiveForm", description = "handover:receive (Modtag sag)",
            additionalProperties = Schema.False.class, requiredProperties = {"receivingAdviser", "effectiveDate"},
            examples = "{\"receivingAdviser\": \"carl.cba\", \"effectiveDate\": \"2026-12-01\"}")
    public record HandoverReceive(@Schema(minLength = 1, maxLength = 4000, pattern = "\\S") String receivingAdviser,
            LocalDate effectiveDate) {
    }

    @Schema(name = "EconomyReviewForm", description = "economy:review (Økonomisk vurdering); approved only, and then required, "
            + "for a grant above the approval amount",
            additionalProperties = Schema.False.class, requiredProperties = "costConsequence",
            examples = "{\"costConsequence\": \"Aflastning i CBA, ca. 250.000 kr om året.\", \"annualCostOre\": 25000000}")
    public record EconomyReview(@Schema(minLength = 1, maxLength = 4000, pattern = "\\S") String costConsequence,
            @Schema(nullable = true, minimum = "0") Long annualCostOre,
            Boolean approved) {
    }

    @Schema(name = "SettlementApprovalForm", description = "settlement:approve (Godkend afregningsopgørelse)",
            additionalProperties = Schema.False.class, requiredProperties = "version",
            examples = "{\"version\": 2, \"note\": \"Gennemgået med CBA.\"}")
    public record SettlementApproval(@Schema(description = "The version of the statement that was read") long version,
            @Schema(nullable = true, maxLength = 2000) String note) {
    }
}
