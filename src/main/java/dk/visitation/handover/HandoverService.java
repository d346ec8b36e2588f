package dk.visitation.handover;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.tasks.TaskService;
import dk.visitation.workflow.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import dk.visitation.workflow.EngineStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands a case over between MYN and CBA when it suits the citizen: only when no application for support,
 * no child-welfare investigation and no other blocking item is open ({@link OpenWork}). The handing adviser writes
 * the mandatory summary, the receiving department accepts with a named adviser and an effective date, and
 * payment responsibility switches on that date ({@link HandoverSteps}). Here: asking for, withdrawing and reading a
 * handover, and its process started (again).
 */
@ApplicationScoped
public class HandoverService {

    static final String REQUESTED = "handover.requested";
    static final String UNBLOCKED = "handover.unblocked";
    static final String WITHDRAWN = "handover.withdrawn";
    /** "Afslut åbent arbejde før overdragelse": the task that stands for the open work while the handover waits. */
    static final String FINISH_OPEN_WORK = "finish-open-work";

    private final CaseAccess cases;
    private final Outbox outbox;
    private final Caller caller;
    private final TaskService tasks;

    HandoverService(CaseAccess cases, Outbox outbox, Caller caller, TaskService tasks) {
        this.tasks = tasks;
        this.cases = cases;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * Starts a handover (from a decision); an open one is kept. It is recorded BLOCKED at once while open work remains;
     * the process checks its conditions again and waits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Handover request(UUID caseId, Department to, String reason, String by) {
        return request(caseId, to, null, reason, by);
    }

    /**
     * The lead of a shared case moves to {@code lead}: a handover like any other (summary, receipt, payment switch on the
     * effective date, events), after which the case is shared with {@code contributing}. The lead department is the one
     * that works and pays for a shared case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Handover requestLeadChange(UUID caseId, Department lead, Department contributing, String reason, String by) {
        return request(caseId, lead, contributing, reason, by);
    }

    private Handover request(UUID caseId, Department to, Department contributing, String reason, String by) {
        Optional<Handover> open = underWay(caseId, false);
        if (open.isPresent()) {
            return open.get();
        }
        CaseRef ref = cases.ref(caseId);
        Handover handover = new Handover();
        handover.id = UUID.randomUUID();
        handover.caseId = caseId;
        handover.fromDepartment = ref.department();
        handover.toDepartment = to;
        handover.contributingDepartment = contributing;
        handover.status = OpenWork.blockers(caseId).isEmpty() ? Handover.Status.REQUESTED : Handover.Status.BLOCKED;
        handover.reason = reason;
        handover.requestedBy = by;
        handover.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        handover.persist();
        start(handover, "check-handover-conditions");
        return handover;
    }

    /** Starts the handover's process (once per handover in an engine: the message id is the handover's). */
    private void start(Handover handover, String resumeAt) {
        outbox.publishMessage(REQUESTED, handover.caseId.toString(), "handover-requested:" + handover.id, variables(handover, resumeAt));
    }

    /** The process's variables: ids and departments only; the handover is the subject of its tasks. */
    static Map<String, Object> variables(Handover handover, String resumeAt) {
        return Map.of("caseId", handover.caseId.toString(), "handoverId", handover.id.toString(),
                "subjectId", handover.id.toString(), "fromDepartment", handover.fromDepartment.name(),
                "toDepartment", handover.toDepartment.name(), "resumeAt", resumeAt);
    }

    /** The step an unfinished handover waits at, by its record: where its process continues after an engine restart. */
    static String resumeAt(Handover handover) {
        if (handover.status == Handover.Status.RECEIVING) {
            return handover.receivedBy == null ? "receive-case" : "switch-payment";
        }
        return "check-handover-conditions"; // checking again is harmless: the summary task follows when nothing blocks
    }

    /** The in-process engine forgot its instances: every unfinished handover continues where its record stands. */
    void rebuild(@Observes EngineStarted engine) {
        if (engine.empty()) {
            QuarkusTransaction.requiringNew().run(() -> Handover.<Handover>list("status in ?1", Handover.UNDER_WAY)
                    .forEach(handover -> start(handover, resumeAt(handover))));
        }
    }

    /**
     * A handover asked for through the API (e.g. a disability case that became a social case). While open work remains
     * it is recorded BLOCKED with its blockers and goes on by itself when the last one closes; 409 when the case is
     * already in that department or a handover is already under way.
     */
    @Transactional
    public Handover requestByCaller(UUID caseId, Department to, String reason) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.CHANGE, "handover");
        if (ref.department() == to) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is already in " + to);
        }
        Optional<Handover> open = underWay(caseId, false);
        if (open.isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "A handover to " + open.get().toDepartment + " is already under way ("
                    + open.get().status + ")", List.of(new Problem.FieldError("handover/" + open.get().id, open.get().status.name())));
        }
        return request(caseId, to, reason, caller.user());
    }

    /**
     * Withdraws the case's handover under way, before the receiving department has accepted it: its tasks leave the task
     * list, its process ends, and closing its blockers later does nothing. Who and why are kept on the handover.
     */
    @Transactional
    public Handover withdraw(UUID caseId, String reason) {
        cases.access(caseId, AccessLog.Action.CHANGE, "handover withdrawal");
        Handover handover = underWay(caseId, true)
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "The case has no handover under way to withdraw"));
        if (handover.receivedBy != null) {
            throw new ProblemException(ProblemType.CONFLICT, "The receiving department has accepted the handover; "
                    + "payment responsibility switches on " + handover.effectiveDate);
        }
        handover.status = Handover.Status.WITHDRAWN;
        handover.withdrawnBy = caller.user();
        handover.withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        handover.withdrawalReason = reason.strip();
        handover.persistAndFlush();
        tasks.cancel(handover.id, null, caller.user());
        outbox.publishMessage(WITHDRAWN, handover.id.toString(), "handover-withdrawn:" + handover.id, Map.of());
        return handover;
    }

    /** The case's handover under way, if any; locked for this transaction when {@code lock} (checks and closes take turns). */
    static Optional<Handover> underWay(UUID caseId, boolean lock) {
        var query = Handover.<Handover>find("caseId = ?1 and status in ?2", caseId, Handover.UNDER_WAY);
        return (lock ? query.withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE) : query).firstResultOptional();
    }

    @Transactional
    public Handover latest(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "handover");
        return Handover.<Handover>find("caseId = ?1 order by requestedAt desc", caseId).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Case " + caseId + " has no handover"));
    }

}
