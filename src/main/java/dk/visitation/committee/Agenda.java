package dk.visitation.committee;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseStatus;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.common.Actor;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * A meeting's agenda: the process puts a case on the next meeting whose material deadline has not passed, a person
 * may add or remove one until that deadline locks the agenda; each case is on at most one agenda at a time.
 */
@ApplicationScoped
class Agenda {

    private static final EnumSet<CaseStatus> BEFORE_COMMITTEE = EnumSet.of(CaseStatus.PREPARING_COMMITTEE, CaseStatus.ON_COMMITTEE_AGENDA);

    private final CaseAccess cases;
    private final CaseStatusChanges statusChanges;
    private final Caller caller;
    private final CaseAuditTrail trail;

    Agenda(CaseAccess cases, CaseStatusChanges statusChanges, Caller caller, CaseAuditTrail trail) {
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.caller = caller;
        this.trail = trail;
    }

    /** "Sæt på dagsordenen": the next meeting whose material deadline has not passed; once per case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addByProcess(UUID caseId) {
        if (AgendaItem.count("caseId = ?1 and status = ?2", caseId, AgendaItem.Status.ON_AGENDA) > 0) {
            return; // already on an agenda (a redelivered job, or added by hand)
        }
        // The meeting row is locked so "lock the agenda" (a job that may run at the same moment on another
        // worker thread) waits for this item, or commits first and this case goes to the meeting after.
        Meeting next = nextOpenMeeting(null, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new IllegalStateException("No planned meeting to add case " + caseId));
        addItem(next, caseId, Actor.SYSTEM, null);
    }

    @Transactional
    public AgendaItem add(UUID meetingId, UUID caseId) {
        Meeting meeting = MeetingSchedule.meeting(meetingId);
        requirePlanned(meeting);
        CaseRef ref = cases.access(caseId, AccessLog.Action.CHANGE, "committee agenda");
        if (!BEFORE_COMMITTEE.contains(ref.status())) {
            throw new ProblemException(ProblemType.CONFLICT, "Only a case the assessment sent to the committee can be on the agenda ("
                    + ref.status() + ")");
        }
        if (AgendaItem.count("caseId = ?1 and status = ?2", caseId, AgendaItem.Status.ON_AGENDA) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is already on an agenda");
        }
        return addItem(meeting, caseId, caller.user(), null);
    }

    @Transactional
    public void remove(UUID meetingId, UUID itemId, String reason) {
        Meeting meeting = MeetingSchedule.meeting(meetingId);
        requirePlanned(meeting);
        AgendaItem item = item(meeting, itemId);
        if (item.status != AgendaItem.Status.ON_AGENDA) {
            throw new ProblemException(ProblemType.CONFLICT, "The item is " + item.status);
        }
        cases.access(item.caseId, AccessLog.Action.CHANGE, "committee agenda");
        item.status = AgendaItem.Status.REMOVED;
        item.persistAndFlush();
        trail.record(item.caseId, null, "REMOVE", "committeeAgenda", agendaEntry(meeting), null, reason);
    }

    /** Puts the case on the meeting's agenda (in the caller's transaction); {@code rolledFrom} is the item a pending decision left. */
    AgendaItem addItem(Meeting meeting, UUID caseId, String by, UUID rolledFrom) {
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.meetingId = meeting.id;
        item.caseId = caseId;
        item.status = AgendaItem.Status.ON_AGENDA;
        item.addedBy = by;
        item.addedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        item.rolledFrom = rolledFrom;
        item.persistAndFlush();
        trail.record(caseId, by, "ADD", "committeeAgenda", null, agendaEntry(meeting),
                rolledFrom == null ? null : "Udsat fra et tidligere møde");
        statusChanges.changeStatus(caseId, CaseStatus.ON_COMMITTEE_AGENDA, by,
                "På dagsordenen for visitationsudvalgets møde " + meeting.startsAt.atZone(CommitteeApi.DENMARK).toLocalDate());
        return item;
    }

    long casesOnAgenda(UUID meetingId) {
        return AgendaItem.count("meetingId = ?1 and status <> ?2", meetingId, AgendaItem.Status.REMOVED);
    }

    static String agendaEntry(Meeting meeting) {
        return "meeting " + meeting.id + " on " + meeting.startsAt.atZone(CommitteeApi.DENMARK).toLocalDate();
    }

    /** The first planned meeting after {@code after} whose stored material deadline has not passed. */
    static Optional<Meeting> nextOpenMeeting(Instant after, LockModeType lock) {
        return Meeting.<Meeting>find("status = ?1 and startsAt > ?2 and materialDeadline > ?3 order by startsAt", Meeting.Status.PLANNED,
                after == null ? Instant.EPOCH : after, Instant.now()).withLock(lock).firstResultOptional();
    }

    private static void requirePlanned(Meeting meeting) {
        if (meeting.statusAt(Instant.now()) != Meeting.Status.PLANNED && !meeting.historical) {
            throw new ProblemException(ProblemType.CONFLICT, "The material deadline has passed: the agenda is locked");
        }
    }

    /** The item, locked for this transaction: concurrent writers check its version one after the other (412, not a 500). */
    static AgendaItem item(Meeting meeting, UUID itemId) {
        AgendaItem item = AgendaItem.findById(itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null || !item.meetingId.equals(meeting.id)) {
            throw ProblemException.notFound("Agenda item", itemId);
        }
        return item;
    }
}
