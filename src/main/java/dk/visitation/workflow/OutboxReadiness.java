package dk.visitation.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Stuck outbox commands make the service degraded, not down: it still answers reads and takes writes
 * (they wait in the outbox), so the platform must not take it out of service. The check stays UP and
 * says "degraded" with the figures, for the dashboards and the on-call person.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxMetrics metrics;

    OutboxReadiness(OutboxMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        long stuck = QuarkusTransaction.requiringNew().call(metrics::stuck);
        return HealthCheckResponse.named("outbox")
                .withData("state", stuck == 0 ? "ok" : "degraded")
                .withData("stuck", stuck)
                .withData("pending", (long) metrics.pending())
                .withData("oldestPendingSeconds", (long) metrics.oldestPendingSeconds())
                .up().build();
    }
}
