package dk.visitation.casework;

import static dk.visitation.common.Times.local;

import dk.visitation.common.DocumentReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The casework record's bodies. */
public final class CaseworkApi {

    private CaseworkApi() {
    }

    @Schema(name = "NewCaseworkEntry", description = "A dated fact of the casework record. NOTIFICATION needs notifierKind and urgent; "
            + "FOLLOW_UP the grantId of the measure; RENEWAL_DECIDED (a time-limited grant renewed or not, before it runs out) the "
            + "grantId and what was decided as the reason; INVESTIGATION_NOT_RELEVANT, CHILD_CONVERSATION_NOT_HELD, PROVISIONAL_ASSESSMENT "
            + "and AKTINDSIGT_NOTICE a reason. NOTIFICATION_ASSESSED and RECEIPT_SENT answer a notification, INVESTIGATION_CONCLUDED "
            + "and PROVISIONAL_ASSESSMENT an INVESTIGATION_STARTED, AKTINDSIGT_ANSWERED and AKTINDSIGT_NOTICE an AKTINDSIGT_REQUESTED: "
            + "refersTo names it, or the case's latest one of that kind is taken. FIRST_MEETING_HELD: the first meeting with the family "
            + "(førstegangssamtale), which ends the case's wait on GET /waiting/first-meeting.")
    public record NewEntry(
            @NotNull CaseworkKind kind,
            @NotNull @Schema(description = "When it happened (not in the future)", examples = "2026-11-20T09:30:00+01:00")
            OffsetDateTime occurredAt,
            @Schema(nullable = true, description = "NOTIFICATION only") NotifierKind notifierKind,
            @Schema(nullable = true, description = "NOTIFICATION only: whether the child's health or development is in acute danger")
            Boolean urgent,
            @Schema(nullable = true, description = "The record this one answers") UUID refersTo,
            @Schema(nullable = true, description = "FOLLOW_UP and RENEWAL_DECIDED only: the grant (measure) followed up or decided on")
            UUID grantId,
            @Size(max = 2000) @Schema(nullable = true, examples = "Barnet er 4 år; samtalen er erstattet af observation") String reason,
            @Valid @Schema(nullable = true) DocumentReference document) {
    }

    @Schema(name = "CaseworkEntry")
    public record EntryView(UUID id, UUID caseId, CaseworkKind kind, OffsetDateTime occurredAt,
            @Schema(nullable = true) NotifierKind notifierKind, @Schema(nullable = true) Boolean urgent,
            @Schema(nullable = true) UUID refersTo, @Schema(nullable = true) UUID grantId, @Schema(nullable = true) String reason,
            @Schema(nullable = true) DocumentReference document, String recordedBy, OffsetDateTime recordedAt) {

        static EntryView of(CaseworkEntry e) {
            return new EntryView(e.id, e.caseId, e.kind, local(e.occurredAt), e.notifierKind, e.urgent, e.refersTo, e.grantId, e.reason,
                    e.document, e.recordedBy, local(e.recordedAt));
        }
    }
}
