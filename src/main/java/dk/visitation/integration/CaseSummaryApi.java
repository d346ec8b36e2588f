package dk.visitation.integration;

import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Department;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The case summary's body: the facts other municipal systems need of a case, ids and facts only, no CPR number. */
public final class CaseSummaryApi {

    private CaseSummaryApi() {
    }

    @Schema(name = "CaseFacts", description = "What other systems (DUBU, finance, management) need to know of a case: where it is, "
            + "who pays now and from when another pays, its running grants and its next open deadlines. No personal data.")
    public record Summary(
            UUID caseId,
            @Schema(nullable = true, description = "The case's id in DUBU") String dubuCaseId,
            @Schema(description = "The department that holds (leads) the case") Department department,
            @Schema(nullable = true, description = "A shared case's contributing department") Department contributingDepartment,
            CaseStatus status,
            @Schema(nullable = true) String adviser,
            @Schema(description = "The day the figures are for (today, Europe/Copenhagen)") LocalDate date,
            @Schema(nullable = true, description = "Who pays today; null when nobody does") Department payerNow,
            @Schema(description = "Changes of payment responsibility dated after today, soonest first") List<PlannedPayment> paymentPlanned,
            @Schema(description = "Grants in force that run today") List<RunningGrant> runningGrants,
            @Schema(description = "The next deadlines not yet met (open, due soon or overdue), soonest due first; at most 5")
            List<NextDeadline> nextDeadlines) {
    }

    @Schema(name = "PlannedPayment", description = "From this day on, this department pays")
    public record PlannedPayment(LocalDate from, Department department) {
    }

    @Schema(name = "RunningGrant")
    public record RunningGrant(UUID grantId, @Schema(examples = "RESPITE_CARE") String measure, String legalBasis, LocalDate from,
            @Schema(description = "Exclusive") LocalDate to,
            @Schema(nullable = true, examples = "EXTERNAL") String provider,
            @Schema(nullable = true, examples = "Aflastningsfamilien Jensen") String providerName) {
    }

    @Schema(name = "NextDeadline")
    public record NextDeadline(String key, @Schema(examples = "barnets-lov-136-notification-assessment") String rule, String legalBasis,
            String title, OffsetDateTime dueAt, @Schema(examples = "DUE_SOON") String status) {
    }
}
