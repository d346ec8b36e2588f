package dk.visitation.advisers;

import dk.visitation.common.Department;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The adviser register's request and response bodies. */
public final class AdviserApi {

    private AdviserApi() {
    }

    @Schema(name = "NewAdviser", description = "An adviser for the register: give the FTE share or the weekly hours (FTE = hours / 37), not both")
    public record NewAdviser(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may hold letters, digits and . _ @ - only")
            @Schema(description = "The user id: the token's upn", examples = "mette.myn") String userId,
            @NotBlank @Size(max = 200) @Schema(examples = "Mette Madsen") String name,
            @NotNull Department department,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 3)
            @Schema(nullable = true, description = "Share of a full-time post, above 0 and at most 1", examples = "0.8") BigDecimal fte,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("37") @Digits(integer = 2, fraction = 2)
            @Schema(nullable = true, description = "Hours a week, instead of fte (37 hours is 1 FTE)", examples = "29.6") BigDecimal weeklyHours,
            @NotNull CaseloadKind caseloadKind,
            @NotNull @Schema(description = "First day active", examples = "2026-01-01") LocalDate activeFrom,
            @Schema(nullable = true, description = "First day no longer active; null while open-ended", examples = "2027-01-01")
            LocalDate activeTo) {
    }

    @Schema(name = "AdviserChange", description = "The register entry as it is to be (PUT replaces it); the FTE share or the weekly hours")
    public record AdviserChange(
            @NotBlank @Size(max = 200) @Schema(examples = "Mette Madsen") String name,
            @NotNull Department department,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 3)
            @Schema(nullable = true, examples = "0.8") BigDecimal fte,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("37") @Digits(integer = 2, fraction = 2)
            @Schema(nullable = true, examples = "29.6") BigDecimal weeklyHours,
            @NotNull CaseloadKind caseloadKind,
            @NotNull @Schema(examples = "2026-01-01") LocalDate activeFrom,
            @Schema(nullable = true, examples = "2027-01-01") LocalDate activeTo) {
    }

    @Schema(name = "Adviser", description = "An adviser in the register, with the cases held now")
    public record AdviserView(
            @Schema(examples = "mette.myn") String userId,
            @Schema(examples = "Mette Madsen") String name,
            Department department,
            @Schema(description = "Share of a full-time post", examples = "0.8") BigDecimal fte,
            @Schema(description = "FTE × 37", examples = "29.6") BigDecimal weeklyHours,
            CaseloadKind caseloadKind,
            LocalDate activeFrom,
            @Schema(nullable = true) LocalDate activeTo,
            @Schema(description = "Active today") boolean active,
            @Schema(description = "Cases held now", examples = "28") long openCases,
            @Schema(description = "Cases held now per FTE", examples = "35.0") BigDecimal loadPerFte,
            @Schema(description = "Row version; the ETag carries the same value") long version) {
    }

    /** For the contract only: a page of advisers. */
    @Schema(name = "AdviserPage")
    public record AdviserPage(List<AdviserView> items, int page, int size, long total) {
    }
}
