package dk.visitation.economy;

import dk.visitation.common.Rows;
import dk.visitation.common.CsvWriter;
import dk.visitation.common.Department;
import dk.visitation.security.AccessLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The report on expensive single cases (dyre enkeltsager): the cases per band and their share of the
 * department's placement spend, as JSON figures or as a CSV of the cases.
 */
@ApplicationScoped
public class ExpensiveCasesReport {

    /** The bands, in m kr of annualised cost, in the order they are reported. */
    public static final List<String> BANDS = List.of("1.0-1.5", "1.5-2.0", "2.0+");

    /** The band of an annualised cost of at least 1 m kr. */
    public static String band(long annualOre) {
        return annualOre < 1_500_000_00L ? "1.0-1.5" : annualOre < 2_000_000_00L ? "1.5-2.0" : "2.0+";
    }

    /** The CSV's columns, in order. */
    static final List<String> CSV_COLUMNS = List.of("case_id", "band", "annualised_ore", "placement_ore");

    @Schema(name = "ExpensiveCases", description = "Dyre enkeltsager: annualised cost ≥ 1 m kr, in bands, and their share of placement spend")
    public record ExpensiveCasesView(int year, Department department, Map<String, Long> casesPerBand,
            long placementSpendOre, long expensivePlacementOre,
            @Schema(description = "Share of the placement spend, in per cent with one decimal") BigDecimal sharePercent,
            @Schema(nullable = true, description = "The department's share of the expected refund from the central scheme for "
                    + "these cases; empty for a year without thresholds or without expensive cases") Long expectedRefundOre,
            List<ExpensiveCase> cases) {
    }

    /**
     * A case whose annualised cost in the year is at least 1 m kr, with its band, what the department pays for it in the
     * year, and its share of the expected state refund (on the case's cost to the municipality, shared by what each paid).
     */
    public record ExpensiveCase(UUID caseId, long annualOre, long placementOre, String band,
            @Schema(description = "What the department pays for the case in the year (not annualised)") long costOre,
            @Schema(nullable = true, description = "The department's share of the expected refund; empty for a year without thresholds")
            Long expectedRefundOre,
            @Schema(nullable = true, description = "costOre less expectedRefundOre") Long netCostOre) {

        ExpensiveCase(UUID caseId, long annualOre, long placementOre, String band) {
            this(caseId, annualOre, placementOre, band, 0, null, null);
        }

        ExpensiveCase withRefund(Long refundOre) {
            return new ExpensiveCase(caseId, annualOre, placementOre, band, costOre, refundOre, refundOre == null ? null : costOre - refundOre);
        }
    }

    /** The expensive cases of a department-year and the department's whole placement spend that year. */
    public record ExpensiveCases(List<ExpensiveCase> cases, long placementSpendOre) {
    }

    private final AccessLog accessLog;
    private final StateRefunds refunds;

    ExpensiveCasesReport(AccessLog accessLog, StateRefunds refunds) {
        this.accessLog = accessLog;
        this.refunds = refunds;
    }

    /** A kept case cost of at least 1 m kr a year, or (the last row, with no case) the department-year's placement spend. */
    record CostRow(UUID caseId, Long annualOre, Long placementOre, Long costOre, Long placementSpendOre) {
    }

    /**
     * Expensive single cases (dyre enkeltsager) of {@code department} in {@code year}: the cost it pays for each
     * case in the year, annualised over the days it paid, in the bands 1.0–1.5, 1.5–2.0 and 2.0+ m kr, and the placement
     * spend their share is taken of — read from the cost per case and year kept on every change (V40).
     */
    @Transactional
    public ExpensiveCases expensiveCases(int year, Department department) {
        ExpensiveCases report = costs(year, department);
        if (refunds.thresholds(year).isEmpty()) {
            return report;
        }
        List<ExpensiveCase> expensive = new ArrayList<>(report.cases());
        Map<UUID, StateRefunds.CaseRefund> expected = refunds.ofCases(year, expensive.stream().map(ExpensiveCase::caseId).toList());
        expensive.replaceAll(c -> c.withRefund(expected.containsKey(c.caseId()) ? expected.get(c.caseId()).shareOf(department) : 0L));
        return new ExpensiveCases(expensive, report.placementSpendOre());
    }

