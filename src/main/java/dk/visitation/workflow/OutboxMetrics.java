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

    private final EngineSettings settings;

    OutboxMetrics(EngineSettings settings) {
        this.settings = settings;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("visitation.outbox.pending", this, OutboxMetrics::pending)
                .description("Outbox commands not yet acknowledged by the engine")
                .register(registry);
        Gauge.builder("visitation.outbox.stuck", this, m -> QuarkusTransaction.requiringNew().call(m::stuck))
                .description("Outbox commands pending longer than visitation.engine.outbox.stuck-after")
                .register(registry);
        Gauge.builder("visitation.outbox.oldest.pending.seconds", this, OutboxMetrics::oldestPendingSeconds)
                .description("Age of the oldest unacknowledged outbox command")
                .register(registry);
    }

    double pending() {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxCommand.count("status", OutboxCommand.Status.PENDING));
    }

    /** Commands pending longer than the configured time: the engine link is not keeping up, or refuses them. */
    long stuck() {
        return OutboxCommand.count("status = ?1 and createdAt < ?2", OutboxCommand.Status.PENDING,
                java.time.Instant.now().minus(settings.outbox().stuckAfter()));
    }

    double oldestPendingSeconds() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxCommand.getEntityManager()
                .createNativeQuery("""
                        select coalesce(extract(epoch from now() - min(created_at)), 0)
                        from outbox_command where status = 'PENDING'""")
                .getSingleResult()).doubleValue());
    }
}
