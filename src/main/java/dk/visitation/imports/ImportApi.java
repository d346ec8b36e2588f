package dk.visitation.imports;

import dk.visitation.cases.CaseApi;
import dk.visitation.cases.CaseStatus;
import dk.visitation.cases.DubuCaseIds;
import dk.visitation.cases.RequestSource;
import dk.visitation.casework.CaseworkKind;
import dk.visitation.casework.NotifierKind;
import dk.visitation.common.Department;
import dk.visitation.common.DocumentReference;
import dk.visitation.economy.EconomyApi.NewGrant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bulk import's bodies: one line per case, as a municipality exports its open caseload. */
public final class ImportApi {

    /** The most lines one batch may hold. */
    public static final int MAX_LINES = 10_000;

    private ImportApi() {
    }

    @Schema(name = "ImportLine", description = "One existing case, as the municipality's system exports it. The DUBU case id is required: "
            + "it is the line's idempotency key (a case that already carries it is left unchanged). Statuses: RECEIVED, "
            + "AWAITING_ASSESSMENT, PREPARING_COMMITTEE and ON_COMMITTEE_AGENDA (the case's process is started at that step), "
            + "DECIDED_MYN, STAYS_MYN and HANDED_OVER (settled: no process waits); not QUICK_SCREENED, DECIDED_CBA (import them "
            + "once handed over) or SHARED.")
    public record ImportLine(
            @NotBlank @Size(max = DubuCaseIds.MAX_LENGTH) @Pattern(regexp = DubuCaseIds.PATTERN, message = DubuCaseIds.MESSAGE)
            @Schema(description = DubuCaseIds.DESCRIPTION + "; required here", examples = "DUBU-2024-001234") String dubuCaseId,
            @NotNull @Valid CaseApi.ChildInput child,
            @NotNull @Schema(description = "The department working the case now") Department department,
            @NotNull CaseStatus status,
            @Size(max = 100) @Schema(nullable = true, description = "The adviser, by the adviser register's user id (GET /advisers); "
                    + "an active adviser of the department", examples = "mette.myn") String adviser,
            @NotNull @Schema(description = "Where the request came from") RequestSource source,
            @NotNull @PastOrPresent @Schema(description = "When the request was received", examples = "2024-03-11T10:00:00+01:00")
            OffsetDateTime receivedAt,
            @Size(max = 4000) @Schema(nullable = true, description = "The request; \"Importeret fra DUBU\" when left out") String description,
            @Schema(nullable = true, description = "Who paid from when, oldest first, the first from the day the request came in "
                    + "at the latest; the department working the case pays from the day it came in when left out")
            List<@NotNull @Valid PaymentEntry> paymentResponsibility,
            @Schema(nullable = true, description = "The running grants, as POST /cases/{id}/grants takes them; each already in force "
                    + "(approved where it needed ECONOMY's approval) and started on its first day when that has come")
            List<@NotNull @Valid NewGrant> grants,
            @Schema(nullable = true, description = "The casework record, as POST /cases/{id}/casework takes it; a record that "
                    + "answers another (e.g. RECEIPT_SENT a NOTIFICATION) answers the latest earlier one of the line")
            List<@NotNull @Valid WorkItem> workItems) {
    }

    @Schema(name = "ImportPaymentEntry", description = "From this day the department pays, until the next entry")
    public record PaymentEntry(@NotNull Department department, @NotNull @Schema(examples = "2024-03-11") LocalDate from) {
    }

    @Schema(name = "ImportWorkItem", description = "A dated fact of the casework record (see NewCaseworkEntry); a FOLLOW_UP names its "
            + "grant by its place in the line's grants (0 for the first)")
    public record WorkItem(
            @NotNull CaseworkKind kind,
            @NotNull @Schema(examples = "2024-03-12T09:00:00+01:00") OffsetDateTime occurredAt,
            @Schema(nullable = true) NotifierKind notifierKind,
            @Schema(nullable = true) Boolean urgent,
            @Min(0) @Schema(nullable = true, description = "FOLLOW_UP only: the index of the grant in the line's grants", examples = "0")
            Integer grant,
            @Size(max = 2000) @Schema(nullable = true) String reason,
            @Valid @Schema(nullable = true) DocumentReference document) {
    }

    @Schema(name = "ImportProblem", description = "What is wrong with a line; never the value itself")
    public record LineProblem(
            @Schema(description = "1-based: the line of the NDJSON body, the element of the JSON array", examples = "3") int line,
            @Schema(description = "JSON path of the field in the line; empty for the line as a whole", examples = "grants[0].priceOre")
            String field,
            @Schema(examples = "must be greater than 0") String message) {
    }

    public enum Outcome { CREATED, UNCHANGED }

    @Schema(name = "ImportedLine", description = "What became of a line of a real run")
    public record LineResult(int line, @Schema(examples = "DUBU-2024-001234") String dubuCaseId, UUID caseId,
            @Schema(description = "CREATED, or UNCHANGED when a case already carried the DUBU id") Outcome outcome) {
    }

    public enum ImportOutcome {
        /** A dry run: validated, nothing written. */
        VALIDATED,
        /** A real run with an invalid line: nothing written. */
        REFUSED,
        /** A real run being written. */
        RUNNING,
        /** Every line written or found unchanged. */
        COMPLETED,
        /** Stopped midway by an error; the lines committed so far stay, and re-running the batch is safe. */
        FAILED
    }

    @Schema(name = "ImportReport", description = "A batch's validation and, for a real run, what became of each line")
    public record Report(
            UUID id,
            boolean dryRun,
            ImportOutcome outcome,
            @Schema(examples = "system.dubu") String importedBy,
            OffsetDateTime importedAt,
            @Schema(nullable = true, description = "When the run ended; empty while it runs") OffsetDateTime finishedAt,
            @Schema(examples = "10000") int lines,
            @Schema(description = "Lines without a problem", examples = "10000") int valid,
            @Schema(description = "Lines with at least one problem", examples = "0") int invalid,
            @Schema(description = "Cases created (none in a dry run)", examples = "9990") int created,
            @Schema(description = "Lines whose DUBU id a case already carries: left as they are", examples = "10") int unchanged,
            List<LineProblem> problems,
            @Schema(description = "A real run's lines, in order; empty in a dry run and a refused run") List<LineResult> cases) {
    }

    @Schema(name = "ImportSummary", description = "A batch in the list, without its problems and lines")
    public record Summary(UUID id, boolean dryRun, ImportOutcome outcome, String importedBy, OffsetDateTime importedAt,
            @Schema(nullable = true) OffsetDateTime finishedAt, int lines, int valid, int invalid, int created, int unchanged) {
    }

    /** For the contract only: a page of imports. */
    @Schema(name = "ImportPage")
    public record ImportPage(List<Summary> items, int page, int size, long total) {
    }
}
