package dk.visitation.handover;

import static dk.visitation.common.Times.local;

import dk.visitation.common.Department;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The handover API's bodies. */
public final class HandoverApi {

    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private HandoverApi() {
    }

    @Schema(name = "HandoverRequest")
    public record HandoverRequest(@NotNull Department toDepartment,
            @NotBlank @Size(max = 1000) @Schema(examples = "Handicapsagen er blevet en social sag") String reason) {
    }

    @Schema(name = "NewWorkItem")
    public record NewWorkItem(@NotNull WorkItem.Kind kind,
            @NotBlank @Size(max = 1000) @Schema(examples = "Ansøgning om aflastning") String description,
            @Schema(description = "OTHER items block the handover only when marked") boolean blocking) {
    }

    @Schema(name = "WorkItem")
    public record WorkItemView(UUID id, UUID caseId, WorkItem.Kind kind, String description, boolean blocking,
            WorkItem.Status status, LocalDate openedOn, @Schema(nullable = true) LocalDate closedOn, String createdBy, @Schema(nullable = true) String closedBy) {

        static WorkItemView of(WorkItem w) {
            return new WorkItemView(w.id, w.caseId, w.kind, w.description, w.blocking, w.status, w.openedOn, w.closedOn,
                    w.createdBy, w.closedBy);
        }
    }

    @Schema(name = "Handover")
    public record HandoverView(UUID id, UUID caseId, Department fromDepartment, Department toDepartment,
            @Schema(description = "REQUESTED (conditions being checked), BLOCKED (waits for the open work in blockers; goes on by "
                    + "itself when the last one closes), SUMMARY (the handing adviser writes the summary), RECEIVING (the receiving "
                    + "department accepts), COMPLETED, or WITHDRAWN (withdrawn before the receipt: closing its blockers does nothing)")
            Handover.Status status,
            String reason, String requestedBy, OffsetDateTime requestedAt,
            @Schema(nullable = true) LocalDate lastInvestigationOn, @Schema(nullable = true) LocalDate lastMeetingOn,
            @Schema(nullable = true) List<String> activeGrants, @Schema(nullable = true) String agreements,
            @Schema(nullable = true) String freeText, @Schema(nullable = true) String summaryBy,
            @Schema(nullable = true) String receivingAdviser, @Schema(nullable = true) LocalDate effectiveDate,
            @Schema(nullable = true) String receivedBy,
            @Schema(nullable = true, description = "When the handover moves a shared case's lead: the department that goes on contributing")
            Department contributingDepartment,
            @Schema(description = "The open work the handover waits for (empty unless BLOCKED)") List<WorkItemView> blockers,
            @Schema(nullable = true) String withdrawnBy, @Schema(nullable = true) OffsetDateTime withdrawnAt,
            @Schema(nullable = true) String withdrawalReason,
            @Schema(description = "The documents the summary cites in the ESDH system (empty until the summary, or when it cites none)")
            List<dk.visitation.common.DocumentReference> summaryDocuments) {

        static HandoverView of(Handover h) {
            return new HandoverView(h.id, h.caseId, h.fromDepartment, h.toDepartment, h.status, h.reason, h.requestedBy,
                    local(h.requestedAt), h.lastInvestigationOn, h.lastMeetingOn, h.activeGrants, h.agreements, h.freeText,
                    h.summaryBy, h.receivingAdviser, h.effectiveDate, h.receivedBy, h.contributingDepartment,
                    OpenWork.blockersOf(h).stream().map(WorkItemView::of).toList(),
                    h.withdrawnBy, local(h.withdrawnAt), h.withdrawalReason, HandoverDocuments.of(h.id));
        }
    }

    @Schema(name = "SharedArrangementEnd")
    public record SharedArrangementEnd(@NotBlank @Size(max = 1000) @Schema(examples = "Familiebehandlingen i MYN er afsluttet")
            String reason) {
    }

    @Schema(name = "HandoverWithdrawal")
    public record Withdrawal(@NotBlank @Size(max = 1000) @Schema(examples = "Familien flytter til en anden kommune") String reason) {
    }

}
