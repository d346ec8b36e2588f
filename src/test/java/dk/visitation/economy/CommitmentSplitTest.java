package dk.visitation.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.common.Department;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CommitmentSplitTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate NEXT_JAN_1 = LocalDate.of(2027, 1, 1);

    @Test
    void a_grant_of_1_200_000_kr_a_year_across_a_transfer_on_1_july_charges_each_department_its_days_to_the_ore() {
        Commitments.Terms placement = new Commitments.Terms(1_200_000_00L, BigDecimal.ONE, Cost.TariffPeriod.YEAR, JAN_1, NEXT_JAN_1);
        PaymentPeriods payers = PaymentPeriods.starting(JAN_1, Department.MYN).switchTo(Department.CBA, LocalDate.of(2026, 7, 1));

        Map<Department, Long> shares = Commitments.split(placement, payers, JAN_1, NEXT_JAN_1);

        // 181 days in MYN: 1,200,000 × 181 / 365 = 595,068.4931… kr, rounded half-even to the øre
        assertEquals(59_506_849L, shares.get(Department.MYN));
        assertEquals(60_493_151L, shares.get(Department.CBA));
        assertEquals(1_200_000_00L, shares.get(Department.MYN) + shares.get(Department.CBA));
    }

    @Test
    void a_monthly_tariff_and_a_weekly_scope_cost_what_the_stated_rule_says() {
        // respite care: 2,450.50 kr per day for 3 days a week: 3 units of 2,450.50 kr per week; 4 weeks = 29,406.00 kr
        assertEquals(2_940_600L, Cost.upTo(245_050L, BigDecimal.valueOf(3), Cost.TariffPeriod.WEEK, JAN_1, JAN_1.plusWeeks(4)));
        // a day-tariff of 1,234.56 kr for 10 days
        assertEquals(1_234_560L, Cost.upTo(123_456L, BigDecimal.ONE, Cost.TariffPeriod.DAY, JAN_1, JAN_1.plusDays(10)));
        // lost earnings: 30,000 kr a month for a year of 365 days is 360,000 kr
        assertEquals(36_000_000L, Cost.upTo(3_000_000L, BigDecimal.ONE, Cost.TariffPeriod.MONTH, JAN_1, NEXT_JAN_1));
    }

    @Property
    void the_departments_shares_always_add_up_to_the_grants_total(
            @ForAll("grants") Commitments.Terms grant, @ForAll("switches") List<Switch> switches) {
        PaymentPeriods payers = PaymentPeriods.starting(grant.start().minusDays(30), Department.MYN);
        for (Switch change : switches) {
            payers = payers.switchTo(change.department(), grant.start().plusDays(change.day()));
        }
        Map<Department, Long> shares = Commitments.split(grant, payers, grant.start(), grant.end());
        long total = Cost.upTo(grant.priceOre(), grant.scope(), grant.tariff(), grant.start(), grant.end());
        assertEquals(total, shares.values().stream().mapToLong(Long::longValue).sum());
        shares.values().forEach(share -> assertTrue(share >= 0));
    }

    @Property
    void a_grant_changed_from_a_day_keeps_the_cost_of_the_days_before_and_its_parts_add_up_to_the_whole_across_payers(
            @ForAll("grants") Commitments.Terms grant, @ForAll @IntRange(min = 1, max = 899) int changeDay,
            @ForAll("grants") Commitments.Terms newTerms, @ForAll("switches") List<Switch> switches,
            @ForAll @IntRange(min = 0, max = 900) int cut) {
        net.jqwik.api.Assume.that(grant.start().plusDays(changeDay).isBefore(grant.end()));
        LocalDate day = grant.start().plusDays(changeDay);
        List<Commitments.Terms> parts = grant.changedFrom(day, newTerms.priceOre(), newTerms.scope(), newTerms.tariff());
        PaymentPeriods payers = PaymentPeriods.starting(grant.start().minusDays(30), Department.MYN);
        for (Switch change : switches) {
            payers = payers.switchTo(change.department(), grant.start().plusDays(change.day()));
        }
        // the days before the change cost what they did, for any stretch of them
        LocalDate within = grant.start().plusDays(Math.min(cut, changeDay));
        assertEquals(Cost.part(grant.priceOre(), grant.scope(), grant.tariff(), grant.start(), grant.end(), grant.start(), within),
                Cost.upTo(parts.getFirst().priceOre(), parts.getFirst().scope(), parts.getFirst().tariff(), grant.start(), within));
        // cut anywhere (a settlement quarter, a year) and split between the payers, the parts still add up to their wholes
        LocalDate at = grant.start().plusDays(cut);
        long whole = 0;
        long pieces = 0;
        for (Commitments.Terms part : parts) {
            whole += Cost.upTo(part.priceOre(), part.scope(), part.tariff(), part.start(), part.end());
            pieces += Commitments.split(part, payers, grant.start(), at).values().stream().mapToLong(Long::longValue).sum()
                    + Commitments.split(part, payers, at, grant.end().plusDays(1)).values().stream().mapToLong(Long::longValue).sum();
        }
        assertEquals(whole, pieces);
    }

    @Property
    void payment_periods_never_have_a_gap_or_an_overlap(@ForAll("switches") @Size(max = 30) List<Switch> switches,
            @ForAll @IntRange(min = -400, max = 800) int probe) {
        PaymentPeriods payers = PaymentPeriods.starting(JAN_1, Department.MYN);
        for (Switch change : switches) {
            payers = payers.switchTo(change.department(), JAN_1.plusDays(change.day() - 200));
            payers.check(); // consecutive, no gap, no overlap, only the last open-ended
        }
        LocalDate day = JAN_1.plusDays(probe);
        long payersOnDay = payers.periods().stream().filter(p -> p.contains(day)).count();
        assertTrue(payersOnDay <= 1, "one payer per day at most");
        if (!day.isBefore(payers.periods().getFirst().from())) {
            assertEquals(1, payersOnDay, "from the first period on, every day has a payer");
        }
        if (!switches.isEmpty()) {
            Switch last = switches.getLast();
            assertEquals(last.department(), payers.payer(JAN_1.plusDays(last.day() - 200)).orElseThrow(),
                    "the latest switch holds on its effective date");
        }
    }

    record Switch(Department department, int day) {
    }

    @Provide
    Arbitrary<List<Switch>> switches() {
        return Combinators.combine(Arbitraries.of(Department.class), Arbitraries.integers().between(-60, 500))
                .as(Switch::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Commitments.Terms> grants() {
        return Combinators.combine(
                Arbitraries.longs().between(1, 5_000_000_00L),
                Arbitraries.integers().between(1, 40).map(BigDecimal::valueOf),
                Arbitraries.of(Cost.TariffPeriod.class),
                Arbitraries.integers().between(0, 365),
                Arbitraries.integers().between(1, 900))
                .as((price, scope, tariff, start, length) -> new Commitments.Terms(price, scope, tariff,
                        JAN_1.plusDays(start), JAN_1.plusDays(start + length)));
    }
}
