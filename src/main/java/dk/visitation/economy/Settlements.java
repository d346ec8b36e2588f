package dk.visitation.economy;

import dk.visitation.common.Rows;
import dk.visitation.common.Department;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.security.AccessLog;
import dk.visitation.workflow.EngineStarted;
import dk.visitation.workflow.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
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
import org.jboss.logging.Logger;

/**
 * The economy track's periodic settlement between MYN and CBA. For each ended period (calendar quarters by
 * default) each department's statement holds the cost of every case it paid for in the period — grants in
 * force, split day-exactly at payment switches — plus corrections of earlier approved periods for what was
 * recorded after they were computed (a switch dated back, a grant added or approved late). A correction is
 * what the period costs the department now minus what its approved statements already settled for it, so
 * computing again never corrects twice.
 */
@ApplicationScoped
public class Settlements {

    private static final Logger LOG = Logger.getLogger(Settlements.class);
    static final String COMPUTED = "economy.settlement-computed";

    public enum Kind { REGULAR, CORRECTION }

    /** One case's amount in a statement: for the statement's period, or a correction of an earlier one. */
    public record Line(UUID caseId, Kind kind, LocalDate periodFrom, LocalDate periodTo, long amountOre) {
    }

    private final EconomySettings settings;
    private final Outbox outbox;
    private final AccessLog accessLog;

    Settlements(EconomySettings settings, Outbox outbox, AccessLog accessLog) {
        this.settings = settings;
        this.outbox = outbox;
        this.accessLog = accessLog;
        if (settings.settlementMonths() < 1 || 12 % settings.settlementMonths() != 0) {
            throw new IllegalStateException("visitation.economy.settlement-months must divide 12, not " + settings.settlementMonths());
        }
    }

