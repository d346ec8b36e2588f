package dk.visitation.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Danish public holidays (helligdage) of a year, by the rules of helligdagsloven: New Year's Day, Maundy Thursday,
 * Good Friday, Easter Sunday and Monday, Store Bededag (the fourth Friday after Easter, abolished from 2024 by lov nr. 207
 * of 28 February 2023), Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day — and every Sunday.
 * Grundlovsdag (5 June), Christmas Eve and New Year's Eve are not public holidays by law; a municipality that closes on
 * them says so in {@link WorkingDayCalendar}'s closing days. No library on the build's mirror covers this (jollyday is not
 * kept there), so it is a small rule set with its tests (DanishHolidaysTest, WorkingDayCalendarProperties).
 */
public final class DanishHolidays {

    /** The last year in which Store Bededag was a public holiday. */
    public static final int LAST_STORE_BEDEDAG = 2023;

    private DanishHolidays() {
    }

    /** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The named public holidays of {@code year} (Sundays aside), by date, with their Danish names. */
    public static Map<LocalDate, String> of(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Nytårsdag");
        days.put(easter.minusDays(3), "Skærtorsdag");
        days.put(easter.minusDays(2), "Langfredag");
        days.put(easter, "Påskedag");
        days.put(easter.plusDays(1), "2. påskedag");
        if (year <= LAST_STORE_BEDEDAG) {
            days.put(easter.plusDays(26), "Store bededag");
        }
        days.put(easter.plusDays(39), "Kristi himmelfartsdag");
        days.put(easter.plusDays(49), "Pinsedag");
        days.put(easter.plusDays(50), "2. pinsedag");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Juledag");
        days.put(LocalDate.of(year, Month.DECEMBER, 26), "2. juledag");
        return Collections.unmodifiableMap(days);
    }

    /** A Sunday or a named public holiday. */
    public static boolean isPublicHoliday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SUNDAY || of(day.getYear()).containsKey(day);
    }
}
