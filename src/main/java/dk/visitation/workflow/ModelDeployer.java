package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Deploys the models from bpmn/ at start, then opens the workers and the outbox publisher (in that
 * order: a message sent before its process is deployed would be lost). The engine keeps an
 * unchanged model at its version, so a redeploy creates a new version only when a model changed.
 */
@ApplicationScoped
public class ModelDeployer {

    private static final Logger LOG = Logger.getLogger(ModelDeployer.class);

    private final CamundaClient client;
    private final EngineSettings settings;
    private final JobWorkers workers;
    private final OutboxPublisher publisher;
    private final Event<EngineStarted> started;

    ModelDeployer(CamundaClient client, EngineSettings settings, JobWorkers workers, OutboxPublisher publisher,
            Event<EngineStarted> started) {
        this.client = client;
        this.settings = settings;
        this.workers = workers;
        this.publisher = publisher;
        this.started = started;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        deploy();
        started.fire(new EngineStarted(settings.mode() == EngineSettings.Mode.EMBEDDED));
        workers.open();
        publisher.start();
    }

    /** Deploys every configured model; returns process id → deployed version. */
    public Map<String, Integer> deploy() {
        DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
        for (String model : settings.models()) {
            byte[] bytes = read("bpmn/" + model);
            command = command == null
                    ? client.newDeployResourceCommand().addResourceBytes(bytes, model)
                    : command.addResourceBytes(bytes, model);
        }
        if (command == null) {
            return Map.of();
        }
        DeploymentEvent deployment = command.send().join();
        Map<String, Integer> versions = new LinkedHashMap<>();
        deployment.getProcesses().forEach(p -> versions.put(p.getBpmnProcessId(), p.getVersion()));
        deployment.getDecisions().forEach(d -> versions.put(d.getDmnDecisionId(), d.getVersion()));
        LOG.infof("Models deployed (id → version): %s", versions);
        return versions;
    }

    private static byte[] read(String resource) {
        // the application class loader: in dev mode the context loader may not see bpmn/
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Model " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