    /** The first day of the period {@code day} falls in. */
    LocalDate periodStart(LocalDate day) {
        int months = settings.settlementMonths();
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / months * months + 1, 1);
    }

    /** Every night (and at start, for a period that ended while the service was down): the statements of the last ended period. */
    @Scheduled(cron = "{visitation.economy.settlement-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        settleEndedPeriod(LocalDate.now(Times.DENMARK));
    }

    void onEngine(@Observes EngineStarted engine) {
        if (engine.empty()) {
            // the in-process engine forgot the approval tasks of the drafts: start them again (same message id)
            QuarkusTransaction.requiringNew().run(() -> Settlement.<Settlement>list("status", Settlement.Status.DRAFT)
                    .forEach(this::startApproval));
        }
        settleEndedPeriod(LocalDate.now(Times.DENMARK));
    }

    /** Computes the statements of the period before the one {@code today} is in, once per department. */
    void settleEndedPeriod(LocalDate today) {
        LocalDate from = periodStart(today).minusMonths(settings.settlementMonths());
        for (Department department : Department.values()) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (Settlement.count("department = ?1 and periodFrom = ?2", department, from) == 0) {
                    Settlement statement = compute(department, from, today);
                    LOG.infof("Settlement %s %s–%s computed: %d øre", department, statement.periodFrom, statement.periodTo,
                            statement.regularOre + statement.correctionOre);
                }
            });
        }
    }

    /** Computes (or computes again while a draft) the department's statement for the period starting {@code from}. */
    @Transactional
    public Settlement compute(Department department, LocalDate from) {
        return compute(department, from, LocalDate.now(Times.DENMARK));
    }

    private Settlement compute(Department department, LocalDate from, LocalDate today) {
        if (!from.equals(periodStart(from))) {
            throw ProblemException.invalid("periodFrom", "must be the first day of a settlement period (every "
                    + settings.settlementMonths() + " months from 1 January), e.g. " + periodStart(from));
        }
        LocalDate to = from.plusMonths(settings.settlementMonths());
        if (to.isAfter(today)) {
            throw new ProblemException(ProblemType.CONFLICT, "The period ends on " + to + "; it can be settled from that day");
        }
        var em = Panache.getEntityManager();
        boolean first = em.createNativeQuery("""
                        insert into settlement (id, department, period_from, period_to, status, regular_ore, correction_ore,
                                                computed_at, version)
                        values (:id, :department, :from, :to, 'DRAFT', 0, 0, :now, 0)
                        on conflict (department, period_from) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("department", department.name())
                .setParameter("from", from).setParameter("to", to).setParameter("now", Instant.now()).executeUpdate() == 1;
        Settlement statement = em.createQuery("from Settlement where department = ?1 and periodFrom = ?2", Settlement.class)
                .setParameter(1, department).setParameter(2, from)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        if (statement.status == Settlement.Status.APPROVED) {
            throw new ProblemException(ProblemType.CONFLICT, "The statement was approved on "
                    + Times.local(statement.approvedAt).toLocalDate() + " and does not change; later changes go into the next one");
        }
        List<Line> lines = new ArrayList<>(regular(department, from, to));
        lines.addAll(corrections(department, from));
        em.createNativeQuery("delete from settlement_line where settlement_id = :id").setParameter("id", statement.id).executeUpdate();
        for (Line line : lines) {
            em.createNativeQuery("""
                            insert into settlement_line (id, settlement_id, case_id, kind, period_from, period_to, amount_ore)
                            values (:id, :statement, :case, :kind, :from, :to, :amount)""")
                    .setParameter("id", UUID.randomUUID()).setParameter("statement", statement.id).setParameter("case", line.caseId())
                    .setParameter("kind", line.kind().name()).setParameter("from", line.periodFrom())
                    .setParameter("to", line.periodTo()).setParameter("amount", line.amountOre()).executeUpdate();
        }
        statement.regularOre = lines.stream().filter(l -> l.kind() == Kind.REGULAR).mapToLong(Line::amountOre).sum();
        statement.correctionOre = lines.stream().filter(l -> l.kind() == Kind.CORRECTION).mapToLong(Line::amountOre).sum();
        statement.computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        statement.persistAndFlush();
        if (first) {
            startApproval(statement);
        }
        accessLog.record(AccessLog.Action.SEARCH, "settlement", lines.stream().map(Line::caseId).distinct().toList(), List.of(),
                Map.of("department", department.name(), "periodFrom", from.toString()));
        return statement;
    }

    private void startApproval(Settlement statement) {
        outbox.publishMessage(COMPUTED, statement.id.toString(), "settlement:" + statement.id, Map.of(
                "settlementId", statement.id.toString(), "subjectId", statement.id.toString(),
                "department", statement.department.name()));
    }

    /** One case's amount: its cost in a period, or what is still owed for an earlier one. */
    record CaseAmount(UUID caseId, Long amountOre) {
    }

    /**
     * The department's cost per case in [from, to) from the grants in force: per grant and payment period of the
     * department, the cost of the days they share by the money rule ({@code visitation_grant_part}, V52), summed in
     * the database, not every grant of the period loaded as an entity, which did not finish at a million cases.
     */
    private List<Line> regular(Department department, LocalDate from, LocalDate to) {
        List<CaseAmount> amounts = Rows.list(Panache.getEntityManager(), """
                        select case_id, amount_ore from (
                            select g.case_id, sum(visitation_grant_part(g.price_ore, g.scope, g.tariff_period, g.valid_from,
                                                      g.valid_to, greatest(p.valid_from, cast(:from as date)),
                                                      least(coalesce(p.valid_to, cast(:to as date)), cast(:to as date))))::bigint as amount_ore
                            from grant_award g
                            join payment_period p on p.case_id = g.case_id and p.department = :department
                                 and p.valid_from < cast(:to as date) and (p.valid_to is null or p.valid_to > cast(:from as date))
                            where daterange(g.valid_from, g.valid_to) && daterange(cast(:from as date), cast(:to as date))
                              and g.approval in ('NOT_REQUIRED', 'APPROVED')
                            group by g.case_id) costs
                        where amount_ore <> 0""",
                CaseAmount.class, q -> q.setParameter("from", from).setParameter("to", to).setParameter("department", department.name()));
        List<Line> lines = new ArrayList<>(amounts.size());
        for (CaseAmount amount : amounts) {
            lines.add(new Line(amount.caseId(), Kind.REGULAR, from, to, amount.amountOre()));
        }
        lines.sort(java.util.Comparator.comparing(Line::caseId));
        return lines;
    }

    /** What is still owed for a case in an earlier period. */
    record Correction(LocalDate periodFrom, LocalDate periodTo, UUID caseId, Long amountOre) {
    }

    /**
     * For every approved earlier period: the cases changed after it was computed (a switch dated back into it, a grant
     * of it added, decided or ended early since), and what is still owed either way — what the period costs the department now by
     * the money rule, minus what its approved statements settled for the case. One query for all of them.
     */
    private List<Line> corrections(Department department, LocalDate before) {
        return Rows.list(Panache.getEntityManager(), """
                        with earlier as (
                            select period_from, period_to, computed_at from settlement
                            where department = :department and status = 'APPROVED' and period_from < :before
                        ), changed as (
                            select e.period_from, e.period_to, c.case_id
                            from earlier e
                            cross join lateral (
                                select case_id from payment_switch where recorded_at > e.computed_at and effective_on < e.period_to
                                union
                                select case_id from grant_award
                                where (created_at > e.computed_at or approval_decided_at > e.computed_at or ended_at > e.computed_at)
                                  and valid_from < e.period_to and coalesce(granted_to, valid_to) > e.period_from) c
                        )
                        select c.period_from, c.period_to, c.case_id, (due.ore - settled.ore)::bigint as amount_ore
                        from changed c
                        cross join lateral (
                            select coalesce(sum(visitation_grant_part(g.price_ore, g.scope, g.tariff_period, g.valid_from, g.valid_to,
                                                                      greatest(p.valid_from, c.period_from),
                                                                      least(coalesce(p.valid_to, c.period_to), c.period_to))), 0) as ore
                            from grant_award g
                            join payment_period p on p.case_id = g.case_id and p.department = :department
                                 and p.valid_from < c.period_to and (p.valid_to is null or p.valid_to > c.period_from)
                            where g.case_id = c.case_id and g.valid_from < c.period_to and g.valid_to > c.period_from
                              and g.approval in ('NOT_REQUIRED', 'APPROVED')) due
                        cross join lateral (
                            select coalesce(sum(l.amount_ore), 0) as ore
                            from settlement_line l join settlement s on s.id = l.settlement_id
                            where s.status = 'APPROVED' and s.department = :department and l.case_id = c.case_id
                              and l.period_from = c.period_from) settled
                        where due.ore <> settled.ore
                        order by c.period_from, c.case_id""", Correction.class,
                        q -> q.setParameter("department", department.name()).setParameter("before", before))
                .stream().map(c -> new Line(c.caseId(), Kind.CORRECTION, c.periodFrom(), c.periodTo(), c.amountOre())).toList();
    }

    @Transactional
    public Page<Settlement> list(Department department, Settlement.Status status, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Parameters params = new Parameters();
        if (department != null) {
            where.add("department = :department");
            params.and("department", department);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        var found = Settlement.<Settlement>find("from Settlement where " + String.join(" and ", where)
                + " order by periodFrom desc, department", params);
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list(), page.page, page.size,
                found.count());
    }

    /** A statement with its lines. */
    public record Statement(Settlement settlement, List<Line> lines) {
    }

    /** A settlement line as kept. */
    record LineRow(UUID caseId, String kind, LocalDate periodFrom, LocalDate periodTo, Long amountOre) {

        Line line() {
            return new Line(caseId, Kind.valueOf(kind), periodFrom, periodTo, amountOre);
        }
    }

    @Transactional
    public Statement get(UUID id) {
        Settlement statement = Settlement.findById(id);
        if (statement == null) {
            throw ProblemException.notFound("Settlement", id);
        }
        List<Line> lines = Rows.list(Panache.getEntityManager(), """
                        select case_id, kind, period_from, period_to, amount_ore from settlement_line
                        where settlement_id = :id order by kind desc, period_from, case_id""", LineRow.class,
                q -> q.setParameter("id", id)).stream().map(LineRow::line).toList();
        accessLog.record(AccessLog.Action.READ, "settlement", lines.stream().map(Line::caseId).distinct().toList(), List.of(),
                Map.of("settlement", id.toString()));
        return new Statement(statement, lines);
    }
}
