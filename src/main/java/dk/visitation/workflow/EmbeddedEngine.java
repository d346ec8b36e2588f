package dk.visitation.workflow;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The in-process Zeebe engine of embedded mode. It serves the same gRPC gateway protocol as a
 * cluster, so the rest of the service cannot tell the difference. It keeps all state in memory:
 * process state is rebuilt from the database after a restart.
 */
@ApplicationScoped
public class EmbeddedEngine {

    private static final Logger LOG = Logger.getLogger(EmbeddedEngine.class);

    private final EngineSettings settings;
    private ZeebeTestEngine engine;
    private URI address;
    private int port;
    private Duration clockOffset = Duration.ZERO;
    private String generation;

    /** An engine the launcher started while PostgreSQL and Quarkus boot; the first {@link #address()} takes it. */
    private static volatile java.util.concurrent.CompletableFuture<Started> prestarted;

    /** {@code deployed}: process or decision id → version of the default models deployed ahead (empty when that failed). */
    private record Started(ZeebeTestEngine engine, int port, Map<String, Integer> deployed) {
    }

    /** What the launcher deployed ahead into the engine this bean adopted; taken once by the model deployer. */
    private Map<String, Integer> deployedAhead = Map.of();

    /**
     * Starts the in-process engine on a thread of its own, so its second of start-up overlaps the boot
     * (called by the launcher in embedded mode only; tests and external mode never call it).
     */
    public static void prestart() {
        prestarted = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            int port = freePort();
            ZeebeTestEngine started = EngineFactory.create(port);
            started.start();
            return new Started(started, port, deployDefaultModels(started));
        }, task -> Thread.ofPlatform().name("engine-prestart").start(task));
    }

    /**
     * Deploys the default models ahead, as parsing them is most of the engine's start-up work; the model deployer
     * takes this deployment instead of making its own (see {@link #takeDeployedAhead}). A failure here only
     * costs the head start.
     */
    @SuppressWarnings("deprecation") // the engine's own client: the service's client does not exist yet
    private static Map<String, Integer> deployDefaultModels(ZeebeTestEngine started) {
        try (var client = started.createClient()) {
            io.camunda.zeebe.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
            for (String model : EngineSettings.DEFAULT_MODELS.split(",")) {
                try (var in = EmbeddedEngine.class.getClassLoader().getResourceAsStream("bpmn/" + model)) {
                    if (in == null) {
                        return Map.of();
                    }
                    byte[] bytes = in.readAllBytes();
                    step = step == null ? client.newDeployResourceCommand().addResourceBytes(bytes, model) : step.addResourceBytes(bytes, model);
                }
            }
            var deployment = step.send().join();
            Map<String, Integer> versions = new java.util.LinkedHashMap<>();
            deployment.getProcesses().forEach(p -> versions.put(p.getBpmnProcessId(), p.getVersion()));
            deployment.getDecisions().forEach(d -> versions.put(d.getDmnDecisionId(), d.getVersion()));
            return versions;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Deploying ahead failed (%s): the service deploys at start as usual", e.toString());
            return Map.of();
        }
    }

    /**
     * The versions deployed ahead when they are exactly the {@code models} the service would deploy now (its
     * own deployment would only parse them again to find them unchanged); empty otherwise. Once.
     */
    synchronized Optional<Map<String, Integer>> takeDeployedAhead(java.util.Collection<String> models) {
        Map<String, Integer> ahead = deployedAhead;
        deployedAhead = Map.of();
        boolean same = !ahead.isEmpty() && String.join(",", models).equals(EngineSettings.DEFAULT_MODELS);
        return same ? Optional.of(ahead) : Optional.empty();
    }

    EmbeddedEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.mode() == EngineSettings.Mode.EMBEDDED;
    }

    /** The gateway address, starting the engine on first use. Empty in external mode. */
    public synchronized Optional<URI> address() {
        if (!enabled()) {
            return Optional.empty();
        }
        if (engine == null && port == 0 && prestarted != null) {
            adoptPrestarted();
        }
        if (engine == null) {
            long started = System.nanoTime();
            port = port == 0 ? freePort() : port; // a fresh engine after a recycle takes the same port: the client reconnects
            use(EngineFactory.create(port), port);
            engine.start();
            if (!clockOffset.isZero()) {
                engine.increaseTime(clockOffset); // the new engine keeps the time the old one had reached
            }
            LOG.infof("In-process Zeebe engine on port %d in %d ms", port, (System.nanoTime() - started) / 1_000_000);
        }
        return Optional.of(address);
    }

    private void adoptPrestarted() {
        try {
            Started started = prestarted.join();
            use(started.engine(), started.port());
            deployedAhead = started.deployed();
            LOG.infof("In-process Zeebe engine on port %d (started beside the boot)", port);
        } catch (RuntimeException e) {
            LOG.warnf("The engine started beside the boot failed (%s): starting it now", e.toString());
        } finally {
            prestarted = null;
        }
    }

    /** Every engine, started here or beside the boot, is a new generation: its job keys start again. */
    private void use(ZeebeTestEngine started, int onPort) {
        engine = started;
        port = onPort;
        generation = java.util.UUID.randomUUID().toString();
        address = URI.create("http://localhost:" + onPort);
    }

    /**
     * Stops the engine and forgets everything it held (the first half of a recycle; tests also use it to play an
     * engine outage). The next {@link #address()} starts a fresh one on the same port.
     */
    public synchronized void stopEngine() {
        if (engine != null) {
            engine.stop();
            engine = null;
        }
    }

    /**
     * How many records the engine's log holds: what its memory grows with, as it never compacts. Read as the
     * position at the end of the log (one per record). Not through {@code getRecordStreamSource()}: that copies
     * every record into a list of its own and keeps it, doubling what it should measure. The engine does not
     * expose its log stream, so it is read from its field; pinned engine version, checked by a test.
     */
    public synchronized long recordCount() {
        if (engine == null) {
            return 0;
        }
        try {
            Field field = engine.getClass().getDeclaredField("logStream");
            field.setAccessible(true);
            try (LogStreamReader reader = ((LogStream) field.get(engine)).newLogStreamReader()) {
                return Math.max(0, reader.seekToEnd());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("The in-process engine's log cannot be measured (engine version changed?)", e);
        }
    }

    /** The engine started last (kept while it is stopped): its job keys mean nothing to the next one. */
    synchronized String generation() {
        if (generation == null) {
            address();
        }
        return generation;
    }

    /** Moves the engine's clock: timers fire as if the time had passed (tests and demos). */
    public synchronized void increaseTime(Duration duration) {
        requireEngine().increaseTime(duration);
        clockOffset = clockOffset.plus(duration);
    }

    /** The engine's time: the wall clock plus every {@link #increaseTime} so far. */
    public synchronized java.time.Instant now() {
        return java.time.Instant.now().plus(clockOffset);
    }

    synchronized ZeebeTestEngine requireEngine() {
        address();
        if (engine == null) {
            throw new IllegalStateException("The engine is external: its clock is not ours to move");
        }
        return engine;
    }

    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        stopEngine();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
