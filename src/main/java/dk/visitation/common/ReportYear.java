package dk.visitation.common;

/** The year and department a report of a department's year (commitment account, expensive cases, forecast) is asked for. */
public final class ReportYear {

    private ReportYear() {
    }

    /** The year asked for: required, 2000-2100; else a 400 naming {@code year}. */
    public static int require(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "is required, 2000-2100");
        }
        return year;
    }

    /** The year and the department: both required. */
    public static int require(Integer year, Department department) {
        int checked = require(year);
        if (department == null) {
            throw ProblemException.invalid("department", "is required");
        }
        return checked;
    }
}
