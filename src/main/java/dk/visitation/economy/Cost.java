package dk.visitation.economy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Money in øre, and the one rounding rule of the service: a tariff becomes a daily rate on a 365-day
 * year (a month is 1/12 year, a week 7 days); a grant's cost up to a day is rounded half-even to the
 * øre once, and any part [a, b) of its period costs cost(b) − cost(a). Parts therefore always add up to
 * the whole, to the øre, however the period is cut.
 *
 * <p>The SQL function {@code visitation_grant_part} (V52) is the definition every query that sums money calls;
 * this class is the same rule for the service's own use (a grant's annual cost against the approval amount), and
 * MoneyRuleSqlTest runs the property tests' cases against the function so the two cannot drift.
 */
public final class Cost {

    public enum TariffPeriod {
        DAY(BigInteger.ONE, BigInteger.ONE),
        WEEK(BigInteger.ONE, BigInteger.valueOf(7)),
        MONTH(BigInteger.valueOf(12), BigInteger.valueOf(365)),
        YEAR(BigInteger.ONE, BigInteger.valueOf(365));

        /** Periods per {@link #days} days. */
        final BigInteger periods;
        final BigInteger days;

        TariffPeriod(BigInteger periods, BigInteger days) {
            this.periods = periods;
            this.days = days;
        }
    }

    private Cost() {
    }

    /** What a grant of {@code priceOre} per unit per {@code tariff} × {@code scope} costs from its start to {@code day}. */
    public static long upTo(long priceOre, BigDecimal scope, TariffPeriod tariff, LocalDate start, LocalDate day) {
        long days = Math.max(0, ChronoUnit.DAYS.between(start, day));
        BigDecimal exact = BigDecimal.valueOf(priceOre).multiply(scope)
                .multiply(new BigDecimal(tariff.periods.multiply(BigInteger.valueOf(days))))
                .divide(new BigDecimal(tariff.days), 12, RoundingMode.HALF_EVEN);
        return exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The cost of the part [from, to) of a grant running [start, end). */
    public static long part(long priceOre, BigDecimal scope, TariffPeriod tariff, LocalDate start, LocalDate end,
            LocalDate from, LocalDate to) {
        LocalDate a = max(start, min(from, end));
        LocalDate b = max(a, min(to, end));
        return upTo(priceOre, scope, tariff, start, b) - upTo(priceOre, scope, tariff, start, a);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
