package dk.visitation.committee;

import static dk.visitation.common.Times.local;

import dk.visitation.common.Department;
import dk.visitation.common.DocumentReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The committee API's bodies. */
public final class CommitteeApi {

    static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private CommitteeApi() {
    }

    @Schema(name = "MeetingRequest", description = "An extraordinary meeting")
    public record MeetingRequest(@NotNull @Schema(examples = "2026-12-16T09:00:00+01:00") OffsetDateTime startsAt,
            @Schema(description = "A meeting held before the service took over, recorded afterwards (leaders only)") Boolean historical) {
    }

    @Schema(name = "AgendaAddition")
    public record AgendaAddition(@NotNull UUID caseId) {
    }

    @Schema(name = "Attendee")
    public record Attendee(@NotBlank @Size(max = 100) @Schema(examples = "mette.myn") String member, @NotNull Department department) {
    }

    @Schema(name = "Attendance")
    public record Attendance(@NotNull List<@Valid @NotNull Attendee> members) {
    }

    @Schema(name = "DecisionRequest", description = "The committee's placement of a case with its written justification")
    public record DecisionRequest(
            @NotNull Decision.Outcome outcome,
            @Schema(description = "SHARED: the lead department") Department leadDepartment,
            @Schema(description = "SHARED: the contributing department") Department contributingDepartment,
            @NotBlank @Size(max = 4000) @Schema(description = "Why (begrundelse); parents may ask to see it") String justification,
            @NotEmpty List<@NotBlank String> decidedBy,
            @Size(max = 2000) @Schema(description = "PENDING: the information that is missing") String missingInformation,
            @Valid @Schema(nullable = true, description = "The decision's document in the ESDH system, if it is journalised there")
            DocumentReference document) {
    }

    @Schema(name = "Decision")
    public record DecisionView(UUID id, UUID caseId, UUID meetingId, Decision.Outcome outcome, @Schema(nullable = true) Department leadDepartment,
            @Schema(nullable = true) Department contributingDepartment, String justification, @Schema(nullable = true) String missingInformation, List<String> decidedBy,
            String recordedBy, OffsetDateTime decidedAt,
            @Schema(description = "The placement is an internal decision that cannot be appealed") String appeal,
            @Schema(nullable = true, description = "The decision's document in the ESDH system") DocumentReference document) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.id, d.caseId, d.meetingId, d.outcome, d.leadDepartment, d.contributingDepartment,
                    d.justification, d.missingInformation, List.of(d.decidedBy.split(",")), d.recordedBy, local(d.decidedAt),
                    Decision.NOT_APPEALABLE, d.document);
        }
    }

    @Schema(name = "CommitteeMaterial", description = "What MYN prepared for the committee")
    public record MaterialView(boolean functionalImpairment, boolean familySituation, boolean currentSupport,
            @Schema(description = "The documents as MYN named them in words") List<String> documents, @Schema(nullable = true) String summary,
            String preparedBy, OffsetDateTime preparedAt,
            @Schema(description = "The material's id: the citing record of its documents in GET /cases/{id}/documents") UUID id,
            @Schema(description = "The documents of the material as references into the ESDH system (empty when none were given)")
            List<DocumentReference> documentReferences) {
    }

    @Schema(name = "AgendaItem")
    public record ItemView(UUID id, UUID caseId, AgendaItem.Status status, String addedBy, OffsetDateTime addedAt,
            @Schema(nullable = true) UUID rolledFrom, @Schema(nullable = true) MaterialView material, @Schema(nullable = true) DecisionView decision, long version,
            @Schema(nullable = true) PendingInformation pending) {
    }

    @Schema(name = "PendingInformation", description = "A case the committee left pending: what is missing, and the meeting and decision that said so")
    public record PendingInformation(@Schema(nullable = true, examples = "Udtalelse fra BUP om funktionsnedsættelsens omfang") String missingInformation,
            UUID meetingId, OffsetDateTime meetingStartsAt, UUID decisionId, UUID agendaItemId) {
    }

    @Schema(name = "Meeting")
    public record MeetingView(UUID id, OffsetDateTime startsAt, OffsetDateTime materialDeadline, Meeting.Status status,
            boolean extraordinary, boolean historical, List<ItemView> agenda, List<Attendee> attendance,
            @Schema(description = "At least one member from MYN and one from CBA present") boolean quorum, long version) {
    }

    @Schema(name = "MeetingSummary")
    public record MeetingSummary(UUID id, OffsetDateTime startsAt, OffsetDateTime materialDeadline, Meeting.Status status,
            boolean extraordinary, boolean historical, long casesOnAgenda) {
    }

    @Schema(name = "MeetingPage")
    public record MeetingPage(List<MeetingSummary> items, int page, int size, long total) {
    }

    @Schema(name = "CommitteeStatistics", description = "The committee's work in a period, by meeting date")
    public record Statistics(LocalDate from, LocalDate to,
            @Schema(description = "Cases on the agenda of meetings in the period") long onAgenda,
            long decidedCba, long decidedMyn, long shared,
            @Schema(description = "Cases on an agenda in the period without a final decision by its end") long pendingAtEnd,
            @Schema(description = "Cases quick-screened to CBA in the period") long quickScreened,
            @Schema(nullable = true, description = "Median days from intake to the committee's final decision") Double medianDaysIntakeToDecision) {
    }

}
