package dk.visitation.economy;

import dk.visitation.cases.TargetGroup;
import dk.visitation.common.Department;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The economy API's bodies. Money is integer øre. */
public final class EconomyApi {

    private EconomyApi() {
    }

    @Schema(name = "NewGrant", description = "A grant: price per unit per tariff period (øre) × scope (units per period) over [from, to). "
            + "Name the provider from the register (providerId); provider and providerName as free text are for a provider not in the "
            + "register yet, and must be left out, or agree with the register, when providerId is given")
    public record NewGrant(
            @NotNull Grant.ServiceType serviceType,
            @Schema(nullable = true, description = "The provider in the register (GET /providers) offering the service type")
            UUID providerId,
            @Schema(nullable = true, description = "Required without providerId") Grant.Provider provider,
            @Size(max = 200) @Schema(nullable = true, description = "Required without providerId",
                    examples = "Specialindsats for Børn og Unge – Mellerup") String providerName,
            @Positive @Schema(description = "Price per unit per tariff period in øre", examples = "120000000") long priceOre,
            @NotNull Cost.TariffPeriod tariffPeriod,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) @Schema(examples = "1") BigDecimal scope,
            @NotNull @Schema(examples = "2026-01-01") LocalDate from,
            @NotNull @Schema(description = "Exclusive", examples = "2027-01-01") LocalDate to) {
    }

    @Schema(name = "Grant")
    public record GrantView(UUID id,
            @Schema(description = "The grant this is a part of: the id of its first part, which is the grant's id for its start, goals, "
                    + "status notes and follow-ups; equal to id unless the grant was changed from a date") UUID grantId,
            UUID caseId, Grant.ServiceType serviceType, String legalBasis,
            @Schema(nullable = true, description = "The provider in the register; empty for a grant that names one by free text only")
            UUID providerId, Grant.Provider provider,
            @Schema(description = "As the grant was made (the register's name then)") String providerName, long priceOre, Cost.TariffPeriod tariffPeriod, BigDecimal scope, LocalDate from, LocalDate to,
            @Schema(description = "The grant's total over its period in øre (the stated rounding rule)") long totalOre,
            @Schema(description = "NOT_REQUIRED below the approval amount; else PENDING until ECONOMY approves or rejects it")
            Grant.Approval approval,
            @Schema(nullable = true, description = "The day the grant came into force (ECONOMY's approval where it was needed, else "
                    + "the grant itself); empty while it awaits approval or when rejected") LocalDate grantedOn,
            @Schema(description = "When the service is expected to start: the first day of the grant's period", examples = "2026-01-01")
            LocalDate expectedStart,
            @Schema(nullable = true, description = "The day the service actually started; empty while the family waits for it")
            LocalDate startedOn,
            @Schema(nullable = true, description = "Calendar days from grantedOn to startedOn (0 when it started on the day it was "
                    + "granted, or before it: a grant made after the service began)") Long daysToStart,
            @Schema(nullable = true, description = "The end it was granted with (exclusive), when it was ended early; `to` is then "
                    + "the end it has") LocalDate grantedTo,
            @Schema(nullable = true, description = "Why it was ended early") String endReason,
            @Schema(nullable = true, description = "Why the terms changed from this part's first day; empty for a grant's first part")
            String changeReason,
            long version) {

        static GrantView of(Grant g) {
            LocalDate grantedOn = g.grantedOn();
            Long daysToStart = grantedOn == null || g.startedOn == null ? null
                    : Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(grantedOn, g.startedOn));
            return new GrantView(g.id, g.grantId(), g.caseId, g.serviceType, g.legalBasis, g.providerId, g.provider, g.providerName, g.priceOre,
                    g.tariffPeriod, g.scope, g.validFrom, g.validTo,
                    Cost.upTo(g.priceOre, g.scope, g.tariffPeriod, g.validFrom, g.validTo), g.approval, grantedOn, g.validFrom,
                    g.startedOn, daysToStart, g.grantedTo, g.endReason, g.changeReason, g.version);
        }
    }

    @Schema(name = "GrantChange", description = "Changes the grant's price, tariff or scope from a day: the days before keep the terms "
            + "they had, the new terms run to the grant's end. Leave out what stays as it is")
    public record GrantChange(
            @NotNull @Schema(description = "The first day of the new terms: after the grant's (or its last change's) first day, "
                    + "before its end", examples = "2026-07-01") LocalDate from,
            @Positive @Schema(nullable = true, description = "The new price per unit per tariff period in øre", examples = "132000000")
            Long priceOre,
            @Schema(nullable = true) Cost.TariffPeriod tariffPeriod,
            @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) @Schema(nullable = true, examples = "1.5") BigDecimal scope,
            @NotBlank @Size(max = 1000) @Schema(examples = "Ny takst fra leverandøren efter genforhandling") String reason) {
    }

    @Schema(name = "GrantEnd", description = "Ends the grant before the end it was granted with; to is exclusive, as in the grant")
    public record GrantEnd(
            @NotNull @Schema(description = "The first day without the service; the grant's first day when it never ran",
                    examples = "2026-12-01") LocalDate to,
            @NotBlank @Size(max = 1000) @Schema(examples = "Familien er flyttet fra kommunen") String reason) {
    }

    @Schema(name = "GrantStart", description = "The day the granted service actually started (e.g. the first day at the respite "
            + "family); a corrected day is a new start with the grant's current ETag")
    public record GrantStart(@NotNull @Schema(description = "Not in the future", examples = "2026-12-01") LocalDate startedOn) {
    }

    @Schema(name = "PaymentSwitch", description = "From the effective date the department pays, until the next recorded change")
    public record PaymentSwitch(@NotNull Department department, @NotNull @Schema(examples = "2026-07-01") LocalDate effectiveDate,
            @Size(max = 1000) String reason) {
    }

    @Schema(name = "PaymentPeriod")
    public record PeriodView(LocalDate from, @Schema(nullable = true, description = "Exclusive; empty while open-ended") LocalDate to,
            Department department) {
    }

    @Schema(name = "PaymentResponsibility")
    public record Responsibility(UUID caseId, List<PeriodView> periods,
            @Schema(description = "Who pays on the asked date (today when none was asked)") LocalDate date,
            @Schema(nullable = true, description = "Empty when nobody pays on that date") Department payer) {
    }

    @Schema(name = "CommitmentLine", description = "One case's committed cost for a service type in the year, for one department")
    public record CommitmentLine(UUID caseId, Grant.ServiceType serviceType,
            @Schema(description = "The target group the visitation placed the case in") TargetGroup targetGroup, long amountOre,
            @Schema(description = "The part of the amount from grants still awaiting ECONOMY's approval") long awaitingApprovalOre) {
    }

    @Schema(name = "CommitmentTotals", description = "Dispositionsregnskab without its lines: a department's commitments "
            + "in a year, in total, per service type and per target group; the lines page with GET /economy/commitment-account/lines")
    public record CommitmentTotals(int year, Department department,
            @Schema(description = "Committed in the year, øre", examples = "412500000") long totalOre,
            @Schema(description = "The part from grants awaiting ECONOMY's approval, øre", examples = "0") long awaitingApprovalOre,
            Map<Grant.ServiceType, Long> byServiceType, Map<TargetGroup, Long> byTargetGroup,
            @Schema(description = "Cases with a commitment in the year", examples = "3") long cases,
            @Schema(description = "Lines (case and service type) of the account: the total of its line pages", examples = "5") long lines) {
    }

    @Schema(name = "CommitmentAccount", description = "Dispositionsregnskab: a department's commitments in a year, "
            + "with totals per service type and per target group")
    public record CommitmentAccount(int year, Department department, long totalOre, long awaitingApprovalOre,
            Map<Grant.ServiceType, Long> byServiceType, Map<TargetGroup, Long> byTargetGroup, List<CommitmentLine> lines) {

        static CommitmentAccount of(int year, Department department, List<CommitmentLine> lines) {
            Map<Grant.ServiceType, Long> byServiceType = new java.util.EnumMap<>(Grant.ServiceType.class);
            Map<TargetGroup, Long> byTargetGroup = new java.util.EnumMap<>(TargetGroup.class);
            lines.forEach(line -> {
                byServiceType.merge(line.serviceType(), line.amountOre(), Long::sum);
                byTargetGroup.merge(line.targetGroup(), line.amountOre(), Long::sum);
            });
            return new CommitmentAccount(year, department, lines.stream().mapToLong(CommitmentLine::amountOre).sum(),
                    lines.stream().mapToLong(CommitmentLine::awaitingApprovalOre).sum(), byServiceType, byTargetGroup, lines);
        }
    }
}
