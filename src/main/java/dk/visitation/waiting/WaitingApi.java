package dk.visitation.waiting;

import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Department;
import dk.visitation.economy.Grant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The waiting lists' bodies. */
public final class WaitingApi {

    private WaitingApi() {
    }

    @Schema(name = "FirstMeetingWait", description = "A case waiting for its first meeting with the family (førstegangssamtale)")
    public record FirstMeetingWait(UUID caseId, Department department, CaseStatus status,
            @Schema(nullable = true, description = "The case's adviser (the case's adviser field)") String adviser,
            OffsetDateTime receivedAt,
            @Schema(description = "The Danish day the case was received", examples = "2026-11-20") LocalDate receivedOn,
            @Schema(description = "Working days from the day received to the list's day (the day received not counted; weekends, "
                    + "public holidays and the municipality's closing days skipped)", examples = "9") int workingDaysWaited,
            @Schema(description = "Calendar days from the day received to the list's day", examples = "13") long daysWaited,
            @Schema(description = "The last day of the quality standard: the standard's n-th working day after the day received",
                    examples = "2026-12-04") LocalDate standardDue,
            @Schema(description = "More working days waited than the standard allows") boolean exceeded) {
    }

    @Schema(name = "FirstMeetingWaitingList", description = "The cases waiting for their first meeting, oldest first, one page; "
            + "the figures are over the whole list")
    public record FirstMeetingList(
            @Schema(description = "The day the list is for (Danish)") LocalDate on,
            @Schema(nullable = true, description = "The department asked for; empty: every department in the caller's scope") Department department,
            @Schema(description = "The municipality's quality standard: the first meeting within this many working days", examples = "10")
            int standardWorkingDays,
            List<FirstMeetingWait> items,
            @Schema(description = "Zero-based page number", examples = "0") int page,
            @Schema(description = "Page size", examples = "20") int size,
            @Schema(description = "Cases waiting, over all pages", examples = "37") long total,
            @Schema(description = "Of those, the cases past the standard", examples = "12") long exceeded,
            @Schema(nullable = true, description = "The longest wait in working days; empty when nobody waits", examples = "31")
            Integer longestWorkingDaysWaited,
            @Schema(nullable = true, description = "The day the longest waiting case was received") LocalDate oldestReceivedOn) {
    }

    @Schema(name = "GrantWait", description = "A grant in force whose service has not started yet")
    public record GrantWait(UUID grantId, UUID caseId, Department department,
            @Schema(nullable = true, description = "The case's adviser (the case's adviser field)") String adviser,
            Grant.ServiceType serviceType, Grant.Provider provider,
            @Schema(examples = "Aflastningsfamilie Hansen") String providerName,
            @Schema(description = "The day the grant came into force: ECONOMY's approval where it was needed, else the grant itself")
            LocalDate grantedOn,
            @Schema(description = "Calendar days from grantedOn to the list's day", examples = "41") long daysSinceGrant,
            @Schema(description = "When the service is expected to start: the first day of the grant's period", examples = "2026-11-01")
            LocalDate expectedStart,
            @Schema(description = "Calendar days the list's day is past the expected start; 0 while it is still ahead", examples = "12")
            long daysPastExpectedStart) {
    }

    @Schema(name = "GrantWaitingList", description = "Omsætningslisten: the grants in force whose service has not started, the "
            + "longest waiting first, one page; the figures are over the whole list")
    public record GrantList(
            @Schema(description = "The day the list is for (Danish)") LocalDate on,
            @Schema(nullable = true, description = "The department asked for; empty: every department in the caller's scope") Department department,
            List<GrantWait> items,
            @Schema(description = "Zero-based page number", examples = "0") int page,
            @Schema(description = "Page size", examples = "20") int size,
            @Schema(description = "Grants waiting, over all pages", examples = "40") long total,
            @Schema(description = "Cases with a grant waiting", examples = "38") long cases,
            @Schema(nullable = true, description = "The longest wait since the grant, calendar days; empty when nobody waits", examples = "183")
            Long longestDaysSinceGrant,
            @Schema(nullable = true, description = "The day the longest waiting grant came into force") LocalDate oldestGrantedOn) {
    }
}
