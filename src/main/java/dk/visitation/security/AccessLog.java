package dk.visitation.security;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The personal-data access log (databeskyttelsesloven): who read, searched, changed, exported or
 * deleted which child's data, when, from which client. Written in the transaction of the access, so a
 * change is never without its entry; answers a guardian's "who looked at my child's case".
 */
@ApplicationScoped
public class AccessLog {

    public enum Action { CREATE, READ, SEARCH, CHANGE, EXPORT, DELETE, AUDIT_QUERY, PURGE }

    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    private final Instance<Caller> caller;
    private final Instance<ChildDirectory> children;
    private final int retentionDays;

    AccessLog(Instance<Caller> caller, Instance<ChildDirectory> children,
            @ConfigProperty(name = "visitation.access-log.retention-days", defaultValue = "1825") int retentionDays) {
        this.caller = caller;
        this.children = children;
        this.retentionDays = retentionDays;
    }

    /**
     * Writes one entry. An entry that names more cases than children gets the children of those cases
     * added, so the per-child search finds every read, whichever feature logged it by case id only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String what, Collection<UUID> caseIds, Collection<UUID> childIds,
            Map<String, Object> criteria) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (Arc.container().requestContext().isActive() && !caller.get().user().equals("system")) {
            Caller who = caller.get();
            entry.actor = who.user();
            entry.roles = String.join(",", new TreeSet<>(who.roles()));
            entry.client = who.client();
        } else {
            entry.actor = "system";
            entry.roles = "";
            entry.client = "scheduler";
        }
        entry.action = action;
        entry.what = what;
        entry.caseIds = caseIds.stream().distinct().toArray(UUID[]::new);
        java.util.Set<UUID> caseSet = new java.util.HashSet<>(caseIds);
        java.util.Set<UUID> childSet = new java.util.LinkedHashSet<>(childIds);
        if (childSet.size() < caseSet.size()) {
            childSet.addAll(children.get().childIdsOfCases(caseSet));
        }
        entry.childIds = childSet.toArray(UUID[]::new);
        entry.criteria = criteria == null || criteria.isEmpty() ? null : criteria;
        entry.persist();
    }

    @Scheduled(cron = "{visitation.access-log.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Deletes entries older than the retention period; the purge itself is logged. */
    @Transactional
    public long purge() {
        Instant cutoff = Instant.now().minus(retentionDays, ChronoUnit.DAYS);
        Panache.getEntityManager().createNativeQuery("select set_config('visitation.purge', 'on', true)").getSingleResult();
        long deleted = Panache.getEntityManager().createNativeQuery("delete from access_log where at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
        Panache.getEntityManager().createNativeQuery("select set_config('visitation.purge', 'off', true)").getSingleResult();
        record(Action.PURGE, "access log", java.util.List.of(), java.util.List.of(),
                Map.of("olderThan", cutoff.toString(), "deleted", deleted, "retentionDays", retentionDays));
        LOG.infof("Access log purge: %d entries older than %s deleted", deleted, cutoff);
        return deleted;
    }
}
