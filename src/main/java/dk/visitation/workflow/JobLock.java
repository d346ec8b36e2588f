package dk.visitation.workflow;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.UUID;

/**
 * Jobs run on several worker threads (and, in production, on several replicas). Two jobs about one case —
 * its two tracks, or a redelivered job next to its first delivery — take this lock first, so they run one
 * after the other while jobs of other cases run at once. A PostgreSQL transaction-level advisory lock: it
 * is released with the job's transaction and needs no table.
 */
public final class JobLock {

    private JobLock() {
    }

    /** Inside the job's transaction: waits until no other transaction holds the lock for this id, then holds it to the end. */
    public static void hold(UUID id) {
        Panache.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) held")
                .setParameter("key", id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .getSingleResult();
    }
}
