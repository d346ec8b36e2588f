package dk.visitation.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The working-day calendar with the Danish public holidays: known years, the edges, and properties over any day. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar LAW = WorkingDayCalendar.DANISH;

    @Test
    void easter_falls_on_the_known_sundays() {
        assertEquals(LocalDate.of(2008, 3, 23), DanishHolidays.easterSunday(2008));
        assertEquals(LocalDate.of(2019, 4, 21), DanishHolidays.easterSunday(2019));
        assertEquals(LocalDate.of(2024, 3, 31), DanishHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), DanishHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), DanishHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), DanishHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2028, 4, 16), DanishHolidays.easterSunday(2028));
        assertEquals(LocalDate.of(2038, 4, 25), DanishHolidays.easterSunday(2038));
    }

    @Test
    void the_holidays_of_2026_are_the_ones_of_the_law() {
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5),
                        LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)),
                List.copyOf(DanishHolidays.of(2026).keySet()));
    }

    @Test
    void store_bededag_is_a_holiday_until_2023_and_a_working_day_from_2024() {
        assertFalse(LAW.isWorkingDay(LocalDate.of(2023, 5, 5)), "Store bededag 2023");
        assertTrue(LAW.isWorkingDay(LocalDate.of(2024, 4, 26)), "the fourth Friday after Easter 2024");
        assertTrue(LAW.isWorkingDay(LocalDate.of(2026, 5, 1)), "the fourth Friday after Easter 2026");
    }

    @Test
    void grundlovsdag_and_christmas_eve_are_working_days_unless_the_municipality_closes() {
        assertTrue(LAW.isWorkingDay(LocalDate.of(2026, 6, 5)));
        assertTrue(LAW.isWorkingDay(LocalDate.of(2026, 12, 24)));
        WorkingDayCalendar closing = new WorkingDayCalendar(List.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31)));
        assertFalse(closing.isWorkingDay(LocalDate.of(2026, 6, 5)));
        assertFalse(closing.isWorkingDay(LocalDate.of(2026, 12, 24)));
        assertEquals(LocalDate.of(2026, 12, 28), closing.plusWorkingDays(LocalDate.of(2026, 12, 23), 1));
    }

    @Test
    void six_working_days_from_a_friday_skip_the_weekend() {
        assertEquals(LocalDate.of(2026, 11, 16), LAW.plusWorkingDays(LocalDate.of(2026, 11, 6), 6));
    }

    @Test
    void seven_working_days_before_easter_skip_maundy_thursday_good_friday_and_easter_monday() {
        // Wednesday 1 April 2026 + 7 working days: Thu 2, Fri 3, Sun 5, Mon 6 are holidays → Tue 7 … Wed 15
        assertEquals(LocalDate.of(2026, 4, 15), LAW.plusWorkingDays(LocalDate.of(2026, 4, 1), 7));
    }

    @Test
    void counting_across_christmas_and_new_year_skips_both_feasts() {
        // Wednesday 23 December 2026: Thu 24 (a working day by law), Fri 25 holiday, Mon 28 … Thu 31, Fri 1 January holiday
        assertEquals(LocalDate.of(2026, 12, 31), LAW.plusWorkingDays(LocalDate.of(2026, 12, 23), 5));
        assertEquals(LocalDate.of(2027, 1, 4), LAW.plusWorkingDays(LocalDate.of(2026, 12, 23), 6));
    }

    @Test
    void counting_across_a_leap_day_counts_it_as_the_working_day_it_is() {
        // Monday 28 February 2028: Tuesday 29 February is a working day, Wednesday 1 March the next
        assertEquals(LocalDate.of(2028, 2, 29), LAW.plusWorkingDays(LocalDate.of(2028, 2, 28), 1));
        assertEquals(LocalDate.of(2028, 3, 1), LAW.plusWorkingDays(LocalDate.of(2028, 2, 28), 2));
    }

    @Test
    void zero_working_days_from_a_holiday_is_the_next_working_day() {
        assertEquals(LocalDate.of(2026, 4, 7), LAW.plusWorkingDays(LocalDate.of(2026, 4, 3), 0));
        assertEquals(LocalDate.of(2026, 4, 1), LAW.minusWorkingDays(LocalDate.of(2026, 4, 6), 0));
    }

    @Property
    void easter_is_a_sunday_between_22_march_and_25_april(@ForAll @IntRange(min = 1900, max = 2200) int year) {
        LocalDate easter = DanishHolidays.easterSunday(year);
        assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek());
        assertFalse(easter.isBefore(LocalDate.of(year, 3, 22)));
        assertFalse(easter.isAfter(LocalDate.of(year, 4, 25)));
    }

    @Property
    void the_nth_working_day_after_a_day_is_a_working_day_with_n_working_days_up_to_it(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate due = LAW.plusWorkingDays(day, n);
        assertTrue(LAW.isWorkingDay(due));
        assertEquals(n, LAW.workingDaysBetween(day, due));
        assertEquals(n - 1, LAW.workingDaysBetween(day, due.minusDays(1)));
    }

    @Property
    void going_back_n_working_days_undoes_going_forward_from_a_working_day(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 0, max = 40) int n) {
        LocalDate start = LAW.onOrAfter(day);
        assertEquals(start, LAW.minusWorkingDays(LAW.plusWorkingDays(start, n), n));
    }

    @Property
    void no_weekend_and_no_public_holiday_is_a_working_day(@ForAll("days") LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        assertEquals(!weekend && !DanishHolidays.of(day.getYear()).containsKey(day), LAW.isWorkingDay(day));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 40).map(offset -> LocalDate.of(2010, 1, 1).plusDays(offset));
    }
}
