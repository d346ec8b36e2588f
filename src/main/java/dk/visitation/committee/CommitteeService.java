package dk.visitation.committee;

import dk.visitation.assessment.AssessmentService;
import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.economy.EconomyReviews;
import dk.visitation.handover.HandoverService;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.workflow.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The visitation committee: meetings every 14 days, agendas locked at the material deadline,
 * attendance with a quorum of one member from each department, and decisions with a written
 * justification. A pending case moves to the next meeting's agenda by itself; a final decision is
 * sent to the case's process.
 */
@ApplicationScoped
public class CommitteeService {

    /** Starts a meeting's process; correlated by the meeting id. */
    static final String MEETING_PLANNED = "committee.meeting-planned";
    /** Tells a case's visitation process the committee's placement. */
    static final String COMMITTEE_DECIDED = "visitation.committee-decided";

    private static final EnumSet<CaseStatus> BEFORE_COMMITTEE = EnumSet.of(CaseStatus.PREPARING_COMMITTEE, CaseStatus.ON_COMMITTEE_AGENDA);

    private final CommitteeSettings settings;
    private final CaseAccess cases;
    private final CaseStatusChanges statusChanges;
    private final AssessmentService assessments;
    private final Outbox outbox;
    private final Caller caller;
    private final HandoverService handovers;
    private final EconomyReviews reviews;
    private final LeadDepartment leads;
    private final dk.visitation.cases.CaseAuditTrail trail;

    CommitteeService(CommitteeSettings settings, CaseAccess cases, CaseStatusChanges statusChanges, AssessmentService assessments, Outbox outbox, Caller caller,
            HandoverService handovers, EconomyReviews reviews, LeadDepartment leads, dk.visitation.cases.CaseAuditTrail trail) {
        this.leads = leads;
        this.trail = trail;
        this.handovers = handovers;
        this.reviews = reviews;
        this.settings = settings;
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.assessments = assessments;
        this.outbox = outbox;
        this.caller = caller;
    }

    // ---- planning --------------------------------------------------------------------------------

    /** Plans the regular meetings from today to the horizon; each new one starts its process. */
    @Transactional
    public List<Meeting> planMeetings(LocalDate today) {
        List<Meeting> planned = new ArrayList<>();
        LocalDate date = settings.firstMeeting();
        while (date.isBefore(today)) {
            date = date.plusDays(settings.intervalDays());
        }
        for (; !date.isAfter(today.plusDays(settings.horizonDays())); date = date.plusDays(settings.intervalDays())) {
            Instant startsAt = date.atTime(settings.startTime()).atZone(CommitteeApi.DENMARK).toInstant();
            if (Meeting.count("startsAt", startsAt) == 0) {
                planned.add(newMeeting(startsAt, false));
            }
        }
        return planned;
    }

    /** An extraordinary meeting (ekstraordinært møde) at a time of the committee's choosing. */
    @Transactional
    public Meeting schedule(Instant startsAt, boolean historical) {
        if (historical) {
            return recordHistorical(startsAt);
        }
        if (!startsAt.isAfter(Instant.now())) {
            throw ProblemException.invalid("startsAt", "must be in the future");
        }
        if (Meeting.count("startsAt", startsAt) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A meeting is already planned at " + startsAt);
        }
        return newMeeting(startsAt, true);
    }

    /** A meeting held before the service took over: its agenda and decisions can be recorded afterwards. */
    private Meeting recordHistorical(Instant startsAt) {
        if (!caller.hasRole(dk.visitation.security.Role.LEADER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a leader records meetings held before the service");
        }
        if (!startsAt.isBefore(Instant.now())) {
            throw ProblemException.invalid("startsAt", "a historical meeting lies in the past");
        }
        if (Meeting.count("startsAt", startsAt) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A meeting is already recorded at " + startsAt);
        }
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.startsAt = startsAt;
        meeting.materialDeadline = materialDeadline(startsAt);
        meeting.status = Meeting.Status.HELD;
        meeting.historical = true;
        meeting.createdAt = Instant.now();
        meeting.persist();
        return meeting;
    }

    private Meeting newMeeting(Instant startsAt, boolean extraordinary) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.startsAt = startsAt;
        meeting.materialDeadline = materialDeadline(startsAt);
        meeting.status = Meeting.Status.PLANNED;
        meeting.extraordinary = extraordinary;
        meeting.createdAt = Instant.now();
        meeting.persist();
        startProcess(meeting);
        return meeting;
    }

