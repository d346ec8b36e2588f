package dk.visitation.handover;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseService;
import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.economy.EconomyReviews;
import dk.visitation.economy.Grants;
import dk.visitation.economy.PaymentResponsibility;
import dk.visitation.events.IntegrationEvents;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands a case over between MYN and CBA when it suits the citizen: only when no application for support,
 * no child-welfare investigation and no other blocking item is open. The handing adviser writes the
 * mandatory summary, the receiving department accepts with a named adviser and an effective date, and
 * payment responsibility switches on that date.
 */
@ApplicationScoped
public class HandoverService {

    static final String REQUESTED = "handover.requested";
    static final String UNBLOCKED = "handover.unblocked";
    static final String WITHDRAWN = "handover.withdrawn";
    /** "Afslut åbent arbejde før overdragelse": the task that stands for the open work while the handover waits. */
    static final String FINISH_OPEN_WORK = "finish-open-work";
    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final CaseService cases;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final Grants grants;
    private final PaymentResponsibility payments;
    private final Outbox outbox;
    private final Caller caller;
    private final IntegrationEvents events;
    private final EconomyReviews reviews;
    private final TaskService tasks;

    HandoverService(CaseService cases, Grants grants, PaymentResponsibility payments, Outbox outbox, Caller caller, IntegrationEvents events,
            EconomyReviews reviews, TaskService tasks, dk.visitation.cases.CaseAuditTrail trail) {
        this.tasks = tasks;
        this.trail = trail;
        this.events = events;
        this.reviews = reviews;
        this.cases = cases;
        this.grants = grants;
        this.payments = payments;
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
        handover.status = blockers(caseId).isEmpty() ? Handover.Status.REQUESTED : Handover.Status.BLOCKED;
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

    static List<WorkItem> blockers(UUID caseId) {
        return WorkItem.list("caseId = ?1 and status = ?2 and blocking = true order by openedOn, id", caseId, WorkItem.Status.OPEN);
    }

    /** The open work that holds up the handover: none once it is past its conditions or finished. */
    static List<WorkItem> blockersOf(Handover handover) {
        return handover.status == Handover.Status.BLOCKED || handover.status == Handover.Status.REQUESTED
                ? blockers(handover.caseId) : List.of();
    }

    /** The case's handover under way, if any; locked for this transaction when {@code lock} (checks and closes take turns). */
    static Optional<Handover> underWay(UUID caseId, boolean lock) {
        var query = Handover.<Handover>find("caseId = ?1 and status in ?2", caseId, Handover.UNDER_WAY);
        return (lock ? query.withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE) : query).firstResultOptional();
    }

    /**
     * "Kontrollér betingelser": blocked while open work remains. The handover's row is locked first, so a blocker
     * closing at the same moment is seen by one of the two. Not blocked, the open-work task is done with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean checkConditions(UUID handoverId) {
        Handover handover = Handover.findById(handoverId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (handover == null) {
            throw new IllegalStateException("No handover " + handoverId);
        }
        boolean blocked = !blockers(handover.caseId).isEmpty();
        if (handover.status == Handover.Status.REQUESTED || handover.status == Handover.Status.BLOCKED
                || handover.status == Handover.Status.SUMMARY) {
            handover.status = blocked ? Handover.Status.BLOCKED : Handover.Status.SUMMARY;
            tasks.cancel(handover.id, blocked ? "write-handover-summary" : FINISH_OPEN_WORK, Actor.SYSTEM);
        }
        return blocked;
    }

    /** Whether a task of the handover is still to do by its record: the engine may not have caught up yet. */
    static boolean stillToDo(UUID handoverId, Handover.Status... statuses) {
        Handover handover = handoverId == null ? null : Handover.findById(handoverId);
        return handover != null && java.util.Arrays.asList(statuses).contains(handover.status)
                && (handover.status != Handover.Status.BLOCKED || !blockers(handover.caseId).isEmpty());
    }

    @Transactional
    public WorkItem open(UUID caseId, WorkItem.Kind kind, String description, boolean blocking) {
        cases.access(caseId, AccessLog.Action.CHANGE, "open work");
        WorkItem item = new WorkItem();
        item.id = UUID.randomUUID();
        item.caseId = caseId;
        item.kind = kind;
        item.description = description;
        item.blocking = kind != WorkItem.Kind.OTHER || blocking;
        item.status = WorkItem.Status.OPEN;
        item.openedOn = LocalDate.now(DENMARK);
        item.createdBy = caller.user();
        item.persistAndFlush();
        trail.record(caseId, null, "ADD", "workItem", null, item.id + ": " + kind + (item.blocking ? " (blocking) " : " ") + description, null);
        return item;
    }

