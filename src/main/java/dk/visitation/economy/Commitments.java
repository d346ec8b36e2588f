package dk.visitation.economy;

import dk.visitation.common.Department;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Splits a grant's cost day-exactly between the departments that pay for its days. */
public final class Commitments {

    private Commitments() {
    }

    /** A grant's terms: price per unit per tariff period, scope in units, period [start, end). */
    public record Terms(long priceOre, BigDecimal scope, Cost.TariffPeriod tariff, LocalDate start, LocalDate end) {

        /**
         * The grant changed from {@code day} (inside the period, after its start): the earlier part keeps these terms up to
         * the day, the later part has the new ones to the end. Each part is costed from its own start by the rounding rule.
         */
        public List<Terms> changedFrom(LocalDate day, long newPriceOre, BigDecimal newScope, Cost.TariffPeriod newTariff) {
            if (!day.isAfter(start) || !day.isBefore(end)) {
                throw new IllegalArgumentException("A change falls after the start and before the end: " + day);
            }
            return List.of(new Terms(priceOre, scope, tariff, start, day), new Terms(newPriceOre, newScope, newTariff, day, end));
        }
    }

    /** What each department pays of the grant's days within [from, to). */
    public static Map<Department, Long> split(Terms grant, PaymentPeriods payers, LocalDate from, LocalDate to) {
        Map<Department, Long> shares = new EnumMap<>(Department.class);
        for (PaymentPeriods.Period period : payers.periods()) {
            LocalDate a = later(from, period.from());
            LocalDate b = period.to() == null ? to : earlier(to, period.to());
            if (a.isBefore(b)) {
                long cost = Cost.part(grant.priceOre(), grant.scope(), grant.tariff(), grant.start(), grant.end(), a, b);
                if (cost != 0) {
                    shares.merge(period.department(), cost, Long::sum);
                }
            }
        }
        return shares;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
