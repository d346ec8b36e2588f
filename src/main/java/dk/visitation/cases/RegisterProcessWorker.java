package dk.visitation.cases;

import dk.visitation.workflow.JobHandler;
import dk.visitation.workflow.JobLedger;
import dk.visitation.workflow.JobLock;
import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** "Registrer sag": links the case to its running process instance and moves it to the assessment. */
@ApplicationScoped
public class RegisterProcessWorker implements JobHandler {

    private final CaseStatusChanges statusChanges;
    private final JobLedger ledger;

    RegisterProcessWorker(CaseStatusChanges statusChanges, JobLedger ledger) {
        this.statusChanges = statusChanges;
        this.ledger = ledger;
    }

    @Override
    public String jobType() {
        return "cases.register-process";
    }

    @Override
    public Map<String, Object> handle(ActivatedJob job) {
        UUID caseId = UUID.fromString((String) job.getVariable("caseId"));
        QuarkusTransaction.requiringNew().run(() -> {
            JobLock.hold(caseId);
            if (ledger.firstTime(jobType() + ":" + caseId + ":" + job.getProcessInstanceKey(), job.getKey())) {
                statusChanges.processStarted(caseId, job.getProcessInstanceKey());
            }
        });
        return Map.of();
    }
}
