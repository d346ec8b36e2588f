package dk.visitation.economy;

import dk.visitation.cases.CaseRegistered;
import dk.visitation.cases.CaseService;
import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
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
import java.util.TreeMap;
import java.util.UUID;

/**
 * Grants, payment responsibility and the commitment account. Payment periods are kept as rows and
 * changed only through {@link PaymentPeriods}, whose invariants (no gap, no overlap) are tested on their own.
 */
@ApplicationScoped
public class EconomyService {

    private final CaseService cases;
    private final AccessLog accessLog;
    private final Caller caller;

    EconomyService(CaseService cases, AccessLog accessLog, Caller caller) {
        this.cases = cases;
        this.accessLog = accessLog;
        this.caller = caller;
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
        grant.persistAndFlush();
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
        PaymentPeriods switched = load(caseId).switchTo(department, effective);
        save(caseId, switched);
        Panache.getEntityManager().createNativeQuery("""
                        insert into payment_switch (id, case_id, department, effective_on, reason, recorded_by, recorded_at)
                        values (:id, :case, :department, :effective, :reason, :by, :at)""")
                .setParameter("id", UUID.randomUUID()).setParameter("case", caseId).setParameter("department", department.name())
                .setParameter("effective", effective).setParameter("reason", reason).setParameter("by", by)
                .setParameter("at", Instant.now()).executeUpdate();
        return switched;
    }

    /** The ids of the case's grants that run on {@code day} (for the handover summary). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> activeGrants(UUID caseId, LocalDate day) {
        return Grant.<Grant>list("caseId = ?1 and validFrom <= ?2 and validTo > ?2 order by validFrom", caseId, day)
                .stream().map(g -> g.id).toList();
    }

    /** Dispositionsregnskab: what {@code department} is committed to in {@code year}, per case and service type. */
    @Transactional
    public EconomyApi.CommitmentAccount commitmentAccount(int year, Department department) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        List<Grant> grants = Grant.list("validFrom < ?1 and validTo > ?2 order by caseId, serviceType", to, from);
        Map<String, Long> byLine = new TreeMap<>();
        Map<UUID, PaymentPeriods> payers = new java.util.HashMap<>();
        for (Grant grant : grants) {
            PaymentPeriods periods = payers.computeIfAbsent(grant.caseId, this::load);
            long amount = Commitments.split(grant.terms(), periods, from, to).getOrDefault(department, 0L);
            if (amount != 0) {
                byLine.merge(grant.caseId + "|" + grant.serviceType, amount, Long::sum);
            }
        }
        List<EconomyApi.CommitmentLine> lines = new ArrayList<>();
        byLine.forEach((key, amount) -> {
            String[] parts = key.split("\\|");
            lines.add(new EconomyApi.CommitmentLine(UUID.fromString(parts[0]), Grant.ServiceType.valueOf(parts[1]), amount));
        });
        accessLog.record(AccessLog.Action.SEARCH, "commitment account", lines.stream().map(EconomyApi.CommitmentLine::caseId).distinct().toList(),
                List.of(), Map.of("year", year, "department", department.name()));
        return new EconomyApi.CommitmentAccount(year, department, lines.stream().mapToLong(EconomyApi.CommitmentLine::amountOre).sum(), lines);
    }

    private PaymentPeriods load(UUID caseId) {
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
