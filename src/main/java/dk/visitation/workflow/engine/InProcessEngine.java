package dk.visitation.workflow.engine;

import dk.visitation.workflow.LocalEngine;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.ServiceEngineFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's in-process engine ({@link ServiceEngineFactory}): the engine's own processors on a
 * prefix-seeking state store and a log bounded by its readers. Loaded only once {@code EngineJars} found the
 * engine's jars.
 */
public final class InProcessEngine implements LocalEngine {

    private final ServiceEngineFactory.ServiceEngine engine;
    private final int port;

    private InProcessEngine(ServiceEngineFactory.ServiceEngine engine, int port) {
        this.engine = engine;
        this.port = port;
    }

    /** Starts an engine serving the gateway on {@code port}; {@code keepFullLog} keeps the record stream (tests). */
    public static InProcessEngine start(int port, boolean keepFullLog) {
        InProcessEngine started = new InProcessEngine(ServiceEngineFactory.create(port, keepFullLog), port);
        started.engine.engine().start();
        return started;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void stop() {
        engine.engine().stop();
    }

    @Override
    public void increaseTime(Duration duration) {
        engine.engine().increaseTime(duration);
    }

    @Override
    public long recordCount() {
        return Math.max(0, engine.log().highestPosition());
    }

    @Override
    public int logBlocks() {
        return engine.log().blockCount();
    }

    @Override
    public int stateEntries() {
        return engine.state().size();
    }

    /** The engine as zeebe-process-test sees it: its record stream, for tests that assert on process paths. */
    public ZeebeTestEngine testEngine() {
        return engine.engine();
    }

    @Override
    @SuppressWarnings("deprecation") // the engine's own client: the service's client does not exist yet at prestart
    public Map<String, Integer> deploy(Map<String, byte[]> models) {
        try (var client = engine.engine().createClient()) {
            io.camunda.zeebe.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
            for (Map.Entry<String, byte[]> model : models.entrySet()) {
                step = step == null ? client.newDeployResourceCommand().addResourceBytes(model.getValue(), model.getKey())
                        : step.addResourceBytes(model.getValue(), model.getKey());
            }
            if (step == null) {
                return Map.of();
            }
            var deployment = step.send().join();
            Map<String, Integer> versions = new LinkedHashMap<>();
            deployment.getProcesses().forEach(p -> versions.put(p.getBpmnProcessId(), p.getVersion()));
            deployment.getDecisions().forEach(d -> versions.put(d.getDmnDecisionId(), d.getVersion()));
            return versions;
        }
    }
}
