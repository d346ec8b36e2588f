package dk.visitation.webhooks;

import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Rows;
import dk.visitation.common.Times;
import dk.visitation.security.AccessLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The deliveries' table: taken by a dispatcher, their outcomes, the log per subscription and redelivery on request. */
@ApplicationScoped
class WebhookDeliveries {

    private final WebhookSettings settings;
    private final AccessLog accessLog;

    WebhookDeliveries(WebhookSettings settings, AccessLog accessLog) {
        this.settings = settings;
        this.accessLog = accessLog;
    }

    /** A delivery taken for sending, with what sending it needs. */
    record Claimed(UUID id, UUID subscriptionId, String url, String secret, long eventSeq, UUID eventId, UUID caseId, int attempts,
            Instant firstAttemptAt) {
    }

    /**
     * Takes due deliveries, at most a batch per subscription, for the lease: those of active subscriptions not waiting out
     * a failure, not taken by another dispatcher ({@code skip locked}; two replicas never take one row) and with no earlier
     * undelivered event of the same case to the same subscription — so a case's events arrive in order. {@code busy}: the
     * subscriptions this replica is still sending to.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(Collection<UUID> busy, int limit) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        with candidates as (
                            select id from (
                                select d.id, row_number() over (partition by d.subscription_id order by d.event_seq) as n
                                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                                where d.status = 'PENDING' and d.next_attempt_at <= now()
                                  and (d.claimed_until is null or d.claimed_until < now())
                                  and s.status = 'ACTIVE' and (s.retry_at is null or s.retry_at <= now())
                                  and s.id <> all(cast(:busy as uuid[]))
                                  and (d.case_id is null or not exists (
                                        select 1 from webhook_delivery e
                                        where e.subscription_id = d.subscription_id and e.case_id = d.case_id
                                          and e.status = 'PENDING' and e.event_seq < d.event_seq))
                            ) ranked where n <= :batch
                            limit :limit)
                        select d.id from webhook_delivery d
                        where d.id in (select id from candidates)
                          and d.status = 'PENDING' and (d.claimed_until is null or d.claimed_until < now())
                        for update skip locked""")
                .setParameter("busy", busy.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter("batch", settings.batch).setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("update webhook_delivery set claimed_until = now() + make_interval(secs => :secs) where id = any(cast(:ids as uuid[]))")
                .setParameter("secs", (double) settings.lease().toSeconds()).setParameter("ids", array).executeUpdate();
        return Rows.list(em.createNativeQuery("""
                        select d.id, d.subscription_id, s.url, s.secret, d.event_seq, d.event_id, d.case_id, d.attempts, d.first_attempt_at
                        from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                        where d.id = any(cast(:ids as uuid[])) order by d.subscription_id, d.event_seq""")
                .setParameter("ids", array), Claimed.class);
    }

    /** Delivered: the subscription's failures in a row start again; the facts went to another system, so it is logged as an export. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delivered(Claimed delivery, int statusCode) {
        var em = Panache.getEntityManager();
        int updated = em.createNativeQuery("""
                        update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), last_attempt_at = now(),
                               first_attempt_at = coalesce(first_attempt_at, now()), last_status_code = :code, last_error = null,
                               next_attempt_at = null, claimed_until = null
                        where id = :id and status = 'PENDING'""")
                .setParameter("code", statusCode).setParameter("id", delivery.id()).executeUpdate();
        em.createNativeQuery("update webhook_subscription set consecutive_failures = 0, retry_at = null where id = :id and consecutive_failures > 0")
                .setParameter("id", delivery.subscriptionId()).executeUpdate();
        if (updated == 1 && delivery.caseId() != null) {
            accessLog.record(AccessLog.Action.EXPORT, "webhook delivery", List.of(delivery.caseId()), List.of(),
                    Map.of("subscription", delivery.subscriptionId().toString(), "event", delivery.eventId().toString()));
        }
    }

    /**
     * Failed: tried again after the doubling wait, or FAILED when that would be past the retry period since its first
     * attempt. The subscription waits out its own doubling wait, and is PAUSED at too many failures in a row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(Claimed delivery, Integer statusCode, String error) {
        Instant now = Instant.now();
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        Instant next = now.plus(settings.backoff(delivery.attempts() + 1));
        boolean givenUp = next.isAfter(first.plus(settings.retryPeriod));
        var em = Panache.getEntityManager();
        em.createNativeQuery("""
                        update webhook_delivery set status = :status, attempts = attempts + 1, last_attempt_at = :now,
                               first_attempt_at = coalesce(first_attempt_at, :now), last_status_code = :code, last_error = :error,
                               next_attempt_at = :next, claimed_until = null
                        where id = :id and status = 'PENDING'""")
                .setParameter("status", givenUp ? "FAILED" : "PENDING").setParameter("now", now)
                .setParameter("code", new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.INTEGER, statusCode))
                .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("next", new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.INSTANT,
                        givenUp ? null : next))
                .setParameter("id", delivery.id()).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> failures = em.createNativeQuery("""
                        update webhook_subscription set consecutive_failures = consecutive_failures + 1
                        where id = :id returning consecutive_failures""").setParameter("id", delivery.subscriptionId()).getResultList();
        if (failures.isEmpty()) {
            return; // deleted meanwhile
        }
        int inARow = ((Number) failures.getFirst()).intValue();
        boolean pause = inARow >= settings.pauseAfterFailures;
        em.createNativeQuery("""
                        update webhook_subscription set retry_at = :retryAt,
                               status = case when :pause then 'PAUSED' else status end,
                               paused_at = case when :pause and status = 'ACTIVE' then :now else paused_at end
                        where id = :id""")
                .setParameter("retryAt", now.plus(settings.backoff(inARow))).setParameter("pause", pause).setParameter("now", now)
                .setParameter("id", delivery.subscriptionId()).executeUpdate();
    }

    /** Gives back deliveries taken but not tried (their subscription's receiver just failed): no attempt is counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            Panache.getEntityManager().createNativeQuery("update webhook_delivery set claimed_until = null where id = any(cast(:ids as uuid[]))")
                    .setParameter("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"))).executeUpdate();
        }
    }

    record Row(UUID id, UUID eventId, String eventType, UUID caseId, WebhookApi.DeliveryStatus status, int attempts, Integer lastStatusCode,
            String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {

        WebhookApi.Delivery view() {
            return new WebhookApi.Delivery(id, eventId, eventType, caseId, status, attempts, lastStatusCode, lastError, local(lastAttemptAt),
                    local(nextAttemptAt), local(deliveredAt), Times.local(createdAt));
        }

        private static OffsetDateTime local(Instant at) {
            return at == null ? null : Times.local(at);
        }
    }

    private static final String COLUMNS = """
            select id, event_id, event_type, case_id, status, attempts, last_status_code, last_error, last_attempt_at, next_attempt_at,
                   delivered_at, created_at from webhook_delivery""";

    /** The subscription's deliveries, newest event first. */
    @Transactional
    WebhookApi.DeliveryPage log(UUID subscriptionId, WebhookApi.DeliveryStatus status, PageRequest page) {
        var em = Panache.getEntityManager();
        String filter = " where subscription_id = :id" + (status == null ? "" : " and status = :status");
        var query = em.createNativeQuery(COLUMNS + filter + " order by event_seq desc offset :offset limit :limit")
                .setParameter("id", subscriptionId).setParameter("offset", page.offset()).setParameter("limit", page.size);
        var count = em.createNativeQuery("select count(*) from webhook_delivery" + filter).setParameter("id", subscriptionId);
        if (status != null) {
            query.setParameter("status", status.name());
            count.setParameter("status", status.name());
        }
        List<WebhookApi.Delivery> items = Rows.list(query, Row.class).stream().map(Row::view).toList();
        return new WebhookApi.DeliveryPage(items, page.page, page.size, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * Sends the delivery again (a DELIVERED or FAILED one; a PENDING one is tried now): its retries start afresh. It keeps its
     * place among the case's events, so newer undelivered events of the case wait for it.
     */
    @Transactional
    WebhookApi.Delivery redeliver(UUID subscriptionId, UUID deliveryId) {
        var em = Panache.getEntityManager();
        Row row = Rows.first(em.createNativeQuery(COLUMNS + " where id = :id and subscription_id = :sub for update")
                .setParameter("id", deliveryId).setParameter("sub", subscriptionId), Row.class)
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
        boolean inFlight = ((Number) em.createNativeQuery("select count(*) from webhook_delivery where id = :id and claimed_until > now()")
                .setParameter("id", deliveryId).getSingleResult()).longValue() > 0;
        if (inFlight) {
            throw new ProblemException(ProblemType.CONFLICT, "The delivery is being sent right now; look again in a moment");
        }
        em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, first_attempt_at = null, next_attempt_at = now()
                        where id = :id""").setParameter("id", row.id()).executeUpdate();
        return Rows.first(em.createNativeQuery(COLUMNS + " where id = :id").setParameter("id", deliveryId), Row.class).orElseThrow().view();
    }
}
