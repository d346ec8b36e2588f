package dk.visitation.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Requests that no REST resource takes, and failures below the REST layer (e.g. a body over the size
 * limit), still get problem+json rather than the HTTP server's plain text.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    private static final Logger LOG = Logger.getLogger(UnmatchedRoutes.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;

    UnmatchedRoutes(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBody) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        // ahead of the body handler, which would answer an oversized body with a bare 413
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBodyBytes) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most " + maxBodyBytes + " bytes");
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MAX_VALUE - 1).handler(ctx -> write(ctx, ProblemType.NOT_FOUND,
                "No resource at " + ctx.normalizedPath()));
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.failure() instanceof ForbiddenException ? 403
                    : ctx.failure() instanceof UnauthorizedException || ctx.failure() instanceof AuthenticationFailedException ? 401
                    : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.error("Request failed below the REST layer", ctx.failure());
            }
            ProblemType kind = ProblemType.forStatus(status);
            write(ctx, kind, kind.title());
        });
    }

    private void write(RoutingContext ctx, ProblemType kind, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().setStatusCode(kind.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(kind, detail, ctx.normalizedPath(), List.of())));
        } catch (Exception e) {
            ctx.response().setStatusCode(kind.status()).end();
        }
    }
}
