package dk.visitation.webhooks;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are delivered. The retry schedule of one delivery: {@code backoff-base} doubling per failed attempt, each wait
 * at most {@code backoff-max}, until {@code retry-period} after its first attempt; then it is FAILED. A subscription whose
 * attempts fail {@code pause-after-failures} times in a row is PAUSED; its receiver is tried with the same doubling wait
 * between failures, so a dead receiver costs one attempt per step, not one per waiting event.
 */
@Singleton // not a client proxy: its fields are read directly
public class WebhookSettings {

    final Duration backoffBase;
    final Duration backoffMax;
    volatile Duration retryPeriod;
    volatile int pauseAfterFailures;
    final Duration connectTimeout;
    final Duration readTimeout;
    final int batch;
    final List<String> allowedHosts;

    WebhookSettings(@ConfigProperty(name = "visitation.webhooks.backoff-base", defaultValue = "PT5S") Duration backoffBase,
            @ConfigProperty(name = "visitation.webhooks.backoff-max", defaultValue = "PT1H") Duration backoffMax,
            @ConfigProperty(name = "visitation.webhooks.retry-period", defaultValue = "PT24H") Duration retryPeriod,
            @ConfigProperty(name = "visitation.webhooks.pause-after-failures", defaultValue = "15") int pauseAfterFailures,
            @ConfigProperty(name = "visitation.webhooks.connect-timeout", defaultValue = "PT2S") Duration connectTimeout,
            @ConfigProperty(name = "visitation.webhooks.read-timeout", defaultValue = "PT10S") Duration readTimeout,
            @ConfigProperty(name = "visitation.webhooks.batch", defaultValue = "20") int batch,
            @ConfigProperty(name = "visitation.webhooks.allowed-hosts", defaultValue = "*") String allowedHosts) {
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.retryPeriod = retryPeriod;
        this.pauseAfterFailures = pauseAfterFailures;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.batch = batch;
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * For tests in this package: another retry period and pause threshold until the returned handle is closed, so the end of
     * the retry schedule can be watched without a second application start (the suite keeps one Quarkus start).
     */
    AutoCloseable override(Duration retryPeriod, int pauseAfterFailures) {
        Duration period = this.retryPeriod;
        int pause = this.pauseAfterFailures;
        this.retryPeriod = retryPeriod;
        this.pauseAfterFailures = pauseAfterFailures;
        return () -> {
            this.retryPeriod = period;
            this.pauseAfterFailures = pause;
        };
    }

    /** The wait after the {@code failures}-th failure in a row: base · 2^(failures-1), at most the maximum. */
    Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = backoffBase.multipliedBy(1L << doublings);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    /** How long a dispatcher holds a batch it took: every call of it timing out, and a margin. */
    Duration lease() {
        return connectTimeout.plus(readTimeout).multipliedBy(batch).plusSeconds(30);
    }

    /** Receivers may be only on these hosts ("*": any), so a subscription cannot point the service at just any address. */
    boolean hostAllowed(URI url) {
        return allowedHosts.contains("*") || (url.getHost() != null && allowedHosts.contains(url.getHost().toLowerCase(Locale.ROOT)));
    }
}
