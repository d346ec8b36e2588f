package dk.visitation.economy;

import dk.visitation.common.CsvWriter;
import dk.visitation.common.Department;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The report on expensive single cases (dyre enkeltsager): the cases per band and their share of the
 * department's placement spend, as JSON figures or as a CSV of the cases.
 */
@ApplicationScoped
public class ExpensiveCasesReport {

    /** The bands, in m kr of annualised cost, in the order they are reported. */
    static final List<String> BANDS = List.of("1.0-1.5", "1.5-2.0", "2.0+");

    /** The CSV's columns, in order. */
    static final List<String> CSV_COLUMNS = List.of("case_id", "band", "annualised_ore", "placement_ore");

    @Schema(name = "ExpensiveCases", description = "Dyre enkeltsager: annualised cost ≥ 1 m kr, in bands, and their share of placement spend")
    public record ExpensiveCasesView(int year, Department department, Map<String, Long> casesPerBand,
            long placementSpendOre, long expensivePlacementOre,
            @Schema(description = "Share of the placement spend, in per cent with one decimal") BigDecimal sharePercent,
            List<EconomyService.ExpensiveCase> cases) {
    }

    private final EconomyService economy;

    ExpensiveCasesReport(EconomyService economy) {
        this.economy = economy;
    }

    /** The expensive cases of {@code department} in {@code year}, per band and with their share (an export in the access log). */
    public ExpensiveCasesView view(int year, Department department) {
        return view(year, department, economy.expensiveCases(year, department));
    }

    /** The expensive cases of {@code department} in {@code year} as CSV (an export in the access log). */
    public String csv(int year, Department department) {
        return csv(economy.expensiveCases(year, department).cases());
    }

    /** The cases counted per band, and their placement cost as a share of the whole placement spend. */
    static ExpensiveCasesView view(int year, Department department, EconomyService.ExpensiveCases report) {
        List<EconomyService.ExpensiveCase> cases = report.cases();
        Map<String, Long> bands = new LinkedHashMap<>();
        for (String band : BANDS) {
            bands.put(band, cases.stream().filter(c -> c.band().equals(band)).count());
        }
        long spend = report.placementSpendOre();
        long expensivePlacement = cases.stream().mapToLong(EconomyService.ExpensiveCase::placementOre).sum();
        BigDecimal share = spend == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(expensivePlacement * 100)
                .divide(BigDecimal.valueOf(spend), 1, RoundingMode.HALF_EVEN);
        return new ExpensiveCasesView(year, department, bands, spend, expensivePlacement, share, cases);
    }

    /** One CSV line per case: its id, band, annualised cost and placement cost in øre. */
    static String csv(List<EconomyService.ExpensiveCase> cases) {
        return CsvWriter.write(CSV_COLUMNS, cases.stream()
                .map(c -> List.<Object>of(c.caseId().toString(), c.band(), c.annualOre(), c.placementOre()))
                .toList());
    }
}
