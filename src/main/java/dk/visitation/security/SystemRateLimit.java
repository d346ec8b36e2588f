package dk.visitation.security;

import dk.visitation.common.Problem;
import dk.visitation.common.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per calling system (role SYSTEM): other municipal systems share the service with case
 * workers, so a runaway integration gets 429 instead of starving them. People are not limited.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class SystemRateLimit implements ContainerRequestFilter {

    @ConfigProperty(name = "visitation.rate-limit.system.per-second", defaultValue = "50")
    double perSecond;

    @ConfigProperty(name = "visitation.rate-limit.system.burst", defaultValue = "100")
    double burst;

    @Inject
    Caller caller;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || !caller.hasRole(Role.SYSTEM)) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(caller.user(), user -> new Bucket(burst));
        long waitMillis = bucket.take(perSecond, burst);
        if (waitMillis > 0) {
            request.abortWith(Response.fromResponse(Problem.of(ProblemType.TOO_MANY_REQUESTS,
                            "Rate limit of " + perSecond + " requests per second for systems", null, List.of()).toResponse())
                    .header("Retry-After", Math.max(1, (waitMillis + 999) / 1000))
                    .build());
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** Takes one token; 0 when granted, else the milliseconds until one is free. */
        synchronized long take(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }
    }
}
