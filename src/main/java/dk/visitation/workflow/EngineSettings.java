package dk.visitation.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the service reaches its process engine: in-process (default) or a Camunda 8 cluster. */
@ConfigMapping(prefix = "visitation.engine")
public interface EngineSettings {

    enum Mode { EMBEDDED, EXTERNAL }

    /** {@code embedded} starts the in-process engine; {@code external} connects to a cluster. */
    @WithDefault("embedded")
    Mode mode();

    /** gRPC gateway of the cluster, e.g. {@code http://zeebe-gateway:26500} (external mode). */
    Optional<URI> grpcAddress();

    /** REST gateway of the cluster, e.g. {@code http://zeebe-gateway:8080} (external mode). */
    Optional<URI> restAddress();

    /** OAuth client credentials for a secured cluster; all four or none. */
    Optional<String> clientId();

    Optional<String> clientSecret();

    Optional<URI> authorizationServerUrl();

    Optional<String> tokenAudience();

    String DEFAULT_MODELS = "visitation.bpmn,committee-meeting.bpmn,handover.bpmn,economy-track.bpmn,settlement.bpmn,deadline-watch.bpmn,placement.bpmn,target-group.dmn";

    /** The models under bpmn/ deployed at start; the engine keeps unchanged ones at their version. */
    @WithDefault(DEFAULT_MODELS)
    List<String> models();

    /** How long a service-task job stays with one worker before the engine hands it out again. */
    @WithDefault("PT5M")
    Duration jobTimeout();

    /**
     * Threads that run job handlers. Two jobs of one case take the case's {@link JobLock} and run in turn; jobs of
     * different cases run at once, which is what rebuilding thousands of open cases after a restart needs.
     */
    @WithDefault("4")
    int jobThreads();

    /**
     * Job completions (and failures, errors) sent and not yet answered. Handlers do not wait for the answer, but
     * beyond this many they wait for a permit: without the bound a busy engine's queue grew past the request
     * deadline, and each completion that timed out left its job to come again only after the job timeout.
     */
    @WithDefault("32")
    int unansweredCommands();

    /** Wait before the engine hands out a failed job again (its retries count down to an incident). */
    @WithDefault("PT5S")
    Duration retryBackoff();

    /** Time to live of published messages; also the window in which a repeated message id is refused. */
    @WithDefault("PT1H")
    Duration messageTimeToLive();

    /** Outbox publishing. */
    Outbox outbox();

    /**
     * Embedded mode: keep every record of the in-process engine's log (and its record stream, which tests read
     * to assert process paths) instead of dropping what the engine has processed. Memory then grows with work
     * done (~25–70 KB a case): for tests only.
     */
    @WithDefault("false")
    boolean keepFullLog();

    interface Outbox {
        /** How often the publisher looks for due commands when nothing woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Commands sent per round. */
        @WithDefault("200")
        int batchSize();

        /** Backoff after a failed send: doubles per attempt up to the maximum. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** A command pending longer than this is stuck: metrics count it and readiness says "degraded". */
        @WithDefault("PT2M")
        Duration stuckAfter();

        /**
         * Fault injection for the crash tests: halt the JVM, as a kill would, just before the first command
         * of this kind (e.g. COMPLETE_JOB) or message name is sent, after its business transaction committed.
         * Never set in production.
         */
        java.util.Optional<String> haltBefore();
    }
}
