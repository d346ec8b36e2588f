package dk.visitation.support;

import dk.visitation.cases.Cpr;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds CPR numbers in text: ten digits (optionally DDMMYY-SSSS) that form a real birth date. */
public final class CprScanner {

    // bounded by anything but letters and digits: ten digits inside a UUID's hex are not a CPR number
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])([0-9]{6})-?([0-9]{4})(?![0-9A-Za-z])");
    private static final LocalDate FAR_FUTURE = LocalDate.of(2100, 1, 1);

    private CprScanner() {
    }

    public static List<String> cprNumbersIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group(1) + matcher.group(2);
            if (Cpr.problem(digits, FAR_FUTURE).isEmpty()) {
                found.add(digits);
            }
        }
        return found;
    }

    /** For an assertion message: the finding with its serial hidden, so the report does not leak it either. */
    public static String hidden(String cpr) {
        return cpr.substring(0, 6) + "-****";
    }

    /** The text with every CPR number in it hidden, for reports that reach logs. */
    public static String masked(String text) {
        String result = text;
        for (String cpr : cprNumbersIn(text)) {
            result = result.replace(cpr, hidden(cpr)).replace(cpr.substring(0, 6) + "-" + cpr.substring(6), hidden(cpr));
        }
        return result;
    }
}
