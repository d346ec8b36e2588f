package dk.visitation.advisers;

import dk.visitation.cases.CaseAdvisers;
import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The caseload against the norm, derived from the dated assignments (never typed in): an adviser's open cases on a day
 * are the cases whose adviser they were at the end of that day. Every case counts, whatever its status — none closes a
 * case — and counts once, with the weight 1, for its (lead) adviser: a shared case adds nothing to the contributing
 * department. The FTE share is the register's as it is now.
 */
@ApplicationScoped
public class Caseload {

    /** How far the monthly trend reaches in one request. */
    static final int MAX_MONTHS = 60;

    private final AdviserRegister register;
    private final CaseAdvisers cases;
    private final CaseloadNorms norms;

    Caseload(AdviserRegister register, CaseAdvisers cases, CaseloadNorms norms) {
        this.register = register;
        this.cases = cases;
        this.norms = norms;
    }

    /** Per department (or the one named) its advisers active on the day or holding cases then, per kind and in total. */
    @Transactional
    public CaseloadApi.Report on(Department department, LocalDate day) {
        List<Adviser> advisers = register.of(department);
        Map<String, Long> loads = cases.openCases(advisers.stream().map(a -> a.userId).toList(), endOf(day));
        List<CaseloadApi.DepartmentLoad> departments = new ArrayList<>();
        for (Department d : department == null ? List.of(Department.values()) : List.of(department)) {
            List<CaseloadApi.AdviserLoad> lines = advisers.stream()
                    .filter(a -> a.department == d && (a.activeOn(day) || loads.getOrDefault(a.userId, 0L) > 0))
                    .map(a -> line(a, loads.getOrDefault(a.userId, 0L), day)).toList();
            departments.add(department(d, lines));
        }
        return new CaseloadApi.Report(day, departments);
    }

    /** Per month and adviser the cases held at the month's end. */
    @Transactional
    public CaseloadApi.Monthly monthly(Department department, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.until(to, ChronoUnit.MONTHS) >= MAX_MONTHS) {
            throw ProblemException.invalid("to", "at most " + MAX_MONTHS + " months in one request");
        }
        List<Adviser> advisers = register.of(department);
        Map<String, Long> loads = new HashMap<>();
        cases.monthly(advisers.stream().map(a -> a.userId).toList(), from, to)
                .forEach(m -> loads.put(m.monthStart() + "|" + m.adviser(), m.openCases()));
        List<CaseloadApi.MonthLine> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (Adviser a : advisers) {
                long open = loads.getOrDefault(month.atDay(1) + "|" + a.userId, 0L);
                if (open > 0 || a.activeOn(month.atEndOfMonth())) {
                    CaseloadApi.Norm norm = norm(a.caseloadKind);
                    lines.add(new CaseloadApi.MonthLine(month.toString(), a.userId, a.name, a.department, a.caseloadKind,
                            AdviserRegister.plain(a.fte), open, AdviserRegister.perFte(open, a.fte), status(open, a.fte, norm)));
                }
            }
        }
        return new CaseloadApi.Monthly(department, from.toString(), to.toString(), lines);
    }

    /** Per department (or the one named) the share of its cases that changed adviser in [from, to] and the changes per case. */
    @Transactional
    public CaseloadApi.Continuity continuity(Department department, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        List<CaseloadApi.DepartmentContinuity> departments = new ArrayList<>();
        for (Department d : department == null ? List.of(Department.values()) : List.of(department)) {
            CaseAdvisers.Continuity c = cases.continuity(d, startOf(from), endOf(to));
            departments.add(new CaseloadApi.DepartmentContinuity(d, c.cases(), c.changedCases(), c.changes(),
                    ratio(c.changedCases(), c.cases(), 3), ratio(c.changes(), c.cases(), 2)));
        }
        return new CaseloadApi.Continuity(from, to, departments);
    }

    private CaseloadApi.AdviserLoad line(Adviser a, long open, LocalDate day) {
        CaseloadApi.Norm norm = norm(a.caseloadKind);
        return new CaseloadApi.AdviserLoad(a.userId, a.name, a.department, a.caseloadKind, AdviserRegister.plain(a.fte), a.activeOn(day),
                open, AdviserRegister.perFte(open, a.fte), norm, status(open, a.fte, norm));
    }

    private CaseloadApi.DepartmentLoad department(Department department, List<CaseloadApi.AdviserLoad> lines) {
        Map<CaseloadKind, List<CaseloadApi.AdviserLoad>> byKind = new EnumMap<>(CaseloadKind.class);
        lines.forEach(line -> byKind.computeIfAbsent(line.caseloadKind(), k -> new ArrayList<>()).add(line));
        List<CaseloadApi.KindTotal> kinds = new ArrayList<>();
        byKind.forEach((kind, of) -> {
            CaseloadApi.Norm norm = norm(kind);
            BigDecimal fte = of.stream().map(CaseloadApi.AdviserLoad::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
            long open = of.stream().mapToLong(CaseloadApi.AdviserLoad::openCases).sum();
            BigDecimal needed = BigDecimal.valueOf(open).divide(BigDecimal.valueOf(norm.max()), 2, RoundingMode.CEILING);
            kinds.add(new CaseloadApi.KindTotal(kind, norm, of.size(), AdviserRegister.plain(fte), open, AdviserRegister.perFte(open, fte),
                    status(open, fte, norm), AdviserRegister.plain(needed), AdviserRegister.plain(needed.subtract(fte).max(BigDecimal.ZERO))));
        });
        BigDecimal fte = kinds.stream().map(CaseloadApi.KindTotal::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        long open = kinds.stream().mapToLong(CaseloadApi.KindTotal::openCases).sum();
        BigDecimal needed = kinds.stream().map(CaseloadApi.KindTotal::fteNeeded).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shortfall = kinds.stream().map(CaseloadApi.KindTotal::fteShortfall).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CaseloadApi.DepartmentLoad(department, open, AdviserRegister.plain(fte),
                fte.signum() == 0 ? null : AdviserRegister.perFte(open, fte), AdviserRegister.plain(needed), AdviserRegister.plain(shortfall),
                kinds, lines);
    }

    private CaseloadApi.Norm norm(CaseloadKind kind) {
        CaseloadNorms.Norm norm = kind == CaseloadKind.DISABILITY ? norms.disability() : norms.childrenAndFamily();
        return new CaseloadApi.Norm(norm.min(), norm.max());
    }

    /** Exact: cases against min × FTE and max × FTE, so 35.04 per FTE is over a norm of 35, though it shows as 35.0. */
    static CaseloadApi.Status status(long open, BigDecimal fte, CaseloadApi.Norm norm) {
        BigDecimal cases = BigDecimal.valueOf(open);
        if (cases.compareTo(fte.multiply(BigDecimal.valueOf(norm.max()))) > 0) {
            return CaseloadApi.Status.OVER;
        }
        return cases.compareTo(fte.multiply(BigDecimal.valueOf(norm.min()))) < 0 ? CaseloadApi.Status.UNDER : CaseloadApi.Status.WITHIN;
    }

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole == 0 ? BigDecimal.ZERO
                : AdviserRegister.plain(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Times.DENMARK).toInstant();
    }

    /** The end of the day in Denmark: the next day's start. */
    static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }
}
