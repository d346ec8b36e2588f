package dk.visitation.economy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Department;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.security.AccessLog;
import dk.visitation.tasks.TaskForm;
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
import java.util.Set;
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
public class Settlements implements TaskForm {

    private static final Logger LOG = Logger.getLogger(Settlements.class);
    static final String COMPUTED = "economy.settlement-computed";
    private static final Set<String> FIELDS = Set.of("version", "note");

    public enum Kind { REGULAR, CORRECTION }

    /** One case's amount in a statement: for the statement's period, or a correction of an earlier one. */
    public record Line(UUID caseId, Kind kind, LocalDate periodFrom, LocalDate periodTo, long amountOre) {
    }

    private final EconomyService economy;
    private final EconomySettings settings;
    private final Outbox outbox;
    private final AccessLog accessLog;

    Settlements(EconomyService economy, EconomySettings settings, Outbox outbox, AccessLog accessLog) {
        this.economy = economy;
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

    /**
     * The department's cost per case in [from, to) from the grants in force: the commitment account's SQL
     * aggregate (the same rounding rule as {@link Commitments}, checked by ScaleSmokeTest), not every grant of
     * the period loaded as an entity, which did not finish at a million cases.
     */
    @SuppressWarnings("unchecked")
    private List<Line> regular(Department department, LocalDate from, LocalDate to) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(EconomyService.DEPARTMENT_PARTS + """
                        select case_id, sum(amount) from costs where approval in ('NOT_REQUIRED', 'APPROVED')
                        group by case_id having sum(amount) <> 0""")
                .setParameter("from", from).setParameter("to", to).setParameter("department", department.name())
                .getResultList();
        List<Line> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new Line((UUID) row[0], Kind.REGULAR, from, to, ((Number) row[1]).longValue()));
        }
        lines.sort(java.util.Comparator.comparing(Line::caseId));
        return lines;
    }

    private static final List<Grant.Approval> IN_FORCE = List.of(Grant.Approval.NOT_REQUIRED, Grant.Approval.APPROVED);

    /** For every approved earlier period: the cases changed after it was computed, and what is still owed either way. */
    @SuppressWarnings("unchecked")
    private List<Line> corrections(Department department, LocalDate before) {
        var em = Panache.getEntityManager();
        List<Line> lines = new ArrayList<>();
        for (Settlement earlier : Settlement.<Settlement>list("department = ?1 and status = ?2 and periodFrom < ?3 order by periodFrom",
                department, Settlement.Status.APPROVED, before)) {
            List<UUID> changed = em.createNativeQuery("""
                            select case_id from payment_switch where recorded_at > :computed and effective_on < :to
                            union
                            select case_id from grant_award
                            where (created_at > :computed or approval_decided_at > :computed) and valid_from < :to and valid_to > :from
                            order by 1""", UUID.class)
                    .setParameter("computed", earlier.computedAt).setParameter("from", earlier.periodFrom)
                    .setParameter("to", earlier.periodTo).getResultList();
            for (UUID caseId : changed) {
                PaymentPeriods periods = economy.load(caseId);
                long due = Grant.<Grant>list("caseId = ?1 and validFrom < ?2 and validTo > ?3 and approval in ?4", caseId,
                                earlier.periodTo, earlier.periodFrom, IN_FORCE).stream()
                        .mapToLong(g -> Commitments.split(g.terms(), periods, earlier.periodFrom, earlier.periodTo)
                                .getOrDefault(department, 0L))
                        .sum();
                long settled = ((Number) em.createNativeQuery("""
                                select coalesce(sum(l.amount_ore), 0) from settlement_line l join settlement s on s.id = l.settlement_id
                                where s.status = 'APPROVED' and s.department = :department and l.case_id = :case
                                  and l.period_from = :from""")
                        .setParameter("department", department.name()).setParameter("case", caseId)
                        .setParameter("from", earlier.periodFrom).getSingleResult()).longValue();
                if (due != settled) {
                    lines.add(new Line(caseId, Kind.CORRECTION, earlier.periodFrom, earlier.periodTo, due - settled));
                }
            }
        }
        return lines;
    }

    @Override
    public String formKey() {
        return "settlement:approve";
    }

    /** "Godkend afregningsopgørelse": approves the version ECONOMY read; a statement computed again since is read again. */
    @Override
    public Map<String, Object> complete(CompletedTask task, JsonNode input) {
        List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
        JsonNode version = input.path("version");
        if (!version.canConvertToLong() || !version.isIntegralNumber()) {
            errors.add(new Problem.FieldError("version", "is required: the version of the statement that was read"));
        }
        JsonNode note = input.path("note");
        if (!note.isMissingNode() && !note.isNull() && (!note.isTextual() || note.asText().length() > 2000)) {
            errors.add(new Problem.FieldError("note", "must be text, at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The approval is not valid", errors);
        }
        Settlement statement = Settlement.findById(task.subjectId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (statement == null || statement.status != Settlement.Status.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "The statement is already approved");
        }
        if (statement.version != version.asLong()) {
            throw new ProblemException(ProblemType.CONFLICT, "The statement was computed again since version " + version.asLong()
                    + " (now " + statement.version + "); read it again before approving");
        }
        statement.status = Settlement.Status.APPROVED;
        statement.approvedBy = task.completedBy();
        statement.approvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        statement.approvalNote = note.isTextual() && !note.asText().isBlank() ? note.asText().strip() : null;
        return Map.of("approved", true);
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

    @Transactional
    @SuppressWarnings("unchecked")
    public Statement get(UUID id) {
        Settlement statement = Settlement.findById(id);
        if (statement == null) {
            throw ProblemException.notFound("Settlement", id);
        }
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select case_id, kind, period_from, period_to, amount_ore from settlement_line
                        where settlement_id = :id order by kind desc, period_from, case_id""")
                .setParameter("id", id).getResultList();
        List<Line> lines = rows.stream().map(r -> new Line((UUID) r[0], Kind.valueOf((String) r[1]), date(r[2]), date(r[3]),
                ((Number) r[4]).longValue())).toList();
        accessLog.record(AccessLog.Action.READ, "settlement", lines.stream().map(Line::caseId).distinct().toList(), List.of(),
                Map.of("settlement", id.toString()));
        return new Statement(statement, lines);
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
