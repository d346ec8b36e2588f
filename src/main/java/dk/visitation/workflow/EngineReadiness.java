package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The process engine's state. The service starts only once its models are deployed, so at start the engine
 * was there; later an unreachable engine makes the service degraded, not unready — reads still answer and
 * writes wait in the outbox (see {@link OutboxReadiness} for how far behind it is).
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private final CamundaClient client;
    private final EngineSettings settings;
    EngineReadiness(CamundaClient client, EngineSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("process-engine").withData("mode", settings.mode().name().toLowerCase());
        try {
            var topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(2)).send().join();
            return response.withData("brokers", topology.getBrokers().size()).up().build();
        } catch (RuntimeException e) {
            // degraded, not down: reads answer and writes wait in the outbox until the engine is back
            return response.withData("state", "unreachable").withData("error", e.getClass().getSimpleName()).up().build();
        }
    }
}
