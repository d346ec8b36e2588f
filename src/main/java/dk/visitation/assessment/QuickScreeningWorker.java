package dk.visitation.assessment;

import dk.visitation.workflow.JobHandler;
import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** "Registrer quickscreening": idempotent by case (one quick screening per case). */
@ApplicationScoped
class QuickScreeningWorker implements JobHandler {

    private final AssessmentService assessments;

    QuickScreeningWorker(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public String jobType() {
        return "assessment.register-quick-screening";
    }

    @Override
    public Map<String, Object> handle(ActivatedJob job) {
        UUID caseId = UUID.fromString((String) job.getVariable("caseId"));
        QuarkusTransaction.requiringNew().run(() -> assessments.registerQuickScreening(caseId));
        return Map.of();
    }
}
