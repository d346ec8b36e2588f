package dk.visitation.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Department;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report's arithmetic without a database: cases per band, the share of the placement spend, the CSV's lines. */
class ExpensiveCasesReportTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void counts_every_band_in_order_and_takes_the_share_with_one_decimal_half_even() {
        var report = new ExpensiveCasesReport.ExpensiveCases(List.of(
                new ExpensiveCasesReport.ExpensiveCase(A, 2_400_000_00L, 1_000_00L, "2.0+"),
                new ExpensiveCasesReport.ExpensiveCase(B, 1_200_000_00L, 250L, "1.0-1.5")), 8_000_00L);

        var view = ExpensiveCasesReport.view(2031, Department.MYN, report);

        Map<String, Long> bands = new LinkedHashMap<>();
        bands.put("1.0-1.5", 1L);
        bands.put("1.5-2.0", 0L);
        bands.put("2.0+", 1L);
        assertEquals(List.copyOf(bands.entrySet()), List.copyOf(view.casesPerBand().entrySet()));
        assertEquals(1_000_00L + 250L, view.expensivePlacementOre());
        assertEquals(new BigDecimal("12.5"), view.sharePercent(), "100250 of 800000 is 12.53 %");
        assertEquals(BigDecimal.ZERO, ExpensiveCasesReport.view(2031, Department.MYN,
                new ExpensiveCasesReport.ExpensiveCases(List.of(), 0)).sharePercent(), "no placement spend");
    }

    @Test
    void the_csv_has_the_columns_of_the_export_and_a_line_per_case() {
        String csv = ExpensiveCasesReport.csv(List.of(new ExpensiveCasesReport.ExpensiveCase(A, 2_400_000_00L, 1_000_00L, "2.0+")));
        assertEquals("case_id;band;annualised_ore;placement_ore\n" + A + ";2.0+;240000000;100000\n", csv);
    }
}
