package dk.visitation.webhooks;

import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Rows;
import dk.visitation.common.Times;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The subscriptions of other systems: created, read, deleted and resumed after a pause. */
@ApplicationScoped
class WebhookSubscriptions {

    private final Caller caller;
    private final IdempotencyKeys idempotencyKeys;
    private final WebhookSettings settings;

    WebhookSubscriptions(Caller caller, IdempotencyKeys idempotencyKeys, WebhookSettings settings) {
        this.caller = caller;
        this.idempotencyKeys = idempotencyKeys;
        this.settings = settings;
    }

    record Creation(WebhookApi.Created created, boolean replayed) {
    }

    @Transactional
    Creation create(WebhookApi.NewWebhook request, String idempotencyKey) {
        validate(request);
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim("webhooks.create", idempotencyKey, request, id);
            if (earlier.isPresent()) { // the first answer again; its secret is the one it was created with
                return new Creation(WebhookApi.Created.of(get(earlier.get()), secretOf(earlier.get())), true);
            }
        }
        String secret = request.secret() == null ? WebhookSignature.newSecret() : request.secret();
        Panache.getEntityManager().createNativeQuery("""
                        insert into webhook_subscription (id, url, event_types, secret, status, created_by, created_at)
                        values (:id, :url, cast(:types as text[]), :secret, 'ACTIVE', :by, :at)""")
                .setParameter("id", id).setParameter("url", request.url())
                .setParameter("types", "{" + String.join(",", request.eventTypes().stream().distinct().toList()) + "}")
                .setParameter("secret", secret).setParameter("by", caller.user())
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        return new Creation(WebhookApi.Created.of(get(id), secret), false);
    }

    private void validate(WebhookApi.NewWebhook request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            URI url = new URI(request.url());
            if (!url.isAbsolute() || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    || url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
                errors.add(new Problem.FieldError("url", "must be an absolute http or https URL with a host, no user info or fragment"));
            } else if (!settings.hostAllowed(url)) {
                errors.add(new Problem.FieldError("url", "the host " + url.getHost() + " is not among the allowed receivers"));
            }
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "is not a URL: " + e.getReason()));
        }
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (type == null || !IntegrationEvents.TYPES.contains(type)) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", "is not an event type; known: "
                        + IntegrationEvents.TYPES.stream().sorted().toList()));
            }
        }
        if (request.secret() != null && WebhookSignature.key(request.secret()).isEmpty()) {
            errors.add(new Problem.FieldError("secret", "must be whsec_ followed by the base64 of 24 to 64 random bytes"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The subscription is not valid", errors);
        }
    }

    /** A subscription as the table holds it. */
    record Row(UUID id, String url, String eventTypes, String status, int consecutiveFailures, Instant pausedAt, String createdBy,
            Instant createdAt, long version) {

        WebhookApi.Webhook view() {
            return new WebhookApi.Webhook(id, url, Arrays.asList(eventTypes.split(",")), WebhookApi.Status.valueOf(status),
                    consecutiveFailures, pausedAt == null ? null : Times.local(pausedAt), createdBy, Times.local(createdAt), version);
        }
    }

    private static final String COLUMNS = """
            select id, url, array_to_string(event_types, ','), status, consecutive_failures, paused_at, created_by, created_at, version
            from webhook_subscription""";

    @Transactional
    WebhookApi.Webhook get(UUID id) {
        return Rows.first(Panache.getEntityManager().createNativeQuery(COLUMNS + " where id = :id").setParameter("id", id), Row.class)
                .orElseThrow(() -> ProblemException.notFound("Webhook", id)).view();
    }

    @Transactional
    WebhookApi.WebhookPage list(PageRequest page) {
        var em = Panache.getEntityManager();
        List<WebhookApi.Webhook> items = Rows.list(em.createNativeQuery(COLUMNS + " order by created_at, id offset :offset limit :limit")
                .setParameter("offset", page.offset()).setParameter("limit", page.size), Row.class).stream().map(Row::view).toList();
        long total = ((Number) em.createNativeQuery("select count(*) from webhook_subscription").getSingleResult()).longValue();
        return new WebhookApi.WebhookPage(items, page.page, page.size, total);
    }

    /** Deletes the subscription and its delivery log; nothing more is sent to it (a call in flight may still arrive). */
    @Transactional
    void delete(UUID id, String ifMatch) {
        ETags.requireCurrent(ifMatch, locked(id).version());
        Panache.getEntityManager().createNativeQuery("delete from webhook_subscription where id = :id").setParameter("id", id).executeUpdate();
    }

    /**
     * A paused subscription goes on where it stopped: its waiting deliveries start their retries afresh, oldest first
     * per case; deliveries that had FAILED stay so (redeliver them one by one).
     */
    @Transactional
    WebhookApi.Webhook resume(UUID id, String ifMatch) {
        Row row = locked(id);
        ETags.requireCurrent(ifMatch, row.version());
        if (!row.status().equals("PAUSED")) {
            throw new ProblemException(ProblemType.CONFLICT, "The subscription is not paused");
        }
        var em = Panache.getEntityManager();
        em.createNativeQuery("""
                        update webhook_subscription set status = 'ACTIVE', paused_at = null, consecutive_failures = 0, retry_at = null,
                               version = version + 1 where id = :id""").setParameter("id", id).executeUpdate();
        em.createNativeQuery("""
                        update webhook_delivery set attempts = 0, first_attempt_at = null, next_attempt_at = now()
                        where subscription_id = :id and status = 'PENDING'""").setParameter("id", id).executeUpdate();
        return get(id);
    }

    private static Row locked(UUID id) {
        return Rows.first(Panache.getEntityManager().createNativeQuery(COLUMNS + " where id = :id for update").setParameter("id", id),
                Row.class).orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }

    private static String secretOf(UUID id) {
        return (String) Panache.getEntityManager().createNativeQuery("select secret from webhook_subscription where id = :id")
                .setParameter("id", id).getSingleResult();
    }
}
