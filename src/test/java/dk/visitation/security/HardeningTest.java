package dk.visitation.security;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.newCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HardeningTest {

    @Test
    void api_answers_carry_security_headers_and_no_server_banner() {
        given().get("/cases").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'none'"))
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue());
    }

    @Test
    void cors_allows_only_the_configured_origin() {
        RestAssured.given().header("Origin", "https://sag.example.dk").header("Access-Control-Request-Method", "GET")
                .options("/cases").then().header("Access-Control-Allow-Origin", "https://sag.example.dk");
        RestAssured.given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/cases").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_and_creates_nothing() {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("description", "x".repeat(300 * 1024));
        given().contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void a_system_caller_over_its_rate_gets_429_with_retry_after_and_people_are_not_limited() {
        String system = Tokens.of("notification-portal-" + UUID.randomUUID(), Set.of(Role.SYSTEM), Set.of("MYN"));
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            var response = as(system).contentType(ContentType.JSON).body(Map.of()).post("/cases");
            if (response.statusCode() == 429) {
                limited++;
                assertEquals("application/problem+json", response.contentType());
                assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
            } else {
                assertEquals(400, response.statusCode()); // the empty body is refused: nothing is created
            }
        }
        assertTrue(limited > 0, "the 30-request burst was exceeded");
        for (int i = 0; i < 60; i++) {
            given().get("/cases?size=1").then().statusCode(200);
        }
    }

    @Test
    void the_development_issuer_refuses_unknown_roles() {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("user", "x", "roles", java.util.List.of("ROOT"), "departments", java.util.List.of("MYN")))
                .post("/dev/tokens").then().statusCode(400).body("type", equalTo("urn:visitation:problem:validation"));
    }

    @Test
    void the_development_issuer_cannot_run_outside_embedded_mode() {
        DevIdentityGuard guard = new DevIdentityGuard();
        assertThrows(IllegalStateException.class, () -> guard.check(null, true, false, "embedded"));
        assertThrows(IllegalStateException.class, () -> guard.check(null, true, true, "external"));
        guard.check(null, true, true, "embedded");
        guard.check(null, false, false, "external");
    }

    @Test
    void wildcard_cors_origins_stop_the_start() {
        CorsGuard guard = new CorsGuard();
        assertThrows(IllegalStateException.class, () -> guard.check(null, java.util.Optional.of(java.util.List.of("*"))));
        guard.check(null, java.util.Optional.of(java.util.List.of("https://sag.randers.dk")));
    }
}
