package dk.visitation.webhooks;

import dk.visitation.events.CloudEventMapping;
import dk.visitation.events.StoredEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries: each pass takes what is due in a short transaction, then POSTs outside any transaction — a slow or
 * dead receiver holds no database connection and none of the service's own work — and records each outcome in a
 * transaction of its own. One thread per subscription sends its batch in event order and stops at the first failure (the
 * rest is given back), so subscriptions do not wait for each other and a failing receiver is not hammered.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_PER_PASS = 500;

    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final StoredEvents events;
    private final CloudEventMapping cloudEvents;
    private final Set<UUID> sending = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSettings settings, StoredEvents events, CloudEventMapping cloudEvents) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.events = events;
        this.cloudEvents = cloudEvents;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(senders).build();
    }

    @Scheduled(every = "${visitation.webhooks.dispatch-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "webhook-dispatch")
    void scheduled() {
        dispatch();
    }

    /** One pass: takes what is due and starts sending it; returns how many deliveries it took. */
    public int dispatch() {
        List<WebhookDeliveries.Claimed> claimed = deliveries.claim(Set.copyOf(sending), MAX_PER_PASS);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, byte[]> bodies = QuarkusTransaction.requiringNew().call(() -> events.bySeq(
                        claimed.stream().map(WebhookDeliveries.Claimed::eventSeq).toList()).stream()
                .collect(Collectors.toMap(StoredEvents.StoredEvent::seq, e -> cloudEvents.serialize(cloudEvents.cloudEvent(e)))));
        Map<UUID, List<WebhookDeliveries.Claimed>> bySubscription = claimed.stream().collect(
                Collectors.groupingBy(WebhookDeliveries.Claimed::subscriptionId, LinkedHashMap::new, Collectors.toList()));
        bySubscription.forEach((subscription, batch) -> {
            if (sending.add(subscription)) {
                senders.execute(() -> {
                    try {
                        send(batch, bodies::get);
                    } finally {
                        sending.remove(subscription);
                    }
                });
            } else {
                deliveries.release(batch.stream().map(WebhookDeliveries.Claimed::id).toList());
            }
        });
        return claimed.size();
    }

    private void send(List<WebhookDeliveries.Claimed> batch, Function<Long, byte[]> bodies) {
        for (int i = 0; i < batch.size(); i++) {
            WebhookDeliveries.Claimed delivery = batch.get(i);
            Outcome outcome = post(delivery, bodies.apply(delivery.eventSeq()));
            try {
                if (outcome.ok()) {
                    deliveries.delivered(delivery, outcome.status());
                } else {
                    deliveries.failed(delivery, outcome.status(), outcome.error());
                    List<UUID> rest = new ArrayList<>();
                    batch.subList(i + 1, batch.size()).forEach(d -> rest.add(d.id()));
                    deliveries.release(rest);
                    return;
                }
            } catch (RuntimeException e) { // the outcome is lost: the lease expires and the delivery is sent again (at least once)
                LOG.warnf("Webhook delivery %s: outcome not recorded (%s)", delivery.id(), e.getMessage());
                return;
            }
        }
    }

    record Outcome(boolean ok, Integer status, String error) {
    }

    private Outcome post(WebhookDeliveries.Claimed delivery, byte[] body) {
        URI url = URI.create(delivery.url());
        if (body == null) {
            return new Outcome(false, null, "the event is gone");
        }
        if (!settings.hostAllowed(url)) {
            return new Outcome(false, null, "the host " + url.getHost() + " is not among the allowed receivers");
        }
        String id = delivery.eventId().toString();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.readTimeout)
                .header("Content-Type", CloudEventMapping.CONTENT_TYPE + "; charset=utf-8")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(delivery.secret(), id, timestamp, body))
                .header("User-Agent", "visitation-webhooks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null) : new Outcome(false, status, "HTTP " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(false, null, "timed out: " + e.getMessage());
        } catch (java.io.IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        senders.shutdownNow();
    }
}
