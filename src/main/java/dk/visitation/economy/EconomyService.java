package dk.visitation.economy;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseRegistered;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grants, payment responsibility and the commitment account. Payment periods are kept as rows and
 * changed only through {@link PaymentPeriods}, whose invariants (no gap, no overlap) are tested on their own.
 */
@ApplicationScoped
public class EconomyService {

    private final CaseAccess cases;
    private final AccessLog accessLog;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final Caller caller;
    private final IntegrationEvents events;
    private final EconomyReviews reviews;
    private final EconomySettings settings;

    EconomyService(CaseAccess cases, AccessLog accessLog, Caller caller, IntegrationEvents events, EconomyReviews reviews,
            EconomySettings settings, dk.visitation.cases.CaseAuditTrail trail) {
        this.trail = trail;
        this.cases = cases;
        this.accessLog = accessLog;
        this.caller = caller;
        this.events = events;
        this.reviews = reviews;
        this.settings = settings;
    }

    /** The receiving department pays from the day the request came in. */
    void opened(@Observes CaseRegistered registered) {
        save(registered.caseId(), PaymentPeriods.starting(registered.receivedOn(), registered.department()));
    }

    @Transactional
    public Grant grant(UUID caseId, EconomyApi.NewGrant request) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant");
        if (!request.from().isBefore(request.to())) {
            throw ProblemException.invalid("to", "must be after from");
        }
        Grant grant = new Grant();
        grant.id = UUID.randomUUID();
        grant.caseId = caseId;
        grant.serviceType = request.serviceType();
        grant.legalBasis = request.serviceType().legalBasis;
        grant.provider = request.provider();
        grant.providerName = request.providerName();
        grant.priceOre = request.priceOre();
        grant.tariffPeriod = request.tariffPeriod();
        grant.scope = request.scope();
        grant.validFrom = request.from();
        grant.validTo = request.to();
        grant.createdBy = caller.user();
        grant.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long annual = Cost.upTo(grant.priceOre, grant.scope, grant.tariffPeriod, grant.validFrom, grant.validFrom.plusDays(365));
        grant.approval = annual > settings.grantApprovalThresholdOre() ? Grant.Approval.PENDING : Grant.Approval.NOT_REQUIRED;
        grant.persistAndFlush();
        trail.record(caseId, null, "ADD", "grant", null, describe(grant), null);
        if (grant.approval == Grant.Approval.PENDING) {
            reviews.request(caseId, EconomyReviews.Trigger.GRANT_APPROVAL, grant.id);
        }
        events.publish(IntegrationEvents.GRANT_CHANGED, caseId, Map.of("grantId", grant.id.toString(),
                "serviceType", grant.serviceType.name(), "from", grant.validFrom.toString(), "to", grant.validTo.toString(),
                "priceOre", grant.priceOre, "tariffPeriod", grant.tariffPeriod.name(), "scope", grant.scope.toPlainString(),
                "approval", grant.approval.name()));
        return grant;
    }

    @Transactional
    public List<Grant> grants(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "grants");
        return Grant.list("caseId = ?1 order by validFrom, id", caseId);
    }

    @Transactional
    public PaymentPeriods responsibility(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "payment responsibility");
        return load(caseId);
    }

    /** Switches who pays from the effective date (past or future); the switch itself is kept for the settlement. */
    @Transactional
    public PaymentPeriods switchPayment(UUID caseId, Department department, LocalDate effective, String reason) {
        cases.access(caseId, AccessLog.Action.CHANGE, "payment responsibility");
        return switchPayment(caseId, department, effective, reason, caller.user());
    }

    /** The same for the process (handover on its effective date). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentPeriods switchPayment(UUID caseId, Department department, LocalDate effective, String reason, String by) {
        Panache.getEntityManager().createNativeQuery("select id from payment_period where case_id = :case for update")
                .setParameter("case", caseId).getResultList(); // one switch per case at a time
        PaymentPeriods current = load(caseId);
        PaymentPeriods switched = current.switchTo(department, effective);
        save(caseId, switched);
        trail.record(caseId, by, "CHANGE", "paymentResponsibility", periods(current), periods(switched), reason);
        Panache.getEntityManager().createNativeQuery("""
                        insert into payment_switch (id, case_id, department, effective_on, reason, recorded_by, recorded_at)
                        values (:id, :case, :department, :effective, :reason, :by, :at)""")
                .setParameter("id", UUID.randomUUID()).setParameter("case", caseId).setParameter("department", department.name())
                .setParameter("effective", effective).setParameter("reason", reason).setParameter("by", by)
                .setParameter("at", Instant.now()).executeUpdate();
        events.publish(IntegrationEvents.PAYMENT_RESPONSIBILITY_CHANGED, caseId,
                Map.of("department", department.name(), "effectiveDate", effective.toString()));
        return switched;
    }

    /** A grant as the audit trail shows it. */
    static String describe(Grant grant) {
        return grant.id + ": " + grant.serviceType + " (" + grant.legalBasis + ") " + grant.provider + " " + grant.providerName + ", "
                + grant.priceOre + " øre per " + grant.tariffPeriod + " × " + grant.scope.toPlainString() + ", " + grant.validFrom
                + " – " + grant.validTo + ", approval " + grant.approval;
    }

    private static String periods(PaymentPeriods periods) {
        return periods.periods().stream().map(p -> p.department() + " from " + p.from() + (p.to() == null ? "" : " to " + p.to()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The ids of the case's grants that run on {@code day} (for the handover summary). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> activeGrants(UUID caseId, LocalDate day) {
        return Grant.<Grant>list("caseId = ?1 and validFrom <= ?2 and validTo > ?2 order by validFrom", caseId, day)
                .stream().map(g -> g.id).toList();
    }

    /**
     * The department's part of every grant in force or awaiting approval that runs in [:from, :to): per grant and
     * payment period of the department, the cost of the days they share, by the rounding rule of {@link Cost}
     * ({@code visitation_cost_upto} is {@link Cost#upTo} in SQL: part = upTo(b) − upTo(a)). One pass in the
     * database instead of loading every grant and each case's periods (issue 7: 5 M grants).
     */
    static final String DEPARTMENT_PARTS = """
            with parts as (
                select g.case_id, g.service_type, g.approval,
                       g.price_ore * (g.scope * 100) * case g.tariff_period when 'MONTH' then 12 else 1 end as numerator,
                       case g.tariff_period when 'DAY' then 100 when 'WEEK' then 700 else 36500 end as denominator,
                       greatest(g.valid_from, least(greatest(p.valid_from, cast(:from as date)), g.valid_to)) - g.valid_from as days_a,
                       greatest(g.valid_from, least(coalesce(p.valid_to, cast(:to as date)), cast(:to as date), g.valid_to)) - g.valid_from as days_b
                from grant_award g
                join payment_period p on p.case_id = g.case_id and p.department = :department
                     and p.valid_from < cast(:to as date) and (p.valid_to is null or p.valid_to > cast(:from as date))
                where daterange(g.valid_from, g.valid_to) && daterange(cast(:from as date), cast(:to as date))
                  and g.approval <> 'REJECTED'
            ), costs as (
                select case_id, service_type, approval,
                       visitation_cost_upto(numerator, greatest(days_a, days_b), denominator)
                       - visitation_cost_upto(numerator, days_a, denominator) as amount
                from parts
            )
            """;

    /**
     * Dispositionsregnskab: what {@code department} is committed to in {@code year}, per case, service type and
     * target group. Grants awaiting approval count (and are shown apart); rejected grants do not. Every line in one
     * answer (deprecated: 59 MB at 1 M cases; {@link #commitmentTotals} and {@link #commitmentLines} replace it).
     * The lines are the kept ones ({@code commitment_line}, see V40), which are the aggregate's figures.
     */
    @Transactional
    public EconomyApi.CommitmentAccount commitmentAccount(int year, Department department) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select l.case_id, l.service_type, c.status, c.department, l.amount_ore, l.awaiting_ore
                        from commitment_line l join child_case c on c.id = l.case_id
                        where l.department = :department and l.year = :year
                        order by l.case_id, l.service_type
                        """)
                .setParameter("year", year).setParameter("department", department.name())
                .getResultList();
        List<EconomyApi.CommitmentLine> lines = lines(rows);
        accessLog.record(AccessLog.Action.SEARCH, "commitment account", lines.stream().map(EconomyApi.CommitmentLine::caseId).distinct().toList(),
                List.of(), Map.of("year", year, "department", department.name()));
        return EconomyApi.CommitmentAccount.of(year, department, lines);
    }

    /**
     * The commitment account's totals (the whole, awaiting approval, per service type and per target group) without
     * its lines: index-only sums over the kept costs. No child's data, so no access-log row names a case.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public EconomyApi.CommitmentTotals commitmentTotals(int year, Department department) {
        var em = Panache.getEntityManager();
        List<Object[]> byType = em.createNativeQuery("""
                        select service_type, sum(amount_ore), sum(awaiting_ore), count(*) from commitment_line
                        where department = :department and year = :year group by service_type""")
                .setParameter("year", year).setParameter("department", department.name()).getResultList();
        List<Object[]> byGroup = em.createNativeQuery("""
                        select target_group, sum(cost_ore), count(*) from case_year_cost
                        where department = :department and year = :year group by target_group""")
                .setParameter("year", year).setParameter("department", department.name()).getResultList();
        Map<Grant.ServiceType, Long> serviceTypes = new java.util.EnumMap<>(Grant.ServiceType.class);
        long total = 0;
        long awaiting = 0;
        long lines = 0;
        for (Object[] row : byType) {
            long amount = ((Number) row[1]).longValue();
            serviceTypes.put(Grant.ServiceType.valueOf((String) row[0]), amount);
            total += amount;
            awaiting += ((Number) row[2]).longValue();
            lines += ((Number) row[3]).longValue();
        }
        Map<dk.visitation.cases.TargetGroup, Long> groups = new java.util.EnumMap<>(dk.visitation.cases.TargetGroup.class);
        long caseCount = 0;
        for (Object[] row : byGroup) {
            groups.put(dk.visitation.cases.TargetGroup.valueOf((String) row[0]), ((Number) row[1]).longValue());
            caseCount += ((Number) row[2]).longValue();
        }
        accessLog.record(AccessLog.Action.SEARCH, "commitment account totals", List.of(), List.of(),
                Map.of("year", year, "department", department.name()));
        return new EconomyApi.CommitmentTotals(year, department, total, awaiting, serviceTypes, groups, caseCount, lines);
    }

    /** One page of the commitment account's lines, in the account's order (case id, service type): an index walk. */
    @Transactional
    @SuppressWarnings("unchecked")
    public dk.visitation.common.Page<EconomyApi.CommitmentLine> commitmentLines(int year, Department department,
            dk.visitation.common.PageRequest page) {
        var em = Panache.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("""
                        select l.case_id, l.service_type, c.status, c.department, l.amount_ore, l.awaiting_ore
                        from (select case_id, service_type, amount_ore, awaiting_ore from commitment_line
                              where department = :department and year = :year
                              order by case_id, service_type offset :offset limit :size) l
                        join child_case c on c.id = l.case_id
                        order by l.case_id, l.service_type""")
                .setParameter("year", year).setParameter("department", department.name())
                .setParameter("offset", page.offset()).setParameter("size", page.size).getResultList();
        long total = ((Number) em.createNativeQuery(
                        "select count(*) from commitment_line where department = :department and year = :year")
                .setParameter("year", year).setParameter("department", department.name()).getSingleResult()).longValue();
        List<EconomyApi.CommitmentLine> lines = lines(rows);
        accessLog.record(AccessLog.Action.SEARCH, "commitment account lines", lines.stream().map(EconomyApi.CommitmentLine::caseId).distinct().toList(),
                List.of(), Map.of("year", year, "department", department.name(), "page", page.page, "size", page.size));
        return new dk.visitation.common.Page<>(lines, page.page, page.size, total);
    }

    private static List<EconomyApi.CommitmentLine> lines(List<Object[]> rows) {
        List<EconomyApi.CommitmentLine> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new EconomyApi.CommitmentLine((UUID) row[0], Grant.ServiceType.valueOf((String) row[1]),
                    dk.visitation.cases.TargetGroup.of(dk.visitation.cases.CaseStatus.valueOf((String) row[2]),
                            Department.valueOf((String) row[3])),
                    ((Number) row[4]).longValue(), ((Number) row[5]).longValue()));
        }
        return lines;
    }

    /** The cases {@code department} pays for on at least one day of [from, to). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> payingCases(Department department, LocalDate from, LocalDate to) {
        List<UUID> ids = Panache.getEntityManager().createNativeQuery("""
                        select distinct case_id from payment_period
                        where department = :department and valid_from < :to and (valid_to is null or valid_to > :from)
                        order by case_id""", UUID.class)
                .setParameter("department", department.name()).setParameter("from", from).setParameter("to", to).getResultList();
        accessLog.record(AccessLog.Action.SEARCH, "cases paid for", ids, List.of(),
                Map.of("department", department.name(), "from", from.toString(), "to", to.toString()));
        return ids;
    }

    /** A case whose annualised cost in the year is at least 1 m kr, with its band. */
    public record ExpensiveCase(UUID caseId, long annualOre, long placementOre, String band) {
    }

    /** The expensive cases of a department-year and the department's whole placement spend that year. */
    public record ExpensiveCases(List<ExpensiveCase> cases, long placementSpendOre) {
    }

    /**
     * Expensive single cases (dyre enkeltsager) of {@code department} in {@code year}: the cost it pays for each
     * case in the year, annualised over the days it paid, in the bands 1.0–1.5, 1.5–2.0 and 2.0+ m kr, and the placement
     * spend their share is taken of — read from the cost per case and year kept on every change (V40).
     */
    @Transactional
    public ExpensiveCases expensiveCases(int year, Department department) {
        // the kept cost per case and year (case_year_cost, V40): the expensive ones are the first entries of
        // case_year_cost_expensive_idx, the placement spend an index-only sum; the last row is the spend
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select case_id, annual_ore, placement_ore, null from case_year_cost
                        where department = :department and year = :year and annual_ore >= 100000000
                        union all
                        select null, null, null, coalesce(sum(placement_ore), 0) from case_year_cost
                        where department = :department and year = :year""")
                .setParameter("year", year).setParameter("department", department.name())
                .getResultList();
        long placementSpend = 0;
        List<ExpensiveCase> expensive = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[0] == null) {
                placementSpend = ((Number) row[3]).longValue();
                continue;
            }
            long annual = ((Number) row[1]).longValue();
            String band = annual < 1_500_000_00L ? "1.0-1.5" : annual < 2_000_000_00L ? "1.5-2.0" : "2.0+";
            expensive.add(new ExpensiveCase((UUID) row[0], annual, ((Number) row[2]).longValue(), band));
        }
        // as before: by case id (Java's UUID order), then the most expensive first
        expensive.sort(java.util.Comparator.comparing(ExpensiveCase::caseId));
        expensive.sort(java.util.Comparator.comparingLong(ExpensiveCase::annualOre).reversed());
        accessLog.record(AccessLog.Action.EXPORT, "expensive cases", expensive.stream().map(ExpensiveCase::caseId).toList(),
                List.of(), Map.of("year", year, "department", department.name()));
        return new ExpensiveCases(expensive, placementSpend);
    }

    PaymentPeriods load(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "select valid_from, valid_to, department from payment_period where case_id = :case order by valid_from")
                .setParameter("case", caseId).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Case " + caseId + " has no payment responsibility recorded");
        }
        return PaymentPeriods.of(rows.stream().map(r -> new PaymentPeriods.Period(date(r[0]), r[1] == null ? null : date(r[1]),
                Department.valueOf((String) r[2]))).toList());
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static void save(UUID caseId, PaymentPeriods periods) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("delete from payment_period where case_id = :case").setParameter("case", caseId).executeUpdate();
        for (PaymentPeriods.Period period : periods.periods()) {
            em.createNativeQuery("""
                            insert into payment_period (id, case_id, department, valid_from, valid_to)
                            values (:id, :case, :department, :from, :to)""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter("id", UUID.randomUUID()).setParameter("case", caseId)
                    .setParameter("department", period.department().name()).setParameter("from", period.from())
                    .setParameter("to", period.to(), LocalDate.class).executeUpdate();
        }
    }
}
