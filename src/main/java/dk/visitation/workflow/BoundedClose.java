package dk.visitation.workflow;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Closes an engine resource without letting it hold up a shutdown. Seen here: after the
 * in-process engine went away under open job streams, the Camunda client (8.9.0) kept a stream's lock on
 * an idle thread, and closing that worker then waited forever. A stream that cannot take its lock cannot
 * open again either, so abandoning it after a while is safe; a pod that never stops is not.
 */
final class BoundedClose {

    private static final Logger LOG = Logger.getLogger(BoundedClose.class);

    private BoundedClose() {
    }

    /** Runs {@code close} on a daemon thread and waits at most {@code limit} for it. */
    static void within(Duration limit, String what, Runnable close) {
        Thread closing = Thread.ofPlatform().daemon().name("close-" + what).start(() -> {
            try {
                close.run();
            } catch (RuntimeException e) {
                LOG.warnf("Closing %s failed: %s", what, e.toString());
            }
        });
        try {
            if (!closing.join(limit)) {
                LOG.warnf("Closing %s did not finish within %s: left behind", what, limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
