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

    private final MeetingSchedule schedule;

    MeetingPlanner(MeetingSchedule schedule) {
        this.schedule = schedule;
    }

    void onEngine(@Observes EngineStarted engine) {
        if (engine.empty()) {
            QuarkusTransaction.requiringNew().run(() -> schedule.unfinishedMeetings().forEach(schedule::startProcess));
        }
        plan();
    }

    @Scheduled(cron = "0 15 0 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void plan() {
        int planned = schedule.planMeetings(LocalDate.now(CommitteeApi.DENMARK)).size();
        if (planned > 0) {
            LOG.infof("Visitation committee: %d meetings planned ahead", planned);
        }
    }
}