    /**
     * Closes open work; when it was the last blocker of a waiting handover, the handover goes on by itself: it is at the
     * summary by its record at once, its open-work task leaves the task list, and the process is told.
     */
    @Transactional
    public WorkItem close(UUID caseId, UUID itemId) {
        cases.access(caseId, AccessLog.Action.CHANGE, "open work");
        Optional<Handover> waiting = underWay(caseId, true); // before the blockers are counted: see checkConditions
        WorkItem item = WorkItem.findById(itemId);
        if (item == null || !item.caseId.equals(caseId)) {
            throw ProblemException.notFound("Work item", itemId);
        }
        if (item.status == WorkItem.Status.CLOSED) {
            throw new ProblemException(ProblemType.CONFLICT, "The item is already closed");
        }
        item.status = WorkItem.Status.CLOSED;
        item.closedOn = LocalDate.now(DENMARK);
        item.closedBy = caller.user();
        item.persistAndFlush();
        trail.record(caseId, null, "CHANGE", "workItem.status", item.id + ": " + WorkItem.Status.OPEN,
                item.id + ": " + WorkItem.Status.CLOSED, null);
        if (waiting.isPresent() && waiting.get().status == Handover.Status.BLOCKED && blockers(caseId).isEmpty()) {
            Handover handover = waiting.get();
            handover.status = Handover.Status.SUMMARY;
            tasks.cancel(handover.id, FINISH_OPEN_WORK, caller.user());
            outbox.publishMessage(UNBLOCKED, handover.id.toString(), "unblocked:" + item.id, Map.of());
        }
        return item;
    }

    @Transactional
    public List<WorkItem> workItems(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "open work");
        return WorkItem.list("caseId = ?1 order by openedOn, id", caseId);
    }

    @Transactional
    public Handover latest(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "handover");
        return Handover.<Handover>find("caseId = ?1 order by requestedAt desc", caseId).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Case " + caseId + " has no handover"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void summarise(UUID caseId, LocalDate lastInvestigationOn, LocalDate lastMeetingOn, String agreements, String freeText, String by) {
        Handover handover = current(caseId);
        handover.lastInvestigationOn = lastInvestigationOn;
        handover.lastMeetingOn = lastMeetingOn;
        handover.agreements = agreements;
        handover.freeText = freeText;
        handover.activeGrants = grants.activeGrants(caseId, LocalDate.now(DENMARK)).stream().map(UUID::toString).toList();
        handover.summaryBy = by;
        handover.summaryAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        handover.status = Handover.Status.RECEIVING;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void receive(UUID caseId, String receivingAdviser, LocalDate effectiveDate, String by) {
        Handover handover = current(caseId);
        handover.receivingAdviser = receivingAdviser;
        handover.effectiveDate = effectiveDate;
        handover.receivedBy = by;
        handover.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** "Skift betalingsansvar": the receiving department works the case now and pays from the effective date; once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID handoverId) {
        Handover handover = handover(handoverId);
        if (handover.status == Handover.Status.COMPLETED || handover.status == Handover.Status.WITHDRAWN) {
            return;
        }
        String why = "Overdraget fra " + handover.fromDepartment + " til " + handover.toDepartment + " pr. " + handover.effectiveDate;
        payments.switchPayment(handover.caseId, handover.toDepartment, handover.effectiveDate, why, Actor.SYSTEM);
        cases.handedOver(handover.caseId, handover.toDepartment, handover.receivingAdviser, Actor.SYSTEM, why);
        if (handover.contributingDepartment != null) { // a shared case's new lead: the arrangement goes on under it
            cases.place(handover.caseId, dk.visitation.cases.CaseStatus.SHARED, handover.toDepartment, handover.contributingDepartment,
                    Actor.SYSTEM, "Delt sag: " + handover.toDepartment + " leder, " + handover.contributingDepartment + " bidrager");
        }
        handover.status = Handover.Status.COMPLETED;
        events.publish(IntegrationEvents.CASE_TRANSFERRED, handover.caseId, Map.of("from", handover.fromDepartment.name(),
                "to", handover.toDepartment.name(), "effectiveDate", handover.effectiveDate.toString(),
                "handoverId", handover.id.toString()));
        reviews.request(handover.caseId, EconomyReviews.Trigger.HANDOVER, handover.id); // the economy track
    }

    private static Handover current(UUID caseId) {
        return underWay(caseId, false).orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no open handover"));
    }

    private static Handover handover(UUID id) {
        Handover handover = Handover.findById(id);
        if (handover == null) {
            throw new IllegalStateException("No handover " + id);
        }
        return handover;
    }
}
