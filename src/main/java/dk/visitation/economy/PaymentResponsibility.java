package dk.visitation.economy;

import dk.visitation.common.Rows;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Payment responsibility (betalingsansvar): who pays for a case on which day, kept as rows and changed only
 * through {@link PaymentPeriods}, whose invariants (no gap, no overlap) are tested on their own; every switch is
 * kept for the settlement.
 */
@ApplicationScoped
public class PaymentResponsibility {

    private final CaseAccess cases;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final Caller caller;
    private final IntegrationEvents events;

    PaymentResponsibility(CaseAccess cases, Caller caller, IntegrationEvents events, dk.visitation.cases.CaseAuditTrail trail) {
        this.cases = cases;
        this.caller = caller;
        this.events = events;
        this.trail = trail;
    }

    /** The receiving department pays from the day the request came in. */
    void opened(@Observes CaseRegistered registered) {
        save(registered.caseId(), PaymentPeriods.starting(registered.receivedOn(), registered.department()));
    }

    @Transactional
    public PaymentPeriods responsibility(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "payment responsibility");
        return load(caseId);
    }

    /** The case's payment periods as the service sees them (another feature's read, e.g. the case summary): not scoped, not logged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentPeriods periodsOf(UUID caseId) {
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

    private static String periods(PaymentPeriods periods) {
        return periods.periods().stream().map(p -> p.department() + " from " + p.from() + (p.to() == null ? "" : " to " + p.to()))
                .collect(Collectors.joining("; "));
    }

    /** A payment period row. */
    record PeriodRow(LocalDate validFrom, LocalDate validTo, String department) {

        PaymentPeriods.Period period() {
            return new PaymentPeriods.Period(validFrom, validTo, Department.valueOf(department));
        }
    }

    static PaymentPeriods load(UUID caseId) {
        List<PeriodRow> rows = Rows.list(Panache.getEntityManager(),
                "select valid_from, valid_to, department from payment_period where case_id = :case order by valid_from",
                PeriodRow.class, q -> q.setParameter("case", caseId));
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Case " + caseId + " has no payment responsibility recorded");
        }
        return PaymentPeriods.of(rows.stream().map(PeriodRow::period).toList());
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
