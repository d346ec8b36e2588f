package dk.visitation.economy;

import dk.visitation.common.Department;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case's payment responsibility as consecutive periods [from, to) — the last one open-ended — that
 * never leave a gap or overlap. Framework-free, so the invariants are tested on their own.
 */
public final class PaymentPeriods {

    /** One period: {@code to} is exclusive; null means open-ended. */
    public record Period(LocalDate from, LocalDate to, Department department) {

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && (to == null || day.isBefore(to));
        }
    }

    private final List<Period> periods;

    private PaymentPeriods(List<Period> periods) {
        this.periods = List.copyOf(periods);
    }

    public static PaymentPeriods of(List<Period> periods) {
        PaymentPeriods result = new PaymentPeriods(periods);
        result.check();
        return result;
    }

    /** The first period: {@code department} pays from {@code from} on. */
    public static PaymentPeriods starting(LocalDate from, Department department) {
        return new PaymentPeriods(List.of(new Period(from, null, department)));
    }

    public List<Period> periods() {
        return periods;
    }

    /** Who pays on {@code day}; empty before the first period. */
    public Optional<Department> payer(LocalDate day) {
        return periods.stream().filter(p -> p.contains(day)).map(Period::department).findFirst();
    }

    /**
     * {@code department} pays from {@code effective} until the next change already recorded after it. The
     * date may lie in the past (a switch dated back) or the future; a date before the first period moves
     * its start back, so the department pays from then on.
     */
    public PaymentPeriods switchTo(Department department, LocalDate effective) {
        List<Period> current = new ArrayList<>(periods);
        Period first = current.getFirst();
        if (effective.isBefore(first.from())) {
            current.set(0, new Period(effective, first.to(), first.department()));
        }
        List<Period> result = new ArrayList<>();
        for (Period period : current) {
            if (period.contains(effective) && period.department() != department) {
                if (period.from().isBefore(effective)) {
                    result.add(new Period(period.from(), effective, period.department()));
                }
                result.add(new Period(effective, period.to(), department));
            } else {
                result.add(period);
            }
        }
        return new PaymentPeriods(merged(result));
    }

    /** Neighbours with the same department become one period. */
    private static List<Period> merged(List<Period> periods) {
        List<Period> merged = new ArrayList<>();
        for (Period period : periods) {
            if (!merged.isEmpty() && merged.getLast().department() == period.department()) {
                Period last = merged.removeLast();
                merged.add(new Period(last.from(), period.to(), period.department()));
            } else {
                merged.add(period);
            }
        }
        return merged;
    }

    /** Consecutive, non-empty, only the last open-ended. */
    void check() {
        if (periods.isEmpty()) {
            throw new IllegalStateException("A case pays through at least one period");
        }
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            boolean last = i == periods.size() - 1;
            if ((period.to() == null) != last) {
                throw new IllegalStateException("Only the last period is open-ended: " + periods);
            }
            if (period.to() != null && !period.from().isBefore(period.to())) {
                throw new IllegalStateException("An empty period: " + period);
            }
            if (!last && !period.to().equals(periods.get(i + 1).from())) {
                throw new IllegalStateException("A gap or an overlap after " + period);
            }
        }
    }
}
