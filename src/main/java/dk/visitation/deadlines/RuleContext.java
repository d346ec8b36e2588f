package dk.visitation.deadlines;

import dk.visitation.common.Times;
import dk.visitation.common.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the rules count with: the working-day calendar, the municipality's follow-up cadence, the warning window and the
 * notice before a time-limited grant runs out by which its renewal is decided.
 * Day-based deadlines are due at the end of their Danish day (the last microsecond, what PostgreSQL keeps).
 */
public record RuleContext(WorkingDayCalendar calendar, int followUpCadenceMonths, int warnWorkingDays, int renewalNoticeDays) {

    /** The default notice for a time-limited grant's renewal decision: 30 days before it runs out. */
    public static final int RENEWAL_NOTICE_DAYS = 30;

    public RuleContext(WorkingDayCalendar calendar, int followUpCadenceMonths, int warnWorkingDays) {
        this(calendar, followUpCadenceMonths, warnWorkingDays, RENEWAL_NOTICE_DAYS);
    }

    public static LocalDate day(Instant instant) {
        return instant.atZone(Times.DENMARK).toLocalDate();
    }

    /** The last moment of a Danish day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Times.DENMARK).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** The warning window of a day-based deadline opens at the start of the working day {@link #warnWorkingDays} before it. */
    public Instant warnFrom(LocalDate due) {
        return calendar.minusWorkingDays(due, warnWorkingDays).atStartOfDay(Times.DENMARK).toInstant();
    }
}
