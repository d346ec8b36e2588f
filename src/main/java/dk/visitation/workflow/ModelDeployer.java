package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
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
    private final ModelCatalog catalog;
    private final JobWorkers workers;
    private final OutboxPublisher publisher;
    private final Event<EngineStarted> started;
    private final EmbeddedEngine embedded;

    ModelDeployer(CamundaClient client, EngineSettings settings, ModelCatalog catalog, JobWorkers workers,
            OutboxPublisher publisher, Event<EngineStarted> started, EmbeddedEngine embedded) {
        this.embedded = embedded;
        this.client = client;
        this.settings = settings;
        this.catalog = catalog;
        this.workers = workers;
        this.publisher = publisher;
        this.started = started;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        connect();
    }

    /** Deploys, lets each feature rebuild its processes in an empty engine, then opens the workers and the outbox. */
    void connect() {
        embedded.takeDeployedAhead(catalog.models().keySet())
                .ifPresentOrElse(versions -> LOG.infof("Models deployed ahead of the boot (id → version): %s", versions),
                        this::deploy);
        started.fire(new EngineStarted(settings.mode() == EngineSettings.Mode.EMBEDDED));
        workers.open();
        publisher.start();
    }

    /** Deploys every configured model; returns process id → deployed version. */
    public Map<String, Integer> deploy() {
        DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
        for (Map.Entry<String, byte[]> model : catalog.models().entrySet()) {
            command = command == null
                    ? client.newDeployResourceCommand().addResourceBytes(model.getValue(), model.getKey())
                    : command.addResourceBytes(model.getValue(), model.getKey());
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
}
