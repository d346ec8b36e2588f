package dk.visitation.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once, not on every request: the RS256 check and the claims' parsing were a third
 * of a case read's time (bench/RESULTS.md). Keyed by the exact token text, so only the same signed bytes are
 * served from here, and only until the token's own expiry; a token that fails verification is never kept.
 * Bounded: past {@link #MAX_TOKENS} the cache starts afresh.
 */
@Decorator
@Priority(10)
abstract class VerifiedTokens implements JWTParser {

    static final int MAX_TOKENS = 10_000;

    private final ConcurrentMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && known.getExpirationTime() > Instant.now().getEpochSecond()) {
            return known;
        }
        JsonWebToken fresh = parser.parse(token); // throws for a bad signature, issuer, audience or an expired token
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, fresh);
        return fresh;
    }
}
