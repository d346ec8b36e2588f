package dk.visitation.committee;

import dk.visitation.workflow.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The committee's service tasks, one handler per job type; each effect is idempotent by itself. */
@ApplicationScoped
class CommitteeWorkers {

    /** "Sæt på dagsordenen" (visitation.bpmn): the next meeting whose deadline has not passed, once per case. */
    @Produces
    JobHandler addToAgenda(Agenda agenda) {
        return JobHandler.onId("committee.add-to-agenda", "caseId", agenda::addByProcess);
    }

    /** "Lås dagsorden" (committee-meeting.bpmn): the material deadline has passed. */
    @Produces
    JobHandler lockAgenda(MeetingSchedule schedule) {
        return JobHandler.onId("committee.lock-agenda", "meetingId", schedule::lockAgenda);
    }

    /** "Registrer møde afholdt" (committee-meeting.bpmn): the meeting's time has come. */
    @Produces
    JobHandler markHeld(MeetingSchedule schedule) {
        return JobHandler.onId("committee.mark-held", "meetingId", schedule::markHeld);
    }
}
