package dk.visitation.advisers;

import dk.visitation.cases.AdviserDirectory;
import dk.visitation.cases.CaseAdvisers;
import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of advisers, kept by LEADER: who may be given a department's cases (the {@link AdviserDirectory} the
 * cases ask), and each adviser's cases held now. The register is small (a department's advisers), so its lists are
 * ordered in memory; the loads are one aggregate over the assignments.
 */
@ApplicationScoped
public class AdviserRegister implements AdviserDirectory {

    /** The orders of GET /advisers. */
    public enum Order { NAME, LOAD }

    private final CaseAdvisers cases;
    private final CaseloadNorms norms;

    AdviserRegister(CaseAdvisers cases, CaseloadNorms norms) {
        this.cases = cases;
        this.norms = norms;
    }

    @Override
    @Transactional
    public Optional<String> refusal(String userId, Department department, LocalDate day) {
        Adviser adviser = Adviser.findById(userId);
        if (adviser == null) {
            return Optional.of("is not an adviser in the register (LEADER registers advisers: POST /advisers)");
        }
        if (adviser.department != department) {
            return Optional.of("is an adviser of " + adviser.department + ", not of " + department);
        }
        if (!adviser.activeOn(day)) {
            return Optional.of("is not active on " + day + " (active from " + adviser.activeFrom
                    + (adviser.activeTo == null ? "" : " until " + adviser.activeTo) + ")");
        }
        return Optional.empty();
    }

    @Transactional
    public AdviserApi.AdviserView create(AdviserApi.NewAdviser request) {
        BigDecimal fte = fte(request.fte(), request.weeklyHours());
        period(request.activeFrom(), request.activeTo());
        if (Adviser.findById(request.userId()) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Adviser " + request.userId() + " is already in the register; change it with PUT");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Adviser adviser = new Adviser();
        adviser.userId = request.userId();
        adviser.createdAt = now;
        apply(adviser, request.name(), request.department(), fte, request.caseloadKind(), request.activeFrom(), request.activeTo(), now);
        adviser.persistAndFlush();
        return view(adviser, cases.openCases(List.of(adviser.userId), Instant.now()));
    }

    @Transactional
    public AdviserApi.AdviserView get(String userId) {
        Adviser adviser = find(userId);
        return view(adviser, cases.openCases(List.of(userId), Instant.now()));
    }

    /** Replaces the entry at the version named by If-Match (428 without, 412 when stale). */
    @Transactional
    public AdviserApi.AdviserView replace(String userId, String ifMatch, AdviserApi.AdviserChange change) {
        Adviser adviser = find(userId);
        Adviser.getEntityManager().refresh(adviser, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireCurrent(ifMatch, adviser.version);
        BigDecimal fte = fte(change.fte(), change.weeklyHours());
        period(change.activeFrom(), change.activeTo());
        apply(adviser, change.name(), change.department(), fte, change.caseloadKind(), change.activeFrom(), change.activeTo(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        adviser.persistAndFlush();
        return view(adviser, cases.openCases(List.of(userId), Instant.now()));
    }

    /** A page of the register (optionally one department), by name or by load (cases per FTE now, least loaded first). */
    @Transactional
    public Page<AdviserApi.AdviserView> list(Department department, Order order, PageRequest page) {
        List<Adviser> advisers = department == null ? Adviser.listAll(Sort.by("userId")) : Adviser.list("department", Sort.by("userId"), department);
        Map<String, Long> loads = cases.openCases(advisers.stream().map(a -> a.userId).toList(), Instant.now());
        List<AdviserApi.AdviserView> views = new ArrayList<>(advisers.stream().map(a -> view(a, loads)).toList());
        Comparator<AdviserApi.AdviserView> byName = Comparator.comparing(AdviserApi.AdviserView::name).thenComparing(AdviserApi.AdviserView::userId);
        views.sort(order == Order.LOAD ? Comparator.comparing(AdviserApi.AdviserView::loadPerFte).thenComparing(byName) : byName);
        int from = Math.min(views.size(), page.offset());
        return new Page<>(views.subList(from, Math.min(views.size(), from + page.size)), page.page, page.size, views.size());
    }

    /** The advisers of a department (both when null), for the caseload figures. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Adviser> of(Department department) {
        return department == null ? Adviser.listAll(Sort.by("userId")) : Adviser.list("department", Sort.by("userId"), department);
    }

    private Adviser find(String userId) {
        Adviser adviser = Adviser.findById(userId);
        if (adviser == null) {
            throw ProblemException.notFound("Adviser", userId);
        }
        return adviser;
    }

    private static void apply(Adviser adviser, String name, Department department, BigDecimal fte, CaseloadKind kind,
            LocalDate activeFrom, LocalDate activeTo, Instant now) {
        adviser.name = name.strip();
        adviser.department = department;
        adviser.fte = fte;
        adviser.caseloadKind = kind;
        adviser.activeFrom = activeFrom;
        adviser.activeTo = activeTo;
        adviser.updatedAt = now;
    }

    /** The FTE share from one of fte and weekly hours (hours / full-time hours, three decimals). */
    private BigDecimal fte(BigDecimal fte, BigDecimal weeklyHours) {
        if ((fte == null) == (weeklyHours == null)) {
            throw new ProblemException(ProblemType.VALIDATION, "Give the FTE share or the weekly hours, not both and not neither",
                    List.of(new Problem.FieldError("fte", "give fte or weeklyHours"), new Problem.FieldError("weeklyHours", "give fte or weeklyHours")));
        }
        BigDecimal share = fte != null ? fte : weeklyHours.divide(BigDecimal.valueOf(norms.fullTimeHours()), 3, RoundingMode.HALF_UP);
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw ProblemException.invalid(fte != null ? "fte" : "weeklyHours", "must be above 0 and at most a full-time post");
        }
        return share.setScale(3, RoundingMode.HALF_UP);
    }

    private static void period(LocalDate from, LocalDate to) {
        if (to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("activeTo", "must be after activeFrom");
        }
    }

    private AdviserApi.AdviserView view(Adviser a, Map<String, Long> loads) {
        long open = loads.getOrDefault(a.userId, 0L);
        return new AdviserApi.AdviserView(a.userId, a.name, a.department, plain(a.fte),
                plain(a.fte.multiply(BigDecimal.valueOf(norms.fullTimeHours())).setScale(2, RoundingMode.HALF_UP)),
                a.caseloadKind, a.activeFrom, a.activeTo, a.activeOn(LocalDate.now(Times.DENMARK)), open, perFte(open, a.fte), a.version);
    }

    /** Without trailing zeros, never in exponent form (40, not 4E+1). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Cases per FTE, one decimal (64.2). */
    static BigDecimal perFte(long cases, BigDecimal fte) {
        return BigDecimal.valueOf(cases).divide(fte, 1, RoundingMode.HALF_UP);
    }
}
