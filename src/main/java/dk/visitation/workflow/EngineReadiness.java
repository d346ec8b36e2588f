package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the engine's gateway answers a topology request. */
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
            return response.withData("error", e.getClass().getSimpleName()).down().build();
        }
    }
}
