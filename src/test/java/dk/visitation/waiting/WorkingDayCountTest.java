package dk.visitation.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.WorkingDayCalendar;
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

/** The waiting lists' count of working days by arithmetic gives the calendar's day-by-day count. */
class WorkingDayCountTest {

    private static final WorkingDayCalendar CLOSING_DAYS = new WorkingDayCalendar(List.of(MonthDay.of(6, 5), MonthDay.of(12, 24),
            MonthDay.of(12, 31), MonthDay.of(2, 29)));

    @Property
    void the_count_by_arithmetic_is_the_calendars_count(@ForAll("days") LocalDate from, @ForAll @IntRange(min = -10, max = 900) int days) {
        LocalDate to = from.plusDays(days);
        for (WorkingDayCalendar calendar : List.of(WorkingDayCalendar.DANISH, CLOSING_DAYS)) {
            assertEquals(calendar.workingDaysBetween(from, to), new WorkingDayCount(calendar).between(from, to), from + " → " + to);
        }
    }

    @Test
    void easter_2027_is_three_holidays_and_a_weekend_between_the_wednesday_before_and_the_tuesday_after() {
        WorkingDayCount count = new WorkingDayCount(WorkingDayCalendar.DANISH);
        assertEquals(1, count.between(LocalDate.of(2027, 3, 24), LocalDate.of(2027, 3, 30)));
        assertEquals(0, count.between(LocalDate.of(2027, 3, 24), LocalDate.of(2027, 3, 29)));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 40).map(offset -> LocalDate.of(2000, 1, 1).plusDays(offset));
    }
}
