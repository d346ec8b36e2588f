package dk.visitation.cases;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Danish CPR number: ten digits, DDMMYY then a serial whose first digit fixes the century.
 * There is deliberately no modulus-11 check: numbers issued since 2007 need not satisfy it.
 * {@link #toString()} masks the serial, so a CPR number that slips into a log line shows only DDMMYY.
 */
public final class Cpr {

    private final String digits;

    private Cpr(String digits) {
        this.digits = digits;
    }

    /** Accepts "DDMMYYSSSS" or "DDMMYY-SSSS". */
    public static Cpr parse(String text) {
        return parseOrExplain(text).cpr().orElseThrow(() -> new IllegalArgumentException(parseOrExplain(text).error()));
    }

    /** Why {@code text} is not a CPR number, or empty when it is one. */
    public static Optional<String> problem(String text, LocalDate today) {
        Result result = parseOrExplain(text);
        if (result.cpr().isEmpty()) {
            return Optional.of(result.error());
        }
        if (result.cpr().get().birthDate().isAfter(today)) {
            return Optional.of("has a birth date in the future");
        }
        return Optional.empty();
    }

    private record Result(Optional<Cpr> cpr, String error) {
    }

    private static Result parseOrExplain(String text) {
        if (text == null) {
            return new Result(Optional.empty(), "is missing");
        }
        String digits = text.length() == 11 && text.charAt(6) == '-' ? text.substring(0, 6) + text.substring(7) : text;
        if (!digits.matches("[0-9]{10}")) {
            return new Result(Optional.empty(), "must be 10 digits (DDMMYYSSSS or DDMMYY-SSSS)");
        }
        try {
            birthDate(digits);
        } catch (DateTimeException e) {
            return new Result(Optional.empty(), "does not start with a real date (DDMMYY)");
        }
        return new Result(Optional.of(new Cpr(digits)), null);
    }

    /** The birth date: the 7th digit and the two-digit year decide the century. */
    public LocalDate birthDate() {
        return birthDate(digits);
    }

    private static LocalDate birthDate(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int centuryDigit = digits.charAt(6) - '0';
        int century = switch (centuryDigit) {
            case 0, 1, 2, 3 -> 1900;
            case 4, 9 -> yy <= 36 ? 2000 : 1900;
            default -> yy <= 57 ? 2000 : 1800; // 5, 6, 7, 8
        };
        return LocalDate.of(century + yy, month, day);
    }

    /** The ten digits, for storage in the child record only. */
    public String digits() {
        return digits;
    }

    /** DDMMYY-XXXX: what lists, logs and everything but the child record show. */
    public String masked() {
        return digits.substring(0, 6) + "-XXXX";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cpr cpr && cpr.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
