package dk.visitation.committee;

import dk.visitation.workflow.JobHandler;
import dk.visitation.workflow.JobLedger;
import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** The committee's service tasks, one handler per job type; each effect is idempotent by its business key. */
final class CommitteeWorkers {

    private CommitteeWorkers() {
    }

    /** "Sæt på dagsordenen" (visitation.bpmn): the case goes on the next meeting whose deadline has not passed. */
    @ApplicationScoped
    static class AddToAgenda implements JobHandler {
        private final CommitteeService committee;

        AddToAgenda(CommitteeService committee) {
            this.committee = committee;
        }

        @Override
        public String jobType() {
            return "committee.add-to-agenda";
        }

        @Override
        public Map<String, Object> handle(ActivatedJob job) {
            UUID caseId = UUID.fromString((String) job.getVariable("caseId"));
            QuarkusTransaction.requiringNew().run(() -> committee.addByProcess(caseId));
            return Map.of();
        }
    }

    /** "Lås dagsorden" (committee-meeting.bpmn): the material deadline has passed. */
    @ApplicationScoped
    static class LockAgenda implements JobHandler {
        private final CommitteeService committee;

        LockAgenda(CommitteeService committee) {
            this.committee = committee;
        }

        @Override
        public String jobType() {
            return "committee.lock-agenda";
        }

        @Override
        public Map<String, Object> handle(ActivatedJob job) {
            UUID meetingId = UUID.fromString((String) job.getVariable("meetingId"));
            QuarkusTransaction.requiringNew().run(() -> committee.lockAgenda(meetingId));
            return Map.of();
        }
    }

    /** "Møde afholdt" (committee-meeting.bpmn): the meeting's time has come. */
    @ApplicationScoped
    static class MarkHeld implements JobHandler {
        private final CommitteeService committee;
        private final JobLedger ledger;

        MarkHeld(CommitteeService committee, JobLedger ledger) {
            this.committee = committee;
            this.ledger = ledger;
        }

        @Override
        public String jobType() {
            return "committee.mark-held";
        }

        @Override
        public Map<String, Object> handle(ActivatedJob job) {
            UUID meetingId = UUID.fromString((String) job.getVariable("meetingId"));
            QuarkusTransaction.requiringNew().run(() -> {
                if (ledger.firstTime(jobType() + ":" + meetingId, job.getKey())) {
                    committee.markHeld(meetingId);
                }
            });
            return Map.of();
        }
    }
}
