package dk.visitation.handover;

import dk.visitation.cases.CaseAccess;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.tasks.TaskService;
import dk.visitation.workflow.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A case's open work (an application for support, a child-welfare investigation, other work): what blocks a
 * handover while it is open. Closing the last blocker of a waiting handover lets it go on by itself.
 */
@ApplicationScoped
public class OpenWork {

    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final CaseAccess cases;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final Outbox outbox;
    private final Caller caller;
    private final TaskService tasks;

    OpenWork(CaseAccess cases, Outbox outbox, Caller caller, TaskService tasks, dk.visitation.cases.CaseAuditTrail trail) {
        this.cases = cases;
        this.outbox = outbox;
        this.caller = caller;
        this.tasks = tasks;
        this.trail = trail;
    }

    /** The case's open blocking work, oldest first. */
    static List<WorkItem> blockers(UUID caseId) {
        return WorkItem.list("caseId = ?1 and status = ?2 and blocking = true order by openedOn, id", caseId, WorkItem.Status.OPEN);
    }

    /** The open work that holds up the handover: none once it is past its conditions or finished. */
    static List<WorkItem> blockersOf(Handover handover) {
        return handover.status == Handover.Status.BLOCKED || handover.status == Handover.Status.REQUESTED
                ? blockers(handover.caseId) : List.of();
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
        Optional<Handover> waiting = HandoverService.underWay(caseId, true); // before the blockers are counted: see checkConditions
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
            tasks.cancel(handover.id, HandoverService.FINISH_OPEN_WORK, caller.user());
            outbox.publishMessage(HandoverService.UNBLOCKED, handover.id.toString(), "unblocked:" + item.id, Map.of());
        }
        return item;
    }

    @Transactional
    public List<WorkItem> workItems(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "open work");
        return WorkItem.list("caseId = ?1 order by openedOn, id", caseId);
    }
}
