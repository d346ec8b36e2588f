package dk.visitation.forecast;

import dk.visitation.common.Department;
import dk.visitation.economy.Grant;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The forecast API's bodies. Money is integer øre. */
public final class ForecastApi {

    private ForecastApi() {
    }

    @Schema(name = "BudgetEntry", description = "A department's budget for a year, inside the service frame (placements and services for "
            + "children) and outside it (lost earnings, necessary extra costs, special transport)")
    public record BudgetEntry(
            @NotNull @PositiveOrZero @Schema(examples = "6930000000") Long serviceFrameOre,
            @NotNull @PositiveOrZero @Schema(examples = "1960000000") Long outsideServiceFrameOre,
            @Size(max = 1000) @Schema(nullable = true, examples = "Vedtaget budget 2026") String note) {
    }

    @Schema(name = "Budget")
    public record BudgetView(Department department, int year, long serviceFrameOre, long outsideServiceFrameOre, long totalOre,
            @Schema(nullable = true) String note, String setBy, Instant setAt, long version) {
    }

    @Schema(name = "ForecastFigures", description = "Committed (grants in force and awaiting approval, their days in the year), expected "
            + "(expected placements from their expected start to the year's end) and their sum")
    public record Figures(long committedOre, long expectedOre, long forecastOre) {

        static Figures of(long committed, long expected) {
            return new Figures(committed, expected, committed + expected);
        }
    }

    @Schema(name = "ForecastBand", description = "The cases of a band of annualised cost (the expensive cases' bands; below 1.0 m kr the rest)")
    public record Band(long cases, long committedOre, long expectedPlacements, long expectedOre, long forecastOre) {
    }

    @Schema(name = "ForecastFrame", description = "A part of the forecast against its budget")
    public record Frame(long forecastOre, @Schema(nullable = true, description = "Empty while no budget is entered") Long budgetOre,
            @Schema(nullable = true, description = "budgetOre less forecastOre: negative is an expected overspend") Long remainingOre) {

        static Frame of(long forecast, Long budget) {
            return new Frame(forecast, budget, budget == null ? null : budget - forecast);
        }
    }

    @Schema(name = "Forecast", description = "ECONOMY's forecast of a department's year: the commitments of the grants, the expected "
            + "placements weighted by their expected start, per service type and per band of the expensive cases, against the budget, "
            + "and the expected refund from the central scheme")
    public record ForecastView(int year, Department department, LocalDate asOf,
            @Schema(description = "Grants in force (and awaiting ECONOMY's approval) for their days in the year, to the year's end")
            long committedOre,
            @Schema(description = "The part of committedOre awaiting ECONOMY's approval") long awaitingApprovalOre,
            @Schema(description = "Expected placements not yet granted, from their expected start to the year's end") long expectedOre,
            long expectedPlacements, long forecastOre,
            Map<Grant.ServiceType, Figures> byServiceType, Map<String, Band> byBand,
            Frame serviceFrame, Frame outsideServiceFrame, Frame total,
            @Schema(nullable = true, description = "The department's share of the expected refund on the committed cost of its "
                    + "expensive cases; empty for a year without thresholds") Long expectedRefundOre,
            @Schema(nullable = true, description = "forecastOre less expectedRefundOre") Long netForecastOre) {
    }
}
