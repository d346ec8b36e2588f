package dk.visitation.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Embedded mode: what the in-process engine holds, in {@code /q/metrics}. Its state grows with open work and
 * its log with work not yet processed; neither with work done — a level line on a dashboard.
 */
@ApplicationScoped
public class EngineMetrics {

    private final EmbeddedEngine engine;

    EngineMetrics(EmbeddedEngine engine) {
        this.engine = engine;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        if (!engine.enabled()) {
            return;
        }
        Gauge.builder("visitation.engine.records.written", engine, EmbeddedEngine::recordCount)
                .description("Records the in-process engine has written since it started").register(registry);
        Gauge.builder("visitation.engine.log.blocks", engine, e -> e.requireEngine().logBlocks())
                .description("Blocks the in-process engine's log keeps (what its stream processor has not yet passed)")
                .register(registry);
        Gauge.builder("visitation.engine.state.entries", engine, e -> e.requireEngine().stateEntries())
                .description("Entries in the in-process engine's state store (grows with open work)").register(registry);
    }
}
