package dk.visitation.cases;

import dk.visitation.workflow.EngineStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The in-process engine forgets everything on restart; the database does not. For every open case
 * the visitation process is started again with the element to resume at (the model routes there
 * after "Registrer sag", which links the new instance without a second history entry).
 */
@ApplicationScoped
class ProcessRebuild {

    private static final Logger LOG = Logger.getLogger(ProcessRebuild.class);
    private static final int BATCH = 500;
    private static final EnumSet<CaseStatus> OPEN = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.AWAITING_ASSESSMENT,
            CaseStatus.PREPARING_COMMITTEE, CaseStatus.ON_COMMITTEE_AGENDA);

    private final CaseRegistration registration;
    private final boolean enabled;

    /**
     * {@code visitation.rebuild.open-cases=false} leaves the open cases without processes: only for benchmarks of reads
     * over a generated record (bench/scale.sh), whose open cases no engine is meant to carry.
     */
    ProcessRebuild(CaseRegistration registration,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "visitation.rebuild.open-cases", defaultValue = "true") boolean enabled) {
        this.registration = registration;
        this.enabled = enabled;
    }

    /** An open case and the status it waits in. */
    record OpenCase(UUID id, CaseStatus status) {
    }

    /** Where the model continues for a case in {@code status}: the element it was waiting at. */
    static String resumeAt(CaseStatus status) {
        return switch (status) {
            case PREPARING_COMMITTEE -> "prepare-committee-material";
            case ON_COMMITTEE_AGENDA -> "await-committee-decision";
            default -> "assess-target-group";
        };
    }

    /**
     * Where an imported case's process starts: as a restart's, except that a case on the committee's agenda in the system it
     * came from is on no agenda here yet, so it starts at "Sæt på dagsordenen", which puts it on the next open meeting.
     */
    static String resumeImportedAt(CaseStatus status) {
        return status == CaseStatus.ON_COMMITTEE_AGENDA ? "add-to-agenda" : resumeAt(status);
    }

    /** Up to {@code limit} open cases after {@code after} in id order; Hibernate builds each record from the select list. */
    static List<OpenCase> openCases(UUID after, int limit) {
        return ChildCase.getEntityManager()
                .createQuery("select c.id, c.status from ChildCase c where c.status in ?1 and c.id > ?2 order by c.id", OpenCase.class)
                .setParameter(1, OPEN).setParameter(2, after).setMaxResults(limit).getResultList();
    }

    void rebuild(@Observes EngineStarted engine) {
        if (!engine.empty()) {
            return;
        }
        if (!enabled) {
            LOG.warn("Open cases are not rebuilt in the engine (visitation.rebuild.open-cases=false): their tasks stay away");
            return;
        }
        int rebuilt = 0;
        UUID after = new UUID(0, 0); // the smallest in PostgreSQL's order
        while (true) {
            UUID from = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<OpenCase> open = openCases(from, BATCH);
                open.forEach(c -> registration.restartProcess(c.id(), resumeAt(c.status())));
                return open.stream().map(OpenCase::id).toList();
            });
            rebuilt += batch.size();
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.getLast();
        }
        if (rebuilt > 0) {
            LOG.infof("Visitation processes rebuilt for %d open cases", rebuilt);
        }
    }
}
