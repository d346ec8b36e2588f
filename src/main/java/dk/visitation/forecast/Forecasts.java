package dk.visitation.forecast;

import dk.visitation.common.Department;
import dk.visitation.common.Times;
import dk.visitation.economy.CommitmentAccounts;
import dk.visitation.economy.Cost;
import dk.visitation.economy.EconomyApi;
import dk.visitation.economy.ExpensiveCasesReport;
import dk.visitation.economy.Grant;
import dk.visitation.economy.StateRefunds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ECONOMY's forecast of a department's year: what the grants commit it to (the commitment account's year: every grant in
 * force or awaiting approval, for its days in the year, to the year's end), plus the expected placements not yet granted,
 * each weighted by the days of the year from its expected start (from today, when that has passed) at its first estimate of
 * the annual cost, per service type and per band of the expensive cases; against the budget in and outside the service
 * frame, and less the expected refund from the central scheme.
 */
@ApplicationScoped
public class Forecasts {

    /** The service types outside the service frame (CBA's budget: lost earnings, necessary extra costs, special transport). */
    static final Set<Grant.ServiceType> OUTSIDE_SERVICE_FRAME = EnumSet.of(Grant.ServiceType.LOST_EARNINGS,
            Grant.ServiceType.NECESSARY_EXTRA_COSTS, Grant.ServiceType.SPECIAL_TRANSPORT);

    /** The rest below 1.0 m kr, before the expensive cases' own bands. */
    static final String BELOW = "below-1.0";

    private final CommitmentAccounts accounts;
    private final ExpensiveCasesReport expensive;
    private final StateRefunds refunds;
    private final Budgets budgets;
    private final Instance<ExpectedPlacementSource> sources;

    Forecasts(CommitmentAccounts accounts, ExpensiveCasesReport expensive, StateRefunds refunds, Budgets budgets,
            Instance<ExpectedPlacementSource> sources) {
        this.accounts = accounts;
        this.expensive = expensive;
        this.refunds = refunds;
        this.budgets = budgets;
        this.sources = sources;
    }

    /** The band of an annual cost, in m kr. */
    static String band(long annualOre) {
        return annualOre < 1_000_000_00L ? BELOW : ExpensiveCasesReport.band(annualOre);
    }

    /**
     * What an expected placement adds to {@code year}: its annual estimate for the days from its expected start — or from
     * {@code today} once that has passed without a grant — to the year's end, by the one rounding rule; nothing for a past year.
     */
    static long expectedIn(int year, LocalDate today, ExpectedPlacementSource.Expected placement) {
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = yearStart.plusYears(1);
        LocalDate from = latest(placement.expectedStart(), yearStart, today);
        if (!from.isBefore(yearEnd)) {
            return 0;
        }
        return Cost.part(placement.annualEstimateOre(), BigDecimal.ONE, Cost.TariffPeriod.YEAR, placement.expectedStart(), yearEnd, from,
                yearEnd);
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }

    @Transactional
    public ForecastApi.ForecastView forecast(int year, Department department) {
        LocalDate today = LocalDate.now(Times.DENMARK);
        EconomyApi.CommitmentTotals totals = accounts.commitmentTotals(year, department);
        List<ExpectedPlacementSource.Expected> expected = new ArrayList<>();
        sources.forEach(source -> expected.addAll(source.open(department)));

        Map<Grant.ServiceType, Long> expectedByType = new EnumMap<>(Grant.ServiceType.class);
        Map<String, long[]> expectedByBand = new LinkedHashMap<>(); // placements, øre
        long expectedTotal = 0;
        long expectedCount = 0;
        for (ExpectedPlacementSource.Expected placement : expected) {
            long cost = expectedIn(year, today, placement);
            if (cost == 0) {
                continue;
            }
            expectedCount++;
            expectedTotal += cost;
            expectedByType.merge(Grant.ServiceType.PLACEMENT, cost, Long::sum);
            long[] band = expectedByBand.computeIfAbsent(band(placement.annualEstimateOre()), k -> new long[2]);
            band[0]++;
            band[1] += cost;
        }

        Map<Grant.ServiceType, ForecastApi.Figures> byType = new EnumMap<>(Grant.ServiceType.class);
        long outside = 0;
        for (Grant.ServiceType type : Grant.ServiceType.values()) {
            long committed = totals.byServiceType().getOrDefault(type, 0L);
            long exp = expectedByType.getOrDefault(type, 0L);
            byType.put(type, ForecastApi.Figures.of(committed, exp));
            if (OUTSIDE_SERVICE_FRAME.contains(type)) {
                outside += committed + exp;
            }
        }

        ExpensiveCasesReport.ExpensiveCases costly = expensive.costs(year, department);
        long expensiveCommitted = costly.cases().stream().mapToLong(ExpensiveCasesReport.ExpensiveCase::costOre).sum();
        Map<String, ForecastApi.Band> byBand = new LinkedHashMap<>();
        byBand.put(BELOW, band(totals.cases() - costly.cases().size(), totals.totalOre() - expensiveCommitted, expectedByBand.get(BELOW)));
        for (String band : ExpensiveCasesReport.BANDS) {
            var cases = costly.cases().stream().filter(c -> c.band().equals(band)).toList();
            byBand.put(band, band(cases.size(), cases.stream().mapToLong(ExpensiveCasesReport.ExpensiveCase::costOre).sum(),
                    expectedByBand.get(band)));
        }

        long forecast = totals.totalOre() + expectedTotal;
        Optional<ForecastApi.BudgetView> budget = budgets.get(year, department);
        Long refund = refunds.thresholds(year).isEmpty() ? null
                : refunds.expected(year, department).stream().mapToLong(r -> r.shareOf(department)).sum();
        return new ForecastApi.ForecastView(year, department, today, totals.totalOre(), totals.awaitingApprovalOre(), expectedTotal,
                expectedCount, forecast, byType, byBand,
                ForecastApi.Frame.of(forecast - outside, budget.map(ForecastApi.BudgetView::serviceFrameOre).orElse(null)),
                ForecastApi.Frame.of(outside, budget.map(ForecastApi.BudgetView::outsideServiceFrameOre).orElse(null)),
                ForecastApi.Frame.of(forecast, budget.map(ForecastApi.BudgetView::totalOre).orElse(null)),
                refund, refund == null ? null : forecast - refund);
    }

    private static ForecastApi.Band band(long cases, long committed, long[] expected) {
        long placements = expected == null ? 0 : expected[0];
        long exp = expected == null ? 0 : expected[1];
        return new ForecastApi.Band(cases, committed, placements, exp, committed + exp);
    }
}
