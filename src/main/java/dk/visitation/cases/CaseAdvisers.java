package dk.visitation.cases;

import static dk.visitation.common.Times.local;

import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Rows;
import dk.visitation.common.Times;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case's advisers over time: the rule that a case's adviser is an active adviser of its department (asked of the
 * register, {@link AdviserDirectory}), every assignment and change kept dated (who, when, from → to, why), the case's
 * history, and the counts over all cases that the caseload and continuity figures are made of — SQL aggregates over
 * the assignments, never the cases loaded.
 */
@ApplicationScoped
public class CaseAdvisers {

    private final AdviserDirectory directory;
    private final CaseAccess access;

    CaseAdvisers(AdviserDirectory directory, CaseAccess access) {
        this.directory = directory;
        this.access = access;
    }

    /** Why {@code adviser} cannot be given a case in {@code department} today, as a field error; empty when it can (or is null). */
    public Optional<Problem.FieldError> check(String adviser, Department department, String field) {
        if (adviser == null || adviser.isBlank()) {
            return Optional.empty();
        }
        return directory.refusal(adviser.strip(), department, LocalDate.now(Times.DENMARK))
                .map(why -> new Problem.FieldError(field, why));
    }

    /** 400 when {@code adviser} cannot be given a case in {@code department} today. */
    public void requireAssignable(String adviser, Department department, String field) {
        check(adviser, department, field).ifPresent(error -> {
            throw new ProblemException(ProblemType.VALIDATION, "The adviser cannot be given this case", List.of(error));
        });
    }

    /**
     * Records that the case's adviser went from {@code from} to {@code to} at {@code at}: the current period ends and a new
     * one begins. Nothing when both are the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void assigned(UUID caseId, Department department, String from, String to, Instant at, String by, String reason) {
        if (Objects.equals(from, to)) {
            return;
        }
        AdviserAssignment.update("endedAt = ?1 where caseId = ?2 and endedAt is null", at, caseId);
        AdviserAssignment assignment = new AdviserAssignment();
        assignment.caseId = caseId;
        assignment.department = department;
        assignment.fromAdviser = from;
        assignment.toAdviser = to;
        assignment.assignedAt = at;
        assignment.assignedBy = by;
        assignment.reason = reason == null || reason.isBlank() ? null : reason.strip();
        assignment.persist();
    }

    @Schema(name = "AdviserAssignment", description = "One period of a case's adviser: from its assignment until the next one")
    public record AssignmentView(
            @Schema(nullable = true, description = "The adviser before; null for the first", examples = "mette.myn") String fromAdviser,
            @Schema(nullable = true, description = "The adviser in this period; null while the case had none", examples = "lars.myn")
            String toAdviser,
            @Schema(description = "The case's (lead) department when the period began") Department department,
            OffsetDateTime assignedAt,
            @Schema(nullable = true, description = "When the next assignment ended this one; null for the current one") OffsetDateTime endedAt,
            @Schema(examples = "leder.myn") String assignedBy,
            @Schema(nullable = true, examples = "Omfordeling efter sygemelding") String reason,
            @Schema(description = "A change of adviser: one named adviser replaced by another") boolean change) {

        static AssignmentView of(AdviserAssignment a) {
            return new AssignmentView(a.fromAdviser, a.toAdviser, a.department, local(a.assignedAt), local(a.endedAt), a.assignedBy,
                    a.reason, a.fromAdviser != null && a.toAdviser != null);
        }
    }

    @Schema(name = "CaseAdviserHistory", description = "A case's advisers over time, oldest first, with its continuity")
    public record History(
            UUID caseId,
            @Schema(nullable = true, description = "The adviser now") String currentAdviser,
            @Schema(description = "How many different advisers the case has had", examples = "3") int advisersHad,
            @Schema(description = "How many times one named adviser was replaced by another", examples = "2") int changes,
            List<AssignmentView> assignments) {
    }

    /** The case's adviser history, for a caller who may see the case (else 404); logged as a read. */
    @Transactional
    public History history(UUID caseId) {
        CaseRef ref = access.access(caseId, AccessLog.Action.READ, "case adviser history");
        List<AssignmentView> rows = AdviserAssignment.<AdviserAssignment>list("caseId = ?1 order by assignedAt, id", caseId).stream()
                .map(AssignmentView::of).toList();
        int had = (int) rows.stream().map(AssignmentView::toAdviser).filter(Objects::nonNull).distinct().count();
        int changes = (int) rows.stream().filter(AssignmentView::change).count();
        return new History(caseId, ref.adviser(), had, changes, rows);
    }

    /** Per adviser (of those named) the cases it held at {@code at}: every case counts, whatever its status (none closes a case). */
    @Transactional
    public Map<String, Long> openCases(Collection<String> advisers, Instant at) {
        Map<String, Long> loads = new HashMap<>();
        if (advisers.isEmpty()) {
            return loads;
        }
        Rows.list(AdviserAssignment.getEntityManager(), """
                        select to_adviser as adviser, count(*) as open_cases from case_adviser_assignment
                        where to_adviser in (:advisers) and assigned_at < :at and (ended_at is null or ended_at >= :at)
                        group by to_adviser""", Load.class,
                q -> q.setParameter("advisers", List.copyOf(advisers)).setParameter("at", at))
                .forEach(load -> loads.put(load.adviser(), load.openCases()));
        return loads;
    }

    /** The cases an adviser held at the end of a month (Danish time): the month's first day, the adviser, the count. */
    public record MonthLoad(LocalDate monthStart, String adviser, Long openCases) {
    }

    /** Per month from {@code from} to {@code to} (inclusive) and adviser (of those named): the cases held at the month's end. */
    @Transactional
    public List<MonthLoad> monthly(Collection<String> advisers, YearMonth from, YearMonth to) {
        if (advisers.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        return Rows.list(AdviserAssignment.getEntityManager(), """
                        select cast(m.month_start as date) as month_start, a.to_adviser as adviser, count(*) as open_cases
                        from generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 month') as m(month_start)
                        join case_adviser_assignment a
                          on a.to_adviser in (:advisers)
                         and a.assigned_at < ((m.month_start + interval '1 month') at time zone 'Europe/Copenhagen')
                         and (a.ended_at is null or a.ended_at >= ((m.month_start + interval '1 month') at time zone 'Europe/Copenhagen'))
                        group by m.month_start, a.to_adviser
                        order by m.month_start, a.to_adviser""", MonthLoad.class,
                q -> q.setParameter("advisers", List.copyOf(advisers)).setParameter("from", from.atDay(1))
                        .setParameter("to", to.atDay(1)));
    }

    /**
     * Continuity in a department over [start, end): the cases that had one of its advisers at some time in the period, how many
     * of them changed adviser in it, and the changes (one named adviser replaced by another; a first adviser is no change).
     */
    public record Continuity(Long cases, Long changedCases, Long changes) {
    }

    @Transactional
    public Continuity continuity(Department department, Instant start, Instant end) {
        return Rows.single(AdviserAssignment.getEntityManager(), """
                        select count(distinct case_id) as cases,
                               count(distinct case_id) filter (where changed) as changed_cases,
                               count(*) filter (where changed) as changes
                        from (select case_id, (from_adviser is not null and assigned_at >= :start) as changed
                              from case_adviser_assignment
                              where department = :department and to_adviser is not null
                                and assigned_at < :end and (ended_at is null or ended_at > :start)) held""", Continuity.class,
                q -> q.setParameter("department", department.name()).setParameter("start", start).setParameter("end", end));
    }

    private record Load(String adviser, Long openCases) {
    }
}
