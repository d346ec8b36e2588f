package dk.visitation.workflow;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.visitation.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readiness_includes_the_database_and_the_process_engine() {
        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("process-engine"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void a_stuck_outbox_command_makes_the_service_degraded_but_still_ready() {
        when().get("/q/health/ready").then().body("checks.find { it.name == 'outbox' }.data.state", equalTo("ok"));
        java.util.UUID stuck = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> OutboxCommand.getEntityManager().createNativeQuery("""
                        insert into outbox_command (id, kind, message_name, correlation_key, message_id, variables, status,
                                                    attempts, next_attempt_at, last_error, created_at)
                        values (:id, 'PUBLISH_MESSAGE', 'operations.probe', 'x', :id, '{}', 'PENDING', 7,
                                now() + interval '1 hour', 'UNAVAILABLE: the engine does not answer', now() - interval '10 minutes')""")
                .setParameter("id", stuck).executeUpdate());
        try {
            when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.state", equalTo("degraded"))
                    .body("checks.find { it.name == 'outbox' }.data.stuck", equalTo(1));
            as(Tokens.of("prometheus", Set.of("SYSTEM"), Set.of())).get("/q/metrics").then()
                    .body(containsString("visitation_outbox_stuck 1.0"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxCommand.deleteById(stuck));
        }
        when().get("/q/health/ready").then().body("checks.find { it.name == 'outbox' }.data.state", equalTo("ok"));
    }

    @Test
    void metrics_need_a_scraper_identity() {
        when().get("/q/metrics").then().statusCode(401);
        as(Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"))).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void liveness_and_startup_are_up() {
        when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheus_metrics_show_the_outbox_and_http_traffic() {
        given().get("/cases").then().statusCode(200);
        as(Tokens.of("prometheus", Set.of("SYSTEM"), Set.of())).get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("visitation_outbox_pending"))
                .body(containsString("visitation_outbox_oldest_pending_seconds"))
                .body(containsString("http_server_requests"));
    }
}
