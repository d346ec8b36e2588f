package dk.visitation.committee;

import dk.visitation.common.Department;
import dk.visitation.common.Rows;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Who attended a meeting; the committee has a quorum with one member from each department. */
@ApplicationScoped
class MeetingAttendance {

    @Transactional
    public void recordAttendance(UUID meetingId, List<CommitteeApi.Attendee> members) {
        Meeting meeting = MeetingSchedule.meeting(meetingId);
        if (members.stream().map(CommitteeApi.Attendee::member).distinct().count() < members.stream().distinct().count()) {
            throw dk.visitation.common.ProblemException.invalid("members", "a member attends for one department only");
        }
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

    List<CommitteeApi.Attendee> attendance(UUID meetingId) {
        return Rows.list(Panache.getEntityManager()
                .createNativeQuery("select member, department from meeting_attendance where meeting_id = :id order by member")
                .setParameter("id", meetingId), CommitteeApi.Attendee.class);
    }

    static boolean quorum(List<CommitteeApi.Attendee> attendance) {
        return attendance.stream().anyMatch(a -> a.department() == Department.MYN)
                && attendance.stream().anyMatch(a -> a.department() == Department.CBA);
    }
}