    /** The expensive cases and the placement spend as {@link #expensiveCases}, without their refunds (the forecast sums those itself). */
    @Transactional
    public ExpensiveCases costs(int year, Department department) {
        // the kept cost per case and year (case_year_cost, V40): the expensive ones are the first entries of
        // case_year_cost_expensive_idx, the placement spend an index-only sum; the last row is the spend
        List<CostRow> rows = Rows.list(Panache.getEntityManager(), """
                        select case_id, annual_ore, placement_ore, cost_ore, null::bigint as placement_spend_ore from case_year_cost
                        where department = :department and year = :year and annual_ore >= 100000000
                        union all
                        select null, null, null, null, coalesce(sum(placement_ore), 0)::bigint from case_year_cost
                        where department = :department and year = :year""", CostRow.class,
                q -> q.setParameter("year", year).setParameter("department", department.name()));
        long placementSpend = 0;
        List<ExpensiveCase> expensive = new ArrayList<>();
        for (CostRow row : rows) {
            if (row.caseId() == null) {
                placementSpend = row.placementSpendOre();
                continue;
            }
            long annual = row.annualOre();
            expensive.add(new ExpensiveCase(row.caseId(), annual, row.placementOre(), band(annual), row.costOre(), null, null));
        }
        // as before: by case id (Java's UUID order), then the most expensive first
        expensive.sort(Comparator.comparing(ExpensiveCase::caseId));
        expensive.sort(Comparator.comparingLong(ExpensiveCase::annualOre).reversed());
        accessLog.record(AccessLog.Action.EXPORT, "expensive cases", expensive.stream().map(ExpensiveCase::caseId).toList(),
                List.of(), Map.of("year", year, "department", department.name()));
        return new ExpensiveCases(expensive, placementSpend);
    }

    /** The expensive cases of {@code department} in {@code year}, per band and with their share (an export in the access log). */
    public ExpensiveCasesView view(int year, Department department) {
        return view(year, department, expensiveCases(year, department));
    }

    /** The expensive cases of {@code department} in {@code year} as CSV (an export in the access log). */
    public String csv(int year, Department department) {
        return csv(expensiveCases(year, department).cases());
    }

    /** The cases counted per band, and their placement cost as a share of the whole placement spend. */
    static ExpensiveCasesView view(int year, Department department, ExpensiveCases report) {
        List<ExpensiveCase> cases = report.cases();
        Map<String, Long> bands = new LinkedHashMap<>();
        for (String band : BANDS) {
            bands.put(band, cases.stream().filter(c -> c.band().equals(band)).count());
        }
        long spend = report.placementSpendOre();
        long expensivePlacement = cases.stream().mapToLong(ExpensiveCase::placementOre).sum();
        BigDecimal share = spend == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(expensivePlacement * 100)
                .divide(BigDecimal.valueOf(spend), 1, RoundingMode.HALF_EVEN);
        Long refund = cases.stream().anyMatch(c -> c.expectedRefundOre() != null)
                ? cases.stream().mapToLong(c -> c.expectedRefundOre() == null ? 0 : c.expectedRefundOre()).sum() : null;
        return new ExpensiveCasesView(year, department, bands, spend, expensivePlacement, share, refund, cases);
    }

    /** One CSV line per case: its id, band, annualised cost and placement cost in øre. */
    static String csv(List<ExpensiveCase> cases) {
        return CsvWriter.write(CSV_COLUMNS, cases.stream()
                .map(c -> List.<Object>of(c.caseId().toString(), c.band(), c.annualOre(), c.placementOre()))
                .toList());
    }
}
