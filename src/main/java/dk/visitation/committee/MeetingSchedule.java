package dk.visitation.committee;

import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import dk.visitation.common.WorkingDayCalendar;
import dk.visitation.workflow.Outbox;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committee's meetings: planned every 14 days up to the horizon, extraordinary ones at a time of the
 * committee's choosing, historical ones recorded afterwards; each planned meeting runs its process (agenda locked
 * at the material deadline, held at its time).
 */
@ApplicationScoped
public class MeetingSchedule {

    /** Starts a meeting's process; correlated by the meeting id. */
    static final String MEETING_PLANNED = "committee.meeting-planned";

    private final CommitteeSettings settings;
    private final WorkingDayCalendar calendar;
    private final Outbox outbox;
    private final Caller caller;

    MeetingSchedule(CommitteeSettings settings, WorkingDayCalendar calendar, Outbox outbox, Caller caller) {
        this.settings = settings;
        this.calendar = calendar;
        this.outbox = outbox;
        this.caller = caller;
    }

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
    Meeting schedule(Instant startsAt, boolean historical) {
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
        if (!caller.hasRole(Role.LEADER)) {
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

    /** Noon, the configured number of working days before the meeting: weekends, public holidays and closing days skipped. */
    Instant materialDeadline(Instant startsAt) {
        LocalDate day = calendar.minusWorkingDays(startsAt.atZone(CommitteeApi.DENMARK).toLocalDate(), settings.materialDeadlineWorkingDays());
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
    List<Meeting> unfinishedMeetings() {
        return Meeting.list("status <> ?1", Meeting.Status.HELD);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void lockAgenda(UUID meetingId) {
        Meeting.update("status = ?1, version = version + 1 where id = ?2 and status = ?3",
                Meeting.Status.LOCKED, meetingId, Meeting.Status.PLANNED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void markHeld(UUID meetingId) {
        Meeting.update("status = ?1, version = version + 1 where id = ?2 and status <> ?1", Meeting.Status.HELD, meetingId);
    }

    @Transactional
    Page<Meeting> meetings(Instant from, Instant to, Meeting.Status status, PageRequest page) {
        var params = Parameters.with("from", from == null ? Instant.EPOCH : from)
                .and("to", to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
        String byStatus = status == null ? "" : " and " + Meeting.statusCondition(status, params, Instant.now());
        var query = Meeting.<Meeting>find("from Meeting where startsAt >= :from and startsAt < :to" + byStatus + " order by startsAt", params);
        List<Meeting> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, query.count());
    }

    /** The meeting; 404 when there is none. */
    static Meeting meeting(UUID id) {
        Meeting meeting = Meeting.findById(id);
        if (meeting == null) {
            throw ProblemException.notFound("Meeting", id);
        }
        return meeting;
    }
}
