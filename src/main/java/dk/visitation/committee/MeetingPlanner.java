package dk.visitation.committee;

import dk.visitation.workflow.EngineStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** Keeps the meetings planned ahead (at start and daily) and re-runs their processes in an empty engine. */
@ApplicationScoped
class MeetingPlanner {

    private static final Logger LOG = Logger.getLogger(MeetingPlanner.class);

    private final CommitteeService committee;

    MeetingPlanner(CommitteeService committee) {
        this.committee = committee;
    }

    void onEngine(@Observes EngineStarted engine) {
        if (engine.empty()) {
            QuarkusTransaction.requiringNew().run(() -> committee.unfinishedMeetings().forEach(committee::startProcess));
        }
        plan();
    }

    @Scheduled(cron = "0 15 0 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void plan() {
        int planned = committee.planMeetings(LocalDate.now(CommitteeApi.DENMARK)).size();
        if (planned > 0) {
            LOG.infof("Visitation committee: %d meetings planned ahead", planned);
        }
    }
}
