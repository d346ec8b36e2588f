package dk.visitation.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.common.Department;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StateRefundTest {

    // 25 % of the cost between 1.0 and 2.0 m kr, 50 % above 2.0 m kr
    private static final StateRefund.Thresholds T = new StateRefund.Thresholds(1_000_000_00L, 25, 2_000_000_00L, 50);

    @Test
    void a_case_below_the_lower_threshold_earns_nothing_between_them_the_lower_share_and_above_both_shares() {
        assertEquals(0, StateRefund.refund(999_999_99L, T));
        assertEquals(125_000_00L, StateRefund.refund(1_500_000_00L, T)); // 25 % of 500,000 kr
        assertEquals(250_000_00L + 250_000_00L, StateRefund.refund(2_500_000_00L, T)); // 25 % of 1 m kr + 50 % of 500,000 kr
        assertEquals(0L, StateRefund.refund(1_000_000_02L, T)); // 25 % of 2 øre is 0.5 øre: half-even to 0
        assertEquals(2L, StateRefund.refund(1_000_000_06L, T)); // 25 % of 6 øre is 1.5 øre: half-even to 2
    }

    @Test
    void thresholds_must_rise_and_shares_stay_within_a_hundred_per_cent() {
        assertThrows(IllegalArgumentException.class, () -> new StateRefund.Thresholds(2_000_000_00L, 25, 1_000_000_00L, 50));
        assertThrows(IllegalArgumentException.class, () -> new StateRefund.Thresholds(1_000_000_00L, 60, 2_000_000_00L, 50));
        assertThrows(IllegalArgumentException.class, () -> new StateRefund.Thresholds(1_000_000_00L, 25, 2_000_000_00L, 101));
    }

    @Property
    void the_departments_shares_of_a_refund_add_up_to_it_and_follow_what_each_paid(
            @ForAll @LongRange(min = 0, max = 10_000_000_00L) long myn, @ForAll @LongRange(min = 0, max = 10_000_000_00L) long cba) {
        Map<Department, Long> costs = new EnumMap<>(Department.class);
        if (myn > 0) {
            costs.put(Department.MYN, myn);
        }
        if (cba > 0) {
            costs.put(Department.CBA, cba);
        }
        long refund = StateRefund.refund(myn + cba, T);
        Map<Department, Long> shares = StateRefund.shared(refund, costs);
        assertEquals(costs.isEmpty() ? 0 : refund, shares.values().stream().mapToLong(Long::longValue).sum());
        shares.forEach((department, share) -> {
            assertTrue(share >= 0);
            // within one øre of the exact proportional share
            double exact = (double) refund * costs.get(department) / (myn + cba);
            assertTrue(Math.abs(share - exact) <= 1.0, department + ": " + share + " vs " + exact);
        });
    }
}
