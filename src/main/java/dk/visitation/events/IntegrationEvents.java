package dk.visitation.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Events for other municipal systems (case transferred, payment responsibility changed, grant changed),
 * written in the same transaction as the change: a committed change always has its event, and a rolled
 * back one never does. Other systems read them in order from the feed.
 */
@ApplicationScoped
public class IntegrationEvents {

    public static final String CASE_TRANSFERRED = "case.transferred";
    public static final String PAYMENT_RESPONSIBILITY_CHANGED = "payment-responsibility.changed";
    public static final String GRANT_CHANGED = "grant.changed";
    /** A statutory deadline passed unmet (issue 13); payload: the deadline's key, rule and due time. */
    public static final String DEADLINE_MISSED = "deadline.missed";
    /** A statutory deadline was met after it was due. */
    public static final String DEADLINE_MET_LATE = "deadline.met-late";
    /** A case with a running measure had no authority activity for the configured period. */
    public static final String CASE_INACTIVE = "case.inactive";

    private final ObjectMapper json;

    IntegrationEvents(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, UUID caseId, Map<String, Object> payload) {
        try {
            Panache.getEntityManager().createNativeQuery("""
                            insert into integration_event (id, type, case_id, occurred_at, payload)
                            values (:id, :type, :case, :at, cast(:payload as jsonb))""")
                    .setParameter("id", UUID.randomUUID()).setParameter("type", type).setParameter("case", caseId)
                    .setParameter("at", Instant.now()).setParameter("payload", json.writeValueAsString(payload))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
