package dk.visitation.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Set;

/**
 * Working days (hverdage/arbejdsdage): Monday to Friday that are neither a Danish public holiday ({@link DanishHolidays})
 * nor one of the municipality's closing days (e.g. Grundlovsdag, Christmas Eve, New Year's Eve). One calendar for the
 * whole service: statutory deadlines count on it, and so should the committee's material deadline and waiting lists.
 *
 * <p>Counting: "within n working days of day D" is the n-th working day after D (D itself does not count), so a
 * receipt due "within 6 working days" of a Friday notification falls on the second Monday after, holidays skipped.
 * No closing day is configured by default: a deadline counted on too few closed days comes a little early (a warning
 * too soon), one counted on too many would let a breach through.
 */
public final class WorkingDayCalendar {

    /** The calendar of the law alone: weekends and public holidays, no closing days. */
    public static final WorkingDayCalendar DANISH = new WorkingDayCalendar(Set.of());

    private final Set<MonthDay> closingDays;

    public WorkingDayCalendar(Collection<MonthDay> closingDays) {
        this.closingDays = Set.copyOf(closingDays);
    }

    public Set<MonthDay> closingDays() {
        return closingDays;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !DanishHolidays.isPublicHoliday(day)
                && !closingDays.contains(MonthDay.from(day));
    }

    /** The n-th working day after {@code day} ({@code day} itself not counted); n = 0 is the first working day from {@code day}. */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            return minusWorkingDays(day, -n);
        }
        if (n == 0) {
            return onOrAfter(day);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The n-th working day before {@code day}; n = 0 is the last working day up to {@code day}. */
    public LocalDate minusWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            return plusWorkingDays(day, -n);
        }
        if (n == 0) {
            return onOrBefore(day);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.minusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    public LocalDate onOrAfter(LocalDate day) {
        LocalDate current = day;
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        return current;
    }

    public LocalDate onOrBefore(LocalDate day) {
        LocalDate current = day;
        while (!isWorkingDay(current)) {
            current = current.minusDays(1);
        }
        return current;
    }

    /** Working days in (from, to]: 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
