package dk.visitation.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CprTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest(name = "{0} is born {1}")
    @CsvSource({
            "0101001234, 1900-01-01", // 7th digit 0-3: 1900s
            "0101993999, 1999-01-01",
            "0101364000, 2036-01-01", // 4 and 9: 00-36 → 2000s
            "0101374000, 1937-01-01", //          37-99 → 1900s
            "0101369000, 2036-01-01",
            "0101379000, 1937-01-01",
            "0101575000, 2057-01-01", // 5-8: 00-57 → 2000s
            "0101585000, 1858-01-01", //      58-99 → 1800s
            "0101998999, 1899-01-01",
            "2902004000, 2000-02-29", // 29 February 2000: a leap year (divisible by 400)
            "2902961234, 1996-02-29",
    })
    void the_seventh_digit_and_the_year_decide_the_century(String digits, LocalDate born) {
        assertEquals(born, Cpr.parse(digits).birthDate());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2902001234, does not start with a real date (DDMMYY)", // 1900 was no leap year
            "2902014123, does not start with a real date (DDMMYY)", // 2001 was no leap year
            "3104154321, does not start with a real date (DDMMYY)", // 31 April
            "0013154321, does not start with a real date (DDMMYY)", // month 13
            "0001154321, does not start with a real date (DDMMYY)", // day 0
            "150315432, must be 10 digits (DDMMYYSSSS or DDMMYY-SSSS)",
            "15031543210, must be 10 digits (DDMMYYSSSS or DDMMYY-SSSS)",
            "15031A4321, must be 10 digits (DDMMYYSSSS or DDMMYY-SSSS)",
            "150315 4321, must be 10 digits (DDMMYYSSSS or DDMMYY-SSSS)",
            "0101304000, has a birth date in the future", // 2030
    })
    void numbers_that_are_not_cpr_numbers_are_refused_with_a_reason(String text, String reason) {
        assertEquals(reason, Cpr.problem(text, TODAY).orElse("accepted"));
    }

    @ParameterizedTest
    @CsvSource({"0101154000", "0101154001", "0101154002", "0101154003", "0101154004"})
    void numbers_failing_the_modulus_11_check_are_accepted(String digits) {
        // since 2007 not every CPR number satisfies modulus 11; at most one of five consecutive serials can
        assertTrue(Cpr.problem(digits, TODAY).isEmpty());
    }

    @Property
    void every_real_date_with_any_serial_round_trips_through_its_birth_date(
            @ForAll("birthDates") LocalDate born, @ForAll @IntRange(min = 0, max = 999) int serial) {
        String digits = digits(born, serial);
        Cpr cpr = Cpr.parse(digits);
        assertEquals(born, cpr.birthDate());
        assertEquals(digits.substring(0, 6) + "-XXXX", cpr.masked());
        assertEquals(cpr, Cpr.parse(digits.substring(0, 6) + "-" + digits.substring(6)));
    }

    @Property
    void the_masked_form_and_to_string_never_reveal_the_serial(@ForAll("birthDates") LocalDate born) {
        String digits = digits(born, 321);
        Cpr cpr = Cpr.parse(digits);
        // what a log line or a list shows: the date part and a fixed mask, whatever the serial
        assertEquals(digits.substring(0, 6) + "-XXXX", cpr.toString());
        assertEquals(cpr.toString(), cpr.masked());
    }

    @Property
    void arbitrary_text_is_either_a_cpr_number_or_has_a_reason(@ForAll @StringLength(max = 12) String text) {
        Cpr.problem(text, TODAY).ifPresentOrElse(
                reason -> assertFalse(reason.isBlank()),
                () -> assertEquals(10, Cpr.parse(text).digits().length()));
    }

    /** 7th digit 0 for 1937–1999 and 4 for 2000–2036: the ranges where each alone decides the century. */
    private static String digits(LocalDate born, int serial) {
        int centuryDigit = born.getYear() < 2000 ? 0 : 4;
        return String.format("%02d%02d%02d%d%03d", born.getDayOfMonth(), born.getMonthValue(),
                born.getYear() % 100, centuryDigit, serial);
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.integers().between(0, 2036 - 1937).map(offset -> LocalDate.of(1937 + offset, 1, 1))
                .flatMap(start -> Arbitraries.integers().between(0, 364).map(start::plusDays));
    }
}
