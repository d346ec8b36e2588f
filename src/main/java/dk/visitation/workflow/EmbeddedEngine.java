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
        if (engine == null) {
            long started = System.nanoTime();
            port = port == 0 ? freePort() : port; // a fresh engine after a recycle takes the same port: the client reconnects
            engine = EngineFactory.create(port);
            engine.start();
            generation = java.util.UUID.randomUUID().toString();
            if (!clockOffset.isZero()) {
                engine.increaseTime(clockOffset); // the new engine keeps the time the old one had reached
            }
            address = URI.create("http://localhost:" + port);
            LOG.infof("In-process Zeebe engine on port %d in %d ms", port, (System.nanoTime() - started) / 1_000_000);
        }
        return Optional.of(address);
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
