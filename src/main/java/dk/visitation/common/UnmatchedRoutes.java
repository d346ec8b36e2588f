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
 *
 * <p>The same for a request line or headers over their limits: the HTTP codec would refuse those with a
 * bare 414 or 431 (no body, no media type) before any handler sees the request, and Quarkus offers no hook
 * into that. So the codec's own limits are set well above ours ({@code quarkus.http.limits.*}, 64 KB) and
 * ours ({@code visitation.http.max-request-line}, {@code visitation.http.max-header-size}: the Quarkus
 * defaults, 4096 bytes and 20 KB) are checked here, first of all, with a problem as the answer. Only a
 * request past the codec's 64 KB is still refused bare.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    private static final Logger LOG = Logger.getLogger(UnmatchedRoutes.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final long bulkBodyBytes;
    private final java.util.Set<String> bulkPaths;
    private final int maxRequestLine;
    private final long maxHeaderBytes;

    UnmatchedRoutes(ObjectMapper json,
            @ConfigProperty(name = "visitation.http.max-body-size", defaultValue = "256K") MemorySize maxBody,
            @ConfigProperty(name = "visitation.http.bulk-body-size", defaultValue = "32M") MemorySize bulkBody,
            @ConfigProperty(name = "visitation.http.bulk-paths", defaultValue = "/imports") java.util.Set<String> bulkPaths,
            @ConfigProperty(name = "visitation.http.max-request-line", defaultValue = "4096") int maxRequestLine,
            @ConfigProperty(name = "visitation.http.max-header-size", defaultValue = "20K") MemorySize maxHeaders) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
        this.bulkBodyBytes = bulkBody.asLongValue();
        this.bulkPaths = bulkPaths;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaders.asLongValue();
    }

    void install(@Observes Router router) {
        // before everything else, as the codec would have: a request line or headers over our limits
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            // "GET /path?query HTTP/1.1": method, two spaces and the 8 characters of the version
            int requestLine = ctx.request().method().name().length() + ctx.request().uri().length() + 10;
            if (requestLine > maxRequestLine) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, ProblemType.URI_TOO_LONG, "The request line may be at most " + maxRequestLine
                        + " bytes; send long criteria in a body (e.g. POST /cases/search)", "");
                return;
            }
            long headerBytes = 0;
            for (var header : ctx.request().headers()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
            }
            if (headerBytes > maxHeaderBytes) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, ProblemType.HEADERS_TOO_LARGE, "The request headers may be at most " + maxHeaderBytes
                        + " bytes together", ctx.normalizedPath());
                return;
            }
            ctx.next();
        });
        // ahead of the body handler, which would answer an oversized body with a bare 413; the body handler's own limit
        // (quarkus.http.limits.max-body-size) is the bulk one, which a body of no stated length meets
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = bulkPaths.contains(ctx.normalizedPath()) ? bulkBodyBytes : maxBodyBytes;
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > limit) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most " + limit + " bytes");
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
        write(ctx, kind, detail, ctx.normalizedPath());
    }

    private void write(RoutingContext ctx, ProblemType kind, String detail, String instance) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().setStatusCode(kind.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(kind, detail, instance.isEmpty() ? null : instance, List.of())));
        } catch (Exception e) {
            ctx.response().setStatusCode(kind.status()).end();
        }
    }
}
