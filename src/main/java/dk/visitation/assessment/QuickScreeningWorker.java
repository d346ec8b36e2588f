package dk.visitation.assessment;

import dk.visitation.workflow.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** "Registrer quickscreening": idempotent by case (one quick screening per case). */
@ApplicationScoped
class QuickScreeningWorker {

    @Produces
    JobHandler registerQuickScreening(AssessmentService assessments) {
        return JobHandler.onId("assessment.register-quick-screening", "caseId", assessments::registerQuickScreening);
    }
}
