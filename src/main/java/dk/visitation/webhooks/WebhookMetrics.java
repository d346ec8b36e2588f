package dk.visitation.webhooks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Waiting and failed deliveries and paused subscriptions, so a receiver that stopped listening shows on a dashboard. */
@ApplicationScoped
class WebhookMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("visitation.webhooks.deliveries.pending", this, m -> count("select count(*) from webhook_delivery where status = 'PENDING'"))
                .description("Webhook deliveries not yet delivered (also those of paused subscriptions)").register(registry);
        Gauge.builder("visitation.webhooks.deliveries.failed", this, m -> count("select count(*) from webhook_delivery where status = 'FAILED'"))
                .description("Webhook deliveries given up after the retry period (redeliver them on request)").register(registry);
        Gauge.builder("visitation.webhooks.subscriptions.paused", this,
                        m -> count("select count(*) from webhook_subscription where status = 'PAUSED'"))
                .description("Subscriptions paused after too many failures in a row").register(registry);
    }

    private static double count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) Panache.getEntityManager().createNativeQuery(sql).getSingleResult()).doubleValue());
    }
}
