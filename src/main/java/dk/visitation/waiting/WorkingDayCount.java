package dk.visitation.waiting;

import dk.visitation.common.DanishHolidays;
import dk.visitation.common.WorkingDayCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * {@link WorkingDayCalendar#workingDaysBetween} by arithmetic: the weekdays in (from, to] less the holidays and closing days
 * that fall on one of them, so a wait of years costs a few years' holidays, not a walk over every day (a page of the list
 * counts 200 waits). WorkingDayCountTest holds it to the calendar's day-by-day count.
 */
final class WorkingDayCount {

    /** A Monday before every day the service stores (years 0001-9999). */
    private static final LocalDate EPOCH_MONDAY = LocalDate.of(1, 1, 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    private final WorkingDayCalendar calendar;

    WorkingDayCount(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** Working days in (from, to]: 0 when {@code to} is not after {@code from}. */
    int between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long count = weekdaysUpTo(to) - weekdaysUpTo(from);
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            Set<LocalDate> closed = new HashSet<>(DanishHolidays.of(year).keySet());
            for (MonthDay day : calendar.closingDays()) {
                if (day.isValidYear(year)) {
                    closed.add(day.atYear(year));
                }
            }
            for (LocalDate day : closed) {
                if (day.isAfter(from) && !day.isAfter(to) && weekday(day)) {
                    count--;
                }
            }
        }
        return Math.toIntExact(count);
    }

    /** Monday to Friday from an arbitrary Monday up to and including {@code day}, counted in whole weeks and a rest. */
    private static long weekdaysUpTo(LocalDate day) {
        long days = ChronoUnit.DAYS.between(EPOCH_MONDAY, day) + 1; // days in [EPOCH_MONDAY, day]
        long weeks = Math.floorDiv(days, 7);
        long rest = Math.floorMod(days, 7); // the first `rest` days of a week starting Monday
        return weeks * 5 + Math.min(rest, 5);
    }

    private static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
