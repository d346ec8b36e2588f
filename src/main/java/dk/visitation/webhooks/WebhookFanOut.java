package dk.visitation.webhooks;

import dk.visitation.events.IntegrationEvents;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * Each published event becomes a delivery to every subscription of its type, in the event's own transaction. Why not a
 * cursor over the event's sequence number: the number is drawn before the commit, so a transaction that drew a lower one
 * can commit after a higher one was seen, and a cursor past it would skip it for good. Written here, a delivery exists
 * exactly when its event does; a paused subscription keeps collecting them, to go on where it stopped.
 */
@ApplicationScoped
class WebhookFanOut {

    void fanOut(@Observes IntegrationEvents.Published event) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_seq, event_id, event_type, case_id, status, attempts,
                                                      created_at, next_attempt_at)
                        select gen_random_uuid(), s.id, :seq, :eventId, :type, :caseId, 'PENDING', 0, now(), now()
                        from webhook_subscription s where s.event_types @> array[cast(:type as text)]""")
                .setParameter("seq", event.seq()).setParameter("eventId", event.id()).setParameter("type", event.type())
                .setParameter("caseId", new TypedParameterValue<>(StandardBasicTypes.UUID, event.caseId())).executeUpdate();
    }
}
