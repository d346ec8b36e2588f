package dk.visitation.committee;

import static dk.visitation.common.Times.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Rows;
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

    private static final TypeReference<List<String>> DOCUMENTS = new TypeReference<>() {
    };

    private final MeetingAttendance attendance;
    private final CaseAccess cases;
    private final Caller caller;
    private final AccessLog accessLog;
    private final ObjectMapper json;

    MeetingViews(MeetingAttendance attendance, CaseAccess cases, Caller caller, AccessLog accessLog, ObjectMapper json) {
        this.attendance = attendance;
        this.cases = cases;
        this.caller = caller;
        this.accessLog = accessLog;
        this.json = json;
    }

    /** The newest committee material of a case, as stored (documents as JSON text). */
    private record Material(UUID id, Boolean functionalImpairment, Boolean familySituation, Boolean currentSupport, String documents,
            String summary, String preparedBy, Instant preparedAt) {
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
        List<CommitteeApi.Attendee> present = attendance.attendance(meetingId);
        return new CommitteeApi.MeetingView(meeting.id, local(meeting.startsAt), local(meeting.materialDeadline), meeting.statusAt(Instant.now()),
                meeting.extraordinary, meeting.historical, agenda, present, MeetingAttendance.quorum(present), meeting.version);
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
    private CommitteeApi.MaterialView material(UUID caseId) {
        return Rows.first(Panache.getEntityManager().createNativeQuery("""
                        select id, functional_impairment, family_situation, current_support, cast(documents as text), summary,
                               prepared_by, prepared_at
                        from committee_material where case_id = :case order by prepared_at desc limit 1""")
                .setParameter("case", caseId), Material.class)
                .map(m -> new CommitteeApi.MaterialView(m.functionalImpairment(), m.familySituation(), m.currentSupport(),
                        documents(m.documents()), m.summary(), m.preparedBy(), local(m.preparedAt()), m.id(),
                        CommitteeDocuments.ofMaterial(m.id())))
                .orElse(null);
    }

    private List<String> documents(String stored) {
        try {
            return json.readValue(stored, DOCUMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
