package dk.visitation.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Events for other municipal systems (case transferred, payment responsibility changed, grant changed),
 * written in the same transaction as the change: a committed change always has its event, and a rolled
 * back one never does. Other systems read them in order from the feed, or get them as webhooks.
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
    /** A case was registered (intake); payload: department, source, received date. */
    public static final String CASE_REGISTERED = "case.registered";
    /** MYN's target-group assessment was concluded; payload: outcome, recommendation, rule. */
    public static final String ASSESSMENT_CONCLUDED = "assessment.concluded";
    /** The visitation committee decided a case (also a postponement, outcome PENDING); payload: outcome, departments. */
    public static final String COMMITTEE_DECIDED = "committee.decided";
    /** A shared case's lead or contributing department changed (shared, lead handed over, arrangement ended). */
    public static final String CASE_LEAD_CHANGED = "case.lead-changed";
    /** An expected placement was recorded on a case (issue 16); payload: kind, urgency, expected start, annual estimate. */
    public static final String PLACEMENT_EXPECTED = "placement.expected";
    /** An expected placement became a grant (acute, or a chosen quote); payload: the placement, grant, quote, urgency. */
    public static final String PLACEMENT_GRANTED = "placement.granted";

    /** Every type the service publishes: what a webhook may subscribe to. */
    public static final Set<String> TYPES = Set.of(CASE_TRANSFERRED, PAYMENT_RESPONSIBILITY_CHANGED, GRANT_CHANGED, DEADLINE_MISSED,
            DEADLINE_MET_LATE, CASE_INACTIVE, CASE_REGISTERED, ASSESSMENT_CONCLUDED, COMMITTEE_DECIDED, CASE_LEAD_CHANGED,
            PLACEMENT_EXPECTED, PLACEMENT_GRANTED);

    /** Fired in the publishing transaction, after the row is written: webhooks fan it out to their subscriptions. */
    public record Published(long seq, UUID id, String type, UUID caseId) {
    }

    private final ObjectMapper json;
    private final Event<Published> published;

    IntegrationEvents(ObjectMapper json, Event<Published> published) {
        this.json = json;
        this.published = published;
    }

    /** How a shared case's lead changed: it became shared, its lead was handed over, or the arrangement ended. */
    public enum LeadChange { SHARED, LEAD_HANDED_OVER, SHARED_ENDED }

    /** The payload of {@link #CASE_LEAD_CHANGED}: the departments now and before (contributing null: not shared). */
    public static Map<String, Object> leadChange(LeadChange change, dk.visitation.common.Department lead,
            dk.visitation.common.Department contributing, dk.visitation.common.Department previousLead,
            dk.visitation.common.Department previousContributing) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("change", change.name());
        payload.put("lead", lead.name());
        payload.put("contributing", contributing == null ? null : contributing.name());
        payload.put("previousLead", previousLead.name());
        payload.put("previousContributing", previousContributing == null ? null : previousContributing.name());
        return payload;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, UUID caseId, Map<String, Object> payload) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        UUID id = UUID.randomUUID();
        var em = Panache.getEntityManager();
        long seq = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('integration_event', 'seq'))")
                .getSingleResult()).longValue();
        try {
            em.createNativeQuery("""
                            insert into integration_event (seq, id, type, case_id, occurred_at, payload)
                            values (:seq, :id, :type, :case, :at, cast(:payload as jsonb))""")
                    .setParameter("seq", seq).setParameter("id", id).setParameter("type", type).setParameter("case", caseId)
                    .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS))
                    .setParameter("payload", json.writeValueAsString(payload))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        published.fire(new Published(seq, id, type, caseId));
    }
}
