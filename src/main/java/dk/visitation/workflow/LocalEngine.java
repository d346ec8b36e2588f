package dk.visitation.workflow;

import java.time.Duration;
import java.util.Map;

/**
 * The in-process engine as the rest of the service sees it: no engine type appears here, so this package
 * loads in a build without the engine jars (see {@link EngineJars}). The one implementation is
 * {@code dk.visitation.workflow.engine.InProcessEngine}.
 */
public interface LocalEngine {

    int port();

    void stop();

    /** Moves the engine's clock: due timers fire. */
    void increaseTime(Duration duration);

    /** Records the engine has written since it started (the position at the end of its log; no reader opened). */
    long recordCount();

    /** Blocks its log keeps now: bounded by what the stream processor has not yet processed. */
    int logBlocks();

    /** Entries in its state store: grows with open work, not with work done. */
    int stateEntries();

    /** Deploys the models (name → bytes) with the engine's own client; process or decision id → version. */
    Map<String, Integer> deploy(Map<String, byte[]> models);
}
