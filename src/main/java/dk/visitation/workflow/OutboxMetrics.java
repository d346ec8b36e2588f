package dk.visitation.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Pending outbox commands and the age of the oldest, so a stuck engine link shows on a dashboard. */
@ApplicationScoped
public class OutboxMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("visitation.outbox.pending", this, OutboxMetrics::pending)
                .description("Outbox commands not yet acknowledged by the engine")
                .register(registry);
        Gauge.builder("visitation.outbox.oldest.pending.seconds", this, OutboxMetrics::oldestPendingSeconds)
                .description("Age of the oldest unacknowledged outbox command")
                .register(registry);
    }

    double pending() {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxCommand.count("status", OutboxCommand.Status.PENDING));
    }

    double oldestPendingSeconds() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxCommand.getEntityManager()
                .createNativeQuery("""
                        select coalesce(extract(epoch from now() - min(created_at)), 0)
                        from outbox_command where status = 'PENDING'""")
                .getSingleResult()).doubleValue());
    }
}
