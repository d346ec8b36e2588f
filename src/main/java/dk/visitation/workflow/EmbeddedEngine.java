package dk.visitation.workflow;

import dk.visitation.workflow.engine.InProcessEngine;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The in-process Zeebe engine of embedded mode ({@code InProcessEngine}: the engine's processors on a
 * prefix-seeking state store and a log bounded by its readers, so its memory follows the open work). It
 * serves the same gRPC gateway protocol as a cluster, so the rest of the service cannot tell the
 * difference. It keeps all state in memory: after a restart the process state is rebuilt from the database,
 * in a fresh engine — a new {@linkplain #generation() generation}, whose job keys start again.
 *
 * <p>The engine is reached only through {@link LocalEngine}, and only after {@link EngineJars} found its jars:
 * the production build leaves them out (licence), and embedded mode then refuses to start, saying why.
 */
@ApplicationScoped
public class EmbeddedEngine {

    private static final Logger LOG = Logger.getLogger(EmbeddedEngine.class);

    private final EngineSettings settings;
    private LocalEngine engine;
    private URI address;
    private Duration clockOffset = Duration.ZERO;
    private String generation;

    /** An engine the launcher started while PostgreSQL and Quarkus boot; the first {@link #address()} takes it. */
    private static volatile CompletableFuture<Started> prestarted;

    /** {@code deployed}: process or decision id → version of the default models deployed ahead (empty when that failed). */
    private record Started(LocalEngine engine, Map<String, Integer> deployed) {
    }

    /** What the launcher deployed ahead into the engine this bean adopted; taken once by the model deployer. */
    private Map<String, Integer> deployedAhead = Map.of();

    /**
     * Starts the in-process engine on a thread of its own, so its second of start-up overlaps the boot
     * (called by the launcher in embedded mode only; tests and external mode never call it). Without the
     * engine's jars it does nothing: the service's start then refuses embedded mode with the reason.
     */
    public static void prestart(boolean keepFullLog) {
        if (!EngineJars.present(EmbeddedEngine.class.getClassLoader())) {
            return;
        }
        prestarted = CompletableFuture.supplyAsync(() -> {
            LocalEngine started = InProcessEngine.start(freePort(), keepFullLog);
            return new Started(started, deployDefaultModels(started));
        }, task -> Thread.ofPlatform().name("engine-prestart").start(task));
    }

    /**
     * Deploys the default models ahead, as parsing them is most of the engine's start-up work; the model deployer
     * takes this deployment instead of making its own (see {@link #takeDeployedAhead}). A failure here only
     * costs the head start.
     */
    private static Map<String, Integer> deployDefaultModels(LocalEngine started) {
        try {
            Map<String, byte[]> models = new LinkedHashMap<>();
            for (String model : EngineSettings.DEFAULT_MODELS.split(",")) {
                try (var in = EmbeddedEngine.class.getClassLoader().getResourceAsStream("bpmn/" + model)) {
                    if (in == null) {
                        return Map.of();
                    }
                    models.put(model, in.readAllBytes());
                }
            }
            return started.deploy(models);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Deploying ahead failed (%s): the service deploys at start as usual", e.toString());
            return Map.of();
        }
    }

    /**
     * The versions deployed ahead when they are exactly the {@code models} the service would deploy now (its
     * own deployment would only parse them again to find them unchanged); empty otherwise. Once.
     */
    synchronized Optional<Map<String, Integer>> takeDeployedAhead(Collection<String> models) {
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
        if (engine == null && prestarted != null) {
            adoptPrestarted();
        }
        if (engine == null) {
            EngineJars.require(EmbeddedEngine.class.getClassLoader());
            long started = System.nanoTime();
            use(InProcessEngine.start(freePort(), settings.keepFullLog()));
            LOG.infof("In-process Zeebe engine on port %d in %d ms", engine.port(), (System.nanoTime() - started) / 1_000_000);
        }
        return Optional.of(address);
    }

    private void adoptPrestarted() {
        try {
            Started started = prestarted.join();
            use(started.engine());
            deployedAhead = started.deployed();
            LOG.infof("In-process Zeebe engine on port %d (started beside the boot)", engine.port());
        } catch (RuntimeException e) {
            LOG.warnf("The engine started beside the boot failed (%s): starting it now", e.toString());
        } finally {
            prestarted = null;
        }
    }

    /** Every engine is a new generation: its job keys start again. */
    private void use(LocalEngine started) {
        engine = started;
        generation = java.util.UUID.randomUUID().toString();
        address = URI.create("http://localhost:" + started.port());
    }

    /** The engine, started on first use; fails in external mode. */
    public synchronized LocalEngine requireEngine() {
        address();
        if (engine == null) {
            throw new IllegalStateException("The engine is external: it is not ours to look into or move");
        }
        return engine;
    }

    /** How many records the engine has written since it started: read from its log storage, no reader opened. */
    public synchronized long recordCount() {
        return engine == null ? 0 : engine.recordCount();
    }

    /** The engine started last: its job keys mean nothing to the next one (after a restart). */
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

    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        synchronized (this) {
            if (engine != null) {
                engine.stop();
                engine = null;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
