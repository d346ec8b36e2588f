package dk.visitation.cases;

import static dk.visitation.common.Times.local;

import dk.visitation.common.Department;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The case API's request and response bodies: the contract, kept apart from the entities. */
public final class CaseApi {

    static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private CaseApi() {
    }

    @Schema(name = "NewCase", description = "A request (henvendelse) about a child, registered as a case")
    public record NewCase(
            @NotNull @Valid ChildInput child,
            @NotNull @Schema(description = "Where the request came from") RequestSource source,
            @NotNull @PastOrPresent @Schema(description = "When the request was received", examples = "2026-11-20T09:30:00+01:00")
            OffsetDateTime receivedAt,
            @NotBlank @Size(max = 4000) @Schema(examples = "Skolen beskriver betydelig og varig nedsat funktionsevne.")
            String description,
            @Schema(description = "Receiving department; MYN when left out, as every case starts in MYN")
            Department department,
            @Size(max = 100) @Schema(description = "The adviser (rådgiver) handling the case", examples = "mette.myn")
            String adviser,
            @Size(max = DubuCaseIds.MAX_LENGTH) @jakarta.validation.constraints.Pattern(regexp = DubuCaseIds.PATTERN, message = DubuCaseIds.MESSAGE)
            @Schema(nullable = true, description = DubuCaseIds.DESCRIPTION, examples = "DUBU-2026-004711") String dubuCaseId) {
    }

    @Schema(name = "ChildInput")
    public record ChildInput(
            @NotBlank @ValidCpr @Schema(description = "CPR number, DDMMYYSSSS or DDMMYY-SSSS", examples = "1503154321")
            String cpr,
            @NotBlank @Size(max = 200) @Schema(examples = "Emil Jensen") String name) {
    }

    @Schema(name = "CaseSearch", description = "Search by CPR number: in a body, never in a URL")
    public record CaseSearch(
            @NotBlank @ValidCpr @Schema(examples = "1503154321") String cpr) {
    }

    @Schema(name = "Child")
    public record ChildView(
            @Schema(description = "CPR number; masked as DDMMYY-XXXX in lists", examples = "150315-4321") String cpr,
            @Schema(examples = "Emil Jensen") String name) {
    }

    @Schema(name = "Case")
    public record CaseView(
            UUID id,
            ChildView child,
            RequestSource source,
            OffsetDateTime receivedAt,
            String description,
            Department department,
            @Schema(nullable = true, description = "A shared case's contributing department (the lead is department, which works and pays for it)")
            Department contributingDepartment,
            CaseStatus status,
            @Schema(nullable = true) String adviser,
            @Schema(nullable = true, description = "The visitation process instance, once the engine has started it (a string: keys exceed JavaScript's safe integers)",
                    examples = "2251799813685251")
            String processInstanceKey,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(description = "Row version; the ETag carries the same value") long version,
            @Schema(nullable = true, description = DubuCaseIds.DESCRIPTION, examples = "DUBU-2026-004711") String dubuCaseId) {

        static CaseView of(ChildCase c) {
            return new CaseView(c.id, new ChildView(c.child.cprNumber().digits(), c.child.name), c.source,
                    local(c.receivedAt), c.description, c.department, c.contributingDepartment, c.status, c.adviser,
                    c.processInstanceKey == null ? null : c.processInstanceKey.toString(),
                    local(c.createdAt), local(c.updatedAt), c.version, c.dubuCaseId);
        }
    }

    @Schema(name = "CaseSummary", description = "A case in a list: the CPR number is masked")
    public record CaseSummary(
            UUID id,
            ChildView child,
            RequestSource source,
            OffsetDateTime receivedAt,
            Department department,
            CaseStatus status,
            @Schema(nullable = true) String adviser,
            @Schema(description = "Row version: the case's ETag, for If-Match without reading the case first") long version,
            @Schema(nullable = true, description = DubuCaseIds.DESCRIPTION) String dubuCaseId) {

        static CaseSummary of(ChildCase c) {
            return new CaseSummary(c.id, new ChildView(c.child.cprNumber().masked(), c.child.name), c.source,
                    local(c.receivedAt), c.department, c.status, c.adviser, c.version, c.dubuCaseId);
        }
    }

    @Schema(name = "StatusChange")
    public record StatusChangeView(
            CaseStatus status,
            Department department,
            OffsetDateTime changedAt,
            @Schema(examples = "system") String changedBy,
            @Schema(nullable = true) String reason) {

        static StatusChangeView of(CaseStatusChange change) {
            return new StatusChangeView(change.status, change.department, local(change.changedAt),
                    change.changedBy, change.reason);
        }
    }

    @Schema(name = "AuditEntry")
    public record AuditView(
            OffsetDateTime at,
            @Schema(examples = "mette.myn") String actor,
            @Schema(examples = "CHANGE") String action,
            @Schema(nullable = true, examples = "adviser") String field,
            @Schema(nullable = true) String oldValue,
            @Schema(nullable = true) String newValue,
            @Schema(nullable = true, examples = "Ny rådgiver efter omfordeling") String reason) {

        static AuditView of(CaseAudit entry) {
            return new AuditView(local(entry.at), entry.actor, entry.action, entry.field, entry.oldValue,
                    entry.newValue, entry.reason);
        }
    }

    /** What the aktindsigt document shows; the CPR number only masked, as on every printout. */
    public record InsightView(
            String childName, String cprMasked, String caseId, String receivedAt, String source, String department,
            String status, String description, List<InsightSection.Rendered> sections, List<StatusChangeView> history,
            String printedAt) {

        static InsightView of(CaseReads.Insight insight) {
            ChildCase c = insight.childCase();
            return new InsightView(c.child.name, c.child.cprNumber().masked(), c.id.toString(),
                    local(c.receivedAt).toLocalDate().toString(), c.source.name(), c.department.name(), c.status.name(),
                    c.description, insight.sections(), insight.history().stream().map(StatusChangeView::of).toList(),
                    OffsetDateTime.now(DENMARK).withNano(0).toString());
        }
    }

}
