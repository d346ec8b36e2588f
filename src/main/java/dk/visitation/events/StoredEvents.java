package dk.visitation.events;

import dk.visitation.common.Rows;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The integration_event table read: by position for the feed, by sequence number for the webhooks. */
@ApplicationScoped
public class StoredEvents {

    /** An event as the table holds it, its payload as JSON text. */
    public record StoredEvent(long seq, UUID id, String type, UUID caseId, Instant occurredAt, String payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> after(long after, int limit) {
        return Rows.list(Panache.getEntityManager().createNativeQuery("""
                        select seq, id, type, case_id, occurred_at, cast(payload as text) from integration_event
                        where seq > :after order by seq limit :limit""")
                .setParameter("after", after).setParameter("limit", limit), StoredEvent.class);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> bySeq(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        String array = seqs.stream().distinct().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return Rows.list(Panache.getEntityManager().createNativeQuery("""
                        select seq, id, type, case_id, occurred_at, cast(payload as text) from integration_event
                        where seq = any(cast(:seqs as bigint[])) order by seq""")
                .setParameter("seqs", array), StoredEvent.class);
    }
}
