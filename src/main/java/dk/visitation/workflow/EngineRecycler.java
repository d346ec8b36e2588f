package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Bounds the in-process engine's memory: it keeps its whole log and never frees it, so once the log passes
 * the configured size the engine is replaced by a fresh one and the open work is rebuilt from the database
 * — the same code as after a restart. Requests keep coming meanwhile: reads never touch the engine, and
 * writes wait in the outbox until the fresh engine is up. A task completed meanwhile reaches the rebuilt
 * step (see the task projector); nothing is asked twice.
 */
@ApplicationScoped
public class EngineRecycler {

    private static final Logger LOG = Logger.getLogger(EngineRecycler.class);

    private final EmbeddedEngine engine;
    private final EngineSettings settings;
    private final ModelDeployer deployer;
    private final JobWorkers workers;
    private final OutboxPublisher publisher;
    private final CamundaClient client;
    private final AtomicBoolean recycling = new AtomicBoolean();
    private final AtomicInteger recycles = new AtomicInteger();

    EngineRecycler(EmbeddedEngine engine, EngineSettings settings, ModelDeployer deployer, JobWorkers workers,
            OutboxPublisher publisher, CamundaClient client) {
        this.client = client;
        this.engine = engine;
        this.settings = settings;
        this.deployer = deployer;
        this.workers = workers;
        this.publisher = publisher;
    }

    @Scheduled(every = "{visitation.engine.recycle.check-every}", delayed = "{visitation.engine.recycle.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (engine.enabled()) {
            recycleAbove(settings.recycle().maxRecords());
        }
    }

    /** Recycles the engine when its log holds more than {@code maxRecords}; true when it did. */
    public boolean recycleAbove(long maxRecords) {
        long records = engine.recordCount();
        if (records <= maxRecords) {
            return false;
        }
        LOG.infof("The in-process engine's log holds %d records (limit %d): recycling it", records, maxRecords);
        recycle();
        return true;
    }

    /** Replaces the engine by a fresh one and rebuilds the open work in it. */
    public synchronized void recycle() {
        long started = System.nanoTime();
        recycling.set(true);
        try {
            publisher.pause();
            workers.close();
            workers.whileNoJobRuns(() -> {
                engine.stopEngine();
                engine.address(); // a fresh engine (a new generation) on the same port
            });
            awaitGateway();
            deployer.connect(); // deploy, rebuild from the database, open the workers and the outbox again
        } finally {
            recycling.set(false);
        }
        LOG.infof("Engine recycled (%d so far) in %d ms", recycles.incrementAndGet(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The client's channel may sit in a reconnect back-off from the moments the old engine was gone: wait for the new one. */
    private void awaitGateway() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long pause = 50;
        while (true) {
            try {
                client.newTopologyRequest().requestTimeout(Duration.ofSeconds(2)).send().join();
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The fresh engine did not answer within 30 s", notYet);
                }
                try {
                    Thread.sleep(pause); // back-off while the channel reconnects
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    /** True while a recycle runs: readiness stays up, as the service still answers. */
    public boolean recycling() {
        return recycling.get();
    }

    public int recycles() {
        return recycles.get();
    }
}
