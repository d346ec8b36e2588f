package dk.visitation.handover;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseService;
import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.economy.EconomyReviews;
import dk.visitation.economy.EconomyService;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
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
    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final CaseService cases;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final EconomyService economy;
    private final Outbox outbox;
    private final Caller caller;
    private final IntegrationEvents events;
    private final EconomyReviews reviews;

    HandoverService(CaseService cases, EconomyService economy, Outbox outbox, Caller caller, IntegrationEvents events,
            EconomyReviews reviews, dk.visitation.cases.CaseAuditTrail trail) {
        this.trail = trail;
        this.events = events;
        this.reviews = reviews;
        this.cases = cases;
        this.economy = economy;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** Starts a handover (from a decision); an open one is kept. Its conditions are checked by the process. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Handover request(UUID caseId, Department to, String reason, String by) {
        Optional<Handover> open = Handover.find("caseId = ?1 and status <> ?2", caseId, Handover.Status.COMPLETED).firstResultOptional();
        if (open.isPresent()) {
            return open.get();
        }
        CaseRef ref = cases.ref(caseId);
        Handover handover = new Handover();
        handover.id = UUID.randomUUID();
        handover.caseId = caseId;
        handover.fromDepartment = ref.department();
        handover.toDepartment = to;
        handover.status = Handover.Status.REQUESTED;
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
            QuarkusTransaction.requiringNew().run(() -> Handover.<Handover>list("status <> ?1", Handover.Status.COMPLETED)
                    .forEach(handover -> start(handover, resumeAt(handover))));
        }
    }

    /** A handover asked for through the API (e.g. a disability case that became a social case): 409 while blocked. */
    @Transactional
    public Handover requestByCaller(UUID caseId, Department to, String reason) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.CHANGE, "handover");
        if (ref.department() == to) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is already in " + to);
        }
        List<WorkItem> blockers = blockers(caseId);
        if (!blockers.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Open work must be finished before the handover",
                    blockers.stream().map(b -> new Problem.FieldError("workItems/" + b.id, b.kind + ": " + b.description)).toList());
        }
        return request(caseId, to, reason, caller.user());
    }

    static List<WorkItem> blockers(UUID caseId) {
        return WorkItem.list("caseId = ?1 and status = ?2 and blocking = true order by openedOn, id", caseId, WorkItem.Status.OPEN);
    }

    /** "Kontrollér betingelser": blocked while open work remains. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean checkConditions(UUID handoverId) {
        Handover handover = handover(handoverId);
        boolean blocked = !blockers(handover.caseId).isEmpty();
        if (handover.status == Handover.Status.REQUESTED || handover.status == Handover.Status.BLOCKED) {
            handover.status = blocked ? Handover.Status.BLOCKED : Handover.Status.SUMMARY;
        }
        return blocked;
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

    /** Closes open work; when it was the last blocker of a waiting handover, the process goes on by itself. */
    @Transactional
    public WorkItem close(UUID caseId, UUID itemId) {
        cases.access(caseId, AccessLog.Action.CHANGE, "open work");
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
        if (blockers(caseId).isEmpty()) {
            Handover.<Handover>find("caseId = ?1 and status = ?2", caseId, Handover.Status.BLOCKED).firstResultOptional()
                    .ifPresent(waiting -> outbox.publishMessage(UNBLOCKED, waiting.id.toString(), "unblocked:" + item.id,
                            Map.of()));
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
        handover.activeGrants = economy.activeGrants(caseId, LocalDate.now(DENMARK)).stream().map(UUID::toString).toList();
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
        if (handover.status == Handover.Status.COMPLETED) {
            return;
        }
        String why = "Overdraget fra " + handover.fromDepartment + " til " + handover.toDepartment + " pr. " + handover.effectiveDate;
        economy.switchPayment(handover.caseId, handover.toDepartment, handover.effectiveDate, why, Actor.SYSTEM);
        cases.handedOver(handover.caseId, handover.toDepartment, handover.receivingAdviser, Actor.SYSTEM, why);
        handover.status = Handover.Status.COMPLETED;
        events.publish(IntegrationEvents.CASE_TRANSFERRED, handover.caseId, Map.of("from", handover.fromDepartment.name(),
                "to", handover.toDepartment.name(), "effectiveDate", handover.effectiveDate.toString(),
                "handoverId", handover.id.toString()));
        reviews.request(handover.caseId, EconomyReviews.Trigger.HANDOVER, handover.id); // the economy track
    }

    private static Handover current(UUID caseId) {
        return Handover.<Handover>find("caseId = ?1 and status <> ?2", caseId, Handover.Status.COMPLETED).firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no open handover"));
    }

    private static Handover handover(UUID id) {
        Handover handover = Handover.findById(id);
        if (handover == null) {
            throw new IllegalStateException("No handover " + id);
        }
        return handover;
    }
}
