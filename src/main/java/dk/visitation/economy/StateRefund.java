package dk.visitation.economy;

import dk.visitation.common.Department;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The central refund scheme for expensive single cases (den centrale refusionsordning for særligt dyre enkeltsager): the
 * state pays a share of a child's cost to the municipality in a year above a lower threshold and a larger share above an
 * upper one. Thresholds and shares are set for each year. Framework-free, so the model is tested on its own.
 */
public final class StateRefund {

    /** A year's thresholds (øre) and shares (per cent of the cost above each). */
    public record Thresholds(long lowerOre, int lowerSharePercent, long upperOre, int upperSharePercent) {

        public Thresholds {
            if (lowerOre < 0 || upperOre < lowerOre || lowerSharePercent < 0 || upperSharePercent < lowerSharePercent
                    || upperSharePercent > 100) {
                throw new IllegalArgumentException("Refund thresholds must rise and shares lie in 0-100, rising: " + lowerOre + " "
                        + lowerSharePercent + "% / " + upperOre + " " + upperSharePercent + "%");
            }
        }
    }

    private StateRefund() {
    }

    /** The refund of a case costing {@code costOre} in the year: the lower share of the cost between the thresholds, the upper above. */
    public static long refund(long costOre, Thresholds t) {
        long between = Math.max(0, Math.min(costOre, t.upperOre()) - t.lowerOre());
        long above = Math.max(0, costOre - t.upperOre());
        return BigDecimal.valueOf(between).multiply(BigDecimal.valueOf(t.lowerSharePercent()))
                .add(BigDecimal.valueOf(above).multiply(BigDecimal.valueOf(t.upperSharePercent())))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * The refund shared between the departments that paid for the case, in proportion to what each paid (half-even, the
     * last department taking the remainder), so the parts add up to the refund and each department's net cost is fair.
     */
    public static Map<Department, Long> shared(long refundOre, Map<Department, Long> costs) {
        Map<Department, Long> shares = new EnumMap<>(Department.class);
        long total = costs.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return shares;
        }
        long given = 0;
        Department last = null;
        for (Map.Entry<Department, Long> cost : new EnumMap<>(costs).entrySet()) {
            long share = BigDecimal.valueOf(refundOre).multiply(BigDecimal.valueOf(cost.getValue()))
                    .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_EVEN).longValueExact();
            shares.put(cost.getKey(), share);
            given += share;
            last = cost.getKey();
        }
        shares.merge(last, refundOre - given, Long::sum);
        return shares;
    }
}
