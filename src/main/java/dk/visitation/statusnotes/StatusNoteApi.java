package dk.visitation.statusnotes;

import dk.visitation.common.Department;
import dk.visitation.common.DocumentReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The status notes' request and response bodies. */
public final class StatusNoteApi {

    private StatusNoteApi() {
    }

    @Schema(name = "StatusNoteAgreementEntry", description = "The cadence agreed with the grant's internal provider: every N months "
            + "from the grant's first day (everyMonths), or N days before each follow-up of the grant (daysBefore, default 14)")
    public record AgreementEntry(
            @NotNull StatusNoteAgreement.Cadence cadence,
            @Min(1) @Max(24) @Schema(nullable = true, description = "With EVERY_MONTHS", examples = "3") Integer everyMonths,
            @Min(1) @Max(90) @Schema(nullable = true, description = "With BEFORE_FOLLOW_UP; 14 when left out", examples = "14")
            Integer daysBefore) {
    }

    @Schema(name = "StatusNoteAgreement")
    public record AgreementView(UUID grantId, UUID caseId, StatusNoteAgreement.Cadence cadence,
            @Schema(nullable = true) Integer everyMonths, @Schema(nullable = true) Integer daysBefore,
            @Schema(nullable = true, description = "The grant's provider in the register") UUID providerId, String providerName,
            String agreedBy, OffsetDateTime agreedAt,
            @Schema(description = "Row version; the ETag carries the same value") long version) {
    }

    @Schema(name = "NewStatusNote", description = "A status note the provider has written, as a reference to it in ESDH")
    public record NewNote(@NotNull UUID grantId,
            @NotNull @Schema(description = "The day the note was written; not in the future", examples = "2026-11-28") LocalDate writtenOn,
            @NotNull @Valid DocumentReference document) {
    }

    @Schema(name = "StatusNote")
    public record NoteView(UUID id, UUID grantId, UUID caseId, LocalDate writtenOn, OffsetDateTime receivedAt, String receivedBy,
            DocumentReference document,
            @Schema(nullable = true, description = "The expected note it met (1 = the first); empty when more came than were due")
            Integer meets) {
    }

    @Schema(name = "ExpectedStatusNote", description = "A status note the agreement expects, due by the end of dueOn")
    public record ExpectedView(UUID caseId, UUID grantId, Department department, @Schema(nullable = true) String adviser,
            @Schema(nullable = true) UUID providerId, String providerName, int number, LocalDate dueOn,
            @Schema(description = "RECEIVED, RECEIVED_LATE, DUE (not yet due) or LATE (overdue, not received)") StatusNoteSchedule.Status status,
            @Schema(nullable = true) UUID noteId, @Schema(nullable = true) OffsetDateTime receivedAt) {
    }

    @Schema(name = "CaseStatusNotes", description = "A case's agreements, the notes they expect and the notes received")
    public record CaseNotes(UUID caseId, List<AgreementView> agreements, List<ExpectedView> expected, List<NoteView> received) {
    }

    /** For the contract only: a page of expected notes. */
    @Schema(name = "ExpectedStatusNotePage")
    public record ExpectedPage(List<ExpectedView> items, int page, int size, long total) {
    }
}
