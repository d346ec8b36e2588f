package dk.visitation.placements;

import dk.visitation.workflow.EngineStarted;
import dk.visitation.workflow.JobHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** placement.bpmn's worker, and its instances started again when the in-process engine forgot them. */
@ApplicationScoped
class PlacementWorkers {

    /** "Markér tilbudsfrist overskredet": idempotent by placement (noted once, only while it is expected). */
    @Produces
    JobHandler markQuotesOverdue(PlacementPlanning planning) {
        return JobHandler.onId("placement.mark-quotes-overdue", "placementId", planning::markQuotesOverdue);
    }

    /** Every placement still expected gets its process again (the timer of a passed due day fires at once). */
    void rebuild(@Observes EngineStarted engine, PlacementPlanning planning) {
        if (engine.empty()) {
            QuarkusTransaction.requiringNew().run(() -> Placement.<Placement>list("status", Placement.Status.EXPECTED)
                    .forEach(planning::startProcess));
        }
    }
}
