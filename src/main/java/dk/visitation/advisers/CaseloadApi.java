package dk.visitation.advisers;

import dk.visitation.common.Department;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caseload figures: per adviser and department against the norm, per month, and continuity. */
public final class CaseloadApi {

    private CaseloadApi() {
    }

    /** Against the norm: below its lower bound, within it, or above its upper bound. */
    @Schema(name = "CaseloadStatus", description = "Against the norm: under its lower bound, within it, or over its upper bound")
    public enum Status { UNDER, WITHIN, OVER }

    @Schema(name = "CaseloadNorm", description = "Open cases per full-time adviser")
    public record Norm(@Schema(examples = "25") int min, @Schema(examples = "35") int max) {
    }

    @Schema(name = "AdviserCaseload", description = "One adviser's open cases on the day, per FTE, against the norm of the adviser's kind")
    public record AdviserLoad(
            @Schema(examples = "carl.cba") String userId,
            @Schema(examples = "Carl Christensen") String name,
            Department department,
            CaseloadKind caseloadKind,
            @Schema(examples = "0.8") BigDecimal fte,
            @Schema(description = "Active in the register on the day") boolean active,
            @Schema(examples = "52") long openCases,
            @Schema(examples = "65.0") BigDecimal loadPerFte,
            Norm norm,
            Status status) {
    }

    @Schema(name = "CaseloadKindTotal", description = "A department's advisers of one kind together, and the FTE the norm asks for")
    public record KindTotal(
            CaseloadKind caseloadKind,
            Norm norm,
            @Schema(examples = "9") int advisers,
            @Schema(examples = "8.15") BigDecimal fte,
            @Schema(examples = "523") long openCases,
            @Schema(examples = "64.2") BigDecimal loadPerFte,
            Status status,
            @Schema(description = "FTE to hold these cases at the norm's upper bound (rounded up to 0.01)", examples = "14.95")
            BigDecimal fteNeeded,
            @Schema(description = "FTE missing to be within the norm: fteNeeded − fte, at least 0", examples = "6.8")
            BigDecimal fteShortfall) {
    }

    @Schema(name = "DepartmentCaseload")
    public record DepartmentLoad(
            Department department,
            @Schema(description = "Open cases held by the department's registered advisers", examples = "523") long openCases,
            @Schema(examples = "8.15") BigDecimal fte,
            @Schema(nullable = true, description = "Null when the department has no FTE on the day", examples = "64.2") BigDecimal loadPerFte,
            @Schema(description = "The sum of its kinds' fteNeeded", examples = "14.95") BigDecimal fteNeeded,
            @Schema(description = "The sum of its kinds' fteShortfall", examples = "6.8") BigDecimal fteShortfall,
            List<KindTotal> kinds,
            List<AdviserLoad> advisers) {
    }

    @Schema(name = "Caseload", description = "The caseload on a day, per department")
    public record Report(LocalDate on, List<DepartmentLoad> departments) {
    }

    @Schema(name = "MonthlyCaseloadLine", description = "An adviser's open cases at the end of a month (the current month: now)")
    public record MonthLine(
            @Schema(examples = "2026-01") String month,
            String userId,
            String name,
            Department department,
            CaseloadKind caseloadKind,
            BigDecimal fte,
            long openCases,
            BigDecimal loadPerFte,
            Status status) {
    }

    @Schema(name = "MonthlyCaseload")
    public record Monthly(
            @Schema(nullable = true) Department department,
            @Schema(examples = "2026-01") String from,
            @Schema(examples = "2026-12") String to,
            List<MonthLine> lines) {
    }

    @Schema(name = "DepartmentContinuity", description = "How often the department's cases changed adviser in the period")
    public record DepartmentContinuity(
            Department department,
            @Schema(description = "Cases that had one of the department's advisers at some time in the period", examples = "523") long cases,
            @Schema(description = "Of them, the cases whose adviser changed in the period", examples = "131") long changedCases,
            @Schema(description = "Changes of adviser in the period (a first adviser is no change)", examples = "170") long changes,
            @Schema(description = "changedCases / cases, three decimals", examples = "0.25") BigDecimal shareChanged,
            @Schema(description = "changes / cases, two decimals", examples = "0.33") BigDecimal changesPerCase) {
    }

    @Schema(name = "Continuity")
    public record Continuity(LocalDate from, LocalDate to, List<DepartmentContinuity> departments) {
    }
}
