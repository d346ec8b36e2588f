package dk.visitation.committee;

import static dk.visitation.common.Times.local;

import dk.visitation.cases.CaseAccess;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A meeting as a caller may see it: its agenda carries case material, so it is scoped and logged like a
 * case read. Committee members and leaders see every case on that meeting's agenda (they are its
 * members); advisers only the cases their department scope admits. Every view is a READ of the cases
 * shown, found by each child's access-log search.
 */
@ApplicationScoped
public class MeetingViews {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> DOCUMENTS = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private final CommitteeService committee;
    private final CaseAccess cases;
    private final Caller caller;
    private final AccessLog accessLog;

    MeetingViews(CommitteeService committee, CaseAccess cases, Caller caller, AccessLog accessLog) {
        this.committee = committee;
        this.cases = cases;
        this.caller = caller;
        this.accessLog = accessLog;
    }

    /** The meeting with the agenda items the caller may see; logged as a READ of {@code what} (meeting, minutes). */
    @Transactional
    public CommitteeApi.MeetingView view(UUID meetingId, String what) {
        Meeting meeting = Meeting.findById(meetingId);
        if (meeting == null) {
            throw dk.visitation.common.ProblemException.notFound("Meeting", meetingId);
        }
        List<AgendaItem> items = AgendaItem.<AgendaItem>list("meetingId = ?1 and status <> ?2 order by addedAt, id",
                meetingId, AgendaItem.Status.REMOVED);
        if (!(caller.hasRole(Role.COMMITTEE_MEMBER) || caller.hasRole(Role.LEADER))) {
            Set<UUID> visible = cases.visibleOf(items.stream().map(item -> item.caseId).toList());
            items = items.stream().filter(item -> visible.contains(item.caseId)).toList();
        }
        List<CommitteeApi.ItemView> agenda = items.stream()
                .map(item -> new CommitteeApi.ItemView(item.id, item.caseId, item.status, item.addedBy, local(item.addedAt),
                        item.rolledFrom, material(item.caseId),
                        Decision.<Decision>find("agendaItemId", item.id).firstResultOptional().map(CommitteeApi.DecisionView::of).orElse(null),
                        item.version, pending(item.rolledFrom)))
                .toList();
        if (!agenda.isEmpty()) {
            accessLog.record(AccessLog.Action.READ, what, agenda.stream().map(CommitteeApi.ItemView::caseId).toList(), List.of(),
                    Map.of("meeting", meeting.id.toString()));
        }
        List<CommitteeApi.Attendee> attendance = committee.attendance(meetingId);
        return new CommitteeApi.MeetingView(meeting.id, local(meeting.startsAt), local(meeting.materialDeadline), meeting.statusAt(Instant.now()),
                meeting.extraordinary, meeting.historical, agenda, attendance, CommitteeService.quorum(attendance), meeting.version);
    }

    /** What the committee found missing when it left the case pending on the item it was rolled from. */
    private static CommitteeApi.PendingInformation pending(UUID rolledFrom) {
        if (rolledFrom == null) {
            return null;
        }
        return Decision.<Decision>find("agendaItemId = ?1 and outcome = ?2", rolledFrom, Decision.Outcome.PENDING)
                .firstResultOptional()
                .map(d -> new CommitteeApi.PendingInformation(d.missingInformation, d.meetingId,
                        local(Meeting.<Meeting>findById(d.meetingId).startsAt), d.id, rolledFrom))
                .orElse(null);
    }

    /** The newest material MYN prepared for the case, if any. */
    @SuppressWarnings("unchecked")
    private static CommitteeApi.MaterialView material(UUID caseId) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select functional_impairment, family_situation, current_support, cast(documents as text), summary,
                               prepared_by, prepared_at
                        from committee_material where case_id = :case order by prepared_at desc limit 1""")
                .setParameter("case", caseId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.getFirst();
        List<String> documents;
        try {
            documents = JSON.readValue((String) row[3], DOCUMENTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant preparedAt = row[6] instanceof Instant i ? i : ((java.time.OffsetDateTime) row[6]).toInstant();
        return new CommitteeApi.MaterialView((Boolean) row[0], (Boolean) row[1], (Boolean) row[2], documents, (String) row[4],
                (String) row[5], local(preparedAt));
    }
}
