package dk.visitation.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Instant;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A verified token is remembered only for its own lifetime (and the clock skew), and only as the exact text verified. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    /** A token that expires at {@code expiresAt} (epoch seconds). */
    private static String token(long expiresAt) {
        return Jwt.issuer(DevIdentityKeys.ISSUER).audience(DevIdentityKeys.AUDIENCE).upn("kort.levetid")
                .groups(Set.of("LEADER")).claim(Caller.DEPARTMENTS_CLAIM, List.of("MYN"))
                .issuedAt(expiresAt - 600).expiresAt(expiresAt).sign();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void a_token_is_verified_once_and_then_answered_from_the_cache() throws Exception {
        String valid = token(now() + 300);
        assertSame(parser.parse(valid), parser.parse(valid));
    }

    @Test
    void a_token_answered_from_the_cache_is_refused_once_it_has_expired() {
        // expired 57 s ago: smallrye-jwt still accepts it for the 60 s clock skew it allows by default, 3 s more
        String shortLived = token(now() - 57);
        given().auth().oauth2(shortLived).get("/cases?size=1").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/cases?size=1").then().statusCode(200); // the remembered verification
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(shortLived).get("/cases?size=1").then().statusCode(401));
    }

    @Test
    void a_verified_token_with_one_character_changed_is_verified_afresh_and_refused() {
        String valid = token(now() + 300);
        given().auth().oauth2(valid).get("/cases?size=1").then().statusCode(200);
        int at = valid.length() - 10; // inside the signature (its last character carries padding bits only)
        String tampered = valid.substring(0, at) + (valid.charAt(at) == 'A' ? 'B' : 'A') + valid.substring(at + 1);
        given().auth().oauth2(tampered).get("/cases?size=1").then().statusCode(401);
    }
}