    /** Noon, the configured number of working days (Monday–Friday) before the meeting. */
    Instant materialDeadline(Instant startsAt) {
        LocalDate day = startsAt.atZone(CommitteeApi.DENMARK).toLocalDate();
        for (int left = settings.materialDeadlineWorkingDays(); left > 0; ) {
            day = day.minusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day.atTime(LocalTime.NOON).atZone(CommitteeApi.DENMARK).toInstant();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void startProcess(Meeting meeting) {
        outbox.publishMessage(MEETING_PLANNED, meeting.id.toString(), "meeting-planned:" + meeting.id,
                Map.of("meetingId", meeting.id.toString(), "materialDeadline", meeting.materialDeadline.toString(),
                        "startsAt", meeting.startsAt.toString()));
    }

    /** Meetings whose process an empty engine must run again. */
    @Transactional
    public List<Meeting> unfinishedMeetings() {
        return Meeting.list("status <> ?1", Meeting.Status.HELD);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAgenda(UUID meetingId) {
        Meeting.update("status = ?1, version = version + 1 where id = ?2 and status = ?3",
                Meeting.Status.LOCKED, meetingId, Meeting.Status.PLANNED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markHeld(UUID meetingId) {
        Meeting.update("status = ?1, version = version + 1 where id = ?2 and status <> ?1", Meeting.Status.HELD, meetingId);
    }

    // ---- agenda ----------------------------------------------------------------------------------

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
        Meeting meeting = meeting(meetingId);
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
        Meeting meeting = meeting(meetingId);
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

    private AgendaItem addItem(Meeting meeting, UUID caseId, String by, UUID rolledFrom) {
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

    private static String agendaEntry(Meeting meeting) {
        return "meeting " + meeting.id + " on " + meeting.startsAt.atZone(CommitteeApi.DENMARK).toLocalDate();
    }

    /** The first planned meeting after {@code after} whose stored material deadline has not passed. */
    private static Optional<Meeting> nextOpenMeeting(Instant after, LockModeType lock) {
        return Meeting.<Meeting>find("status = ?1 and startsAt > ?2 and materialDeadline > ?3 order by startsAt", Meeting.Status.PLANNED,
                after == null ? Instant.EPOCH : after, Instant.now()).withLock(lock).firstResultOptional();
    }

    private static void requirePlanned(Meeting meeting) {
        if (meeting.statusAt(Instant.now()) != Meeting.Status.PLANNED && !meeting.historical) {
            throw new ProblemException(ProblemType.CONFLICT, "The material deadline has passed: the agenda is locked");
        }
    }

    // ---- the meeting ------------------------------------------------------------------------------

    @Transactional
    public void recordAttendance(UUID meetingId, List<CommitteeApi.Attendee> members) {
        Meeting meeting = meeting(meetingId);
        Panache.getEntityManager().createNativeQuery("delete from meeting_attendance where meeting_id = :id")
                .setParameter("id", meeting.id).executeUpdate();
        for (CommitteeApi.Attendee attendee : members.stream().distinct().toList()) {
            Panache.getEntityManager().createNativeQuery(
                            "insert into meeting_attendance (meeting_id, member, department) values (:id, :member, :department)")
                    .setParameter("id", meeting.id).setParameter("member", attendee.member())
                    .setParameter("department", attendee.department().name()).executeUpdate();
        }
        meeting.version++; // the attendance is part of the meeting's state
        meeting.persist();
    }

    @SuppressWarnings("unchecked")
    List<CommitteeApi.Attendee> attendance(UUID meetingId) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select member, department from meeting_attendance where meeting_id = :id order by member")
                .setParameter("id", meetingId).getResultList();
        return rows.stream().map(r -> new CommitteeApi.Attendee((String) r[0], Department.valueOf((String) r[1]))).toList();
    }

    static boolean quorum(List<CommitteeApi.Attendee> attendance) {
        return attendance.stream().anyMatch(a -> a.department() == Department.MYN)
                && attendance.stream().anyMatch(a -> a.department() == Department.CBA);
    }

    /** Records the committee's decision on one agenda item, at the version named by If-Match. */
    @Transactional
    public Decision decide(UUID meetingId, UUID itemId, String ifMatch, CommitteeApi.DecisionRequest request) {
        Meeting meeting = meeting(meetingId);
        AgendaItem item = item(meeting, itemId);
        ETags.requireCurrent(ifMatch, item.version);
        if (meeting.statusAt(Instant.now()) == Meeting.Status.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "The committee decides at its meeting, after the material deadline");
        }
        if (item.status != AgendaItem.Status.ON_AGENDA) {
            throw new ProblemException(ProblemType.CONFLICT, "The case was already decided on this agenda (" + item.status + ")");
        }
        List<CommitteeApi.Attendee> present = attendance(meetingId);
        if (!quorum(present)) {
            throw new ProblemException(ProblemType.BUSINESS_RULE,
                    "No quorum: at least one member from MYN and one from CBA must be recorded as present");
        }
        validate(request, present);
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.agendaItemId = item.id;
        decision.meetingId = meeting.id;
        decision.caseId = item.caseId;
        decision.outcome = request.outcome();
        decision.leadDepartment = switch (request.outcome()) {
            case CBA -> Department.CBA;
            case MYN -> Department.MYN;
            case SHARED -> request.leadDepartment();
            case PENDING -> null;
        };
        decision.contributingDepartment = request.outcome() == Decision.Outcome.SHARED ? request.contributingDepartment() : null;
        decision.justification = request.justification().strip();
        decision.missingInformation = request.missingInformation();
        decision.decidedBy = String.join(",", request.decidedBy());
        decision.recordedBy = caller.user();
        decision.decidedAt = meeting.startsAt;
        decision.persist();
        cases.access(item.caseId, AccessLog.Action.CHANGE, "committee decision");
        trail.record(item.caseId, null, "ADD", "committeeDecision", null, decision.outcome
                + (decision.missingInformation == null ? "" : "; mangler: " + decision.missingInformation) + " (" + agendaEntry(meeting) + ")",
                decision.justification);
        item.status = request.outcome() == Decision.Outcome.PENDING ? AgendaItem.Status.PENDING : AgendaItem.Status.DECIDED;
        item.persistAndFlush();
        String why = "Visitationsudvalget: " + request.outcome() + " — " + decision.justification;
        switch (request.outcome()) {
            case PENDING -> {
                Meeting next = nextOpenMeeting(meeting.startsAt, LockModeType.NONE).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                        "No later meeting is planned to take the pending case"));
                addItem(next, item.caseId, Actor.SYSTEM, item.id);
            }
            case CBA -> {
                statusChanges.changeStatus(item.caseId, CaseStatus.DECIDED_CBA, caller.user(), why);
                if (cases.ref(item.caseId).department() != Department.CBA) {
                    handovers.request(item.caseId, Department.CBA, why, caller.user());
                }
            }
            case MYN -> statusChanges.changeStatus(item.caseId, CaseStatus.DECIDED_MYN, caller.user(), why);
            case SHARED -> leads.shared(item.caseId, decision.leadDepartment, decision.contributingDepartment, caller.user(), why);
        }
        if (request.outcome() != Decision.Outcome.PENDING) {
            outbox.publishMessage(COMMITTEE_DECIDED, item.caseId.toString(), "committee-decided:" + decision.id,
                    Map.of("decision", request.outcome().name()));
            reviews.request(item.caseId, EconomyReviews.Trigger.COMMITTEE_DECISION, decision.id); // the economy track
        }
        return decision;
    }

    private static void validate(CommitteeApi.DecisionRequest request, List<CommitteeApi.Attendee> present) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> members = present.stream().map(CommitteeApi.Attendee::member).toList();
        for (String member : request.decidedBy()) {
            if (!members.contains(member)) {
                errors.add(new Problem.FieldError("decidedBy", member + " is not recorded as present"));
            }
        }
        if (request.outcome() == Decision.Outcome.SHARED && (request.leadDepartment() == null
                || request.contributingDepartment() == null || request.leadDepartment() == request.contributingDepartment())) {
            errors.add(new Problem.FieldError("contributingDepartment", "a shared case needs a lead and a different contributing department"));
        }
        if (request.outcome() == Decision.Outcome.PENDING && (request.missingInformation() == null || request.missingInformation().isBlank())) {
            errors.add(new Problem.FieldError("missingInformation", "is required when the case is pending"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The decision is not valid", errors);
        }
    }

    // ---- reading ----------------------------------------------------------------------------------

    @Transactional
    public Page<Meeting> meetings(Instant from, Instant to, Meeting.Status status, PageRequest page) {
        var params = io.quarkus.panache.common.Parameters.with("from", from == null ? Instant.EPOCH : from)
                .and("to", to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
        String byStatus = status == null ? "" : " and " + Meeting.statusCondition(status, params, Instant.now());
        var query = Meeting.<Meeting>find("from Meeting where startsAt >= :from and startsAt < :to" + byStatus + " order by startsAt", params);
        List<Meeting> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, query.count());
    }

    long casesOnAgenda(UUID meetingId) {
        return AgendaItem.count("meetingId = ?1 and status <> ?2", meetingId, AgendaItem.Status.REMOVED);
    }

    /** The committee's work in [from, to) by meeting date, as the seeds count it. */
    @Transactional
    @SuppressWarnings("unchecked")
    public CommitteeApi.Statistics statistics(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(CommitteeApi.DENMARK).toInstant();
        Instant end = to.atStartOfDay(CommitteeApi.DENMARK).toInstant();
        var em = Panache.getEntityManager();
        long onAgenda = ((Number) em.createNativeQuery("""
                        select count(distinct i.case_id) from agenda_item i join committee_meeting m on m.id = i.meeting_id
                        where i.status <> 'REMOVED' and m.starts_at >= :start and m.starts_at < :end""")
                .setParameter("start", start).setParameter("end", end).getSingleResult()).longValue();
        Map<String, Long> decided = new java.util.HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                        select outcome, count(*) from committee_decision
                        where outcome <> 'PENDING' and decided_at >= :start and decided_at < :end group by outcome""")
                .setParameter("start", start).setParameter("end", end).getResultList();
        rows.forEach(r -> decided.put((String) r[0], ((Number) r[1]).longValue()));
        long pending = ((Number) em.createNativeQuery("""
                        select count(distinct i.case_id) from agenda_item i join committee_meeting m on m.id = i.meeting_id
                        where i.status <> 'REMOVED' and m.starts_at >= :start and m.starts_at < :end
                          and not exists (select 1 from committee_decision d where d.case_id = i.case_id
                                          and d.outcome <> 'PENDING' and d.decided_at < :end)""")
                .setParameter("start", start).setParameter("end", end).getSingleResult()).longValue();
        List<Object[]> finals = em.createNativeQuery("""
                        select case_id, decided_at from committee_decision
                        where outcome <> 'PENDING' and decided_at >= :start and decided_at < :end""")
                .setParameter("start", start).setParameter("end", end).getResultList();
        List<Double> days = new ArrayList<>();
        for (Object[] row : finals) {
            Instant decidedAt = row[1] instanceof Instant i ? i : ((java.time.OffsetDateTime) row[1]).toInstant();
            days.add((double) ChronoUnit.DAYS.between(cases.ref((UUID) row[0]).receivedAt(), decidedAt));
        }
        return new CommitteeApi.Statistics(from, to, onAgenda, decided.getOrDefault("CBA", 0L), decided.getOrDefault("MYN", 0L),
                decided.getOrDefault("SHARED", 0L), pending, assessments.quickScreenings(start, end), median(days));
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Meeting meeting(UUID id) {
        Meeting meeting = Meeting.findById(id);
        if (meeting == null) {
            throw ProblemException.notFound("Meeting", id);
        }
        return meeting;
    }

    /** The item, locked for this transaction: concurrent writers check its version one after the other (412, not a 500). */
    private static AgendaItem item(Meeting meeting, UUID itemId) {
        AgendaItem item = AgendaItem.findById(itemId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (item == null || !item.meetingId.equals(meeting.id)) {
            throw ProblemException.notFound("Agenda item", itemId);
        }
        return item;
    }
}
