package dk.visitation.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readiness_includes_the_database_and_the_process_engine() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("process-engine"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void liveness_is_up() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheus_metrics_show_the_outbox_and_http_traffic() {
        given().get("/cases").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("visitation_outbox_pending"))
                .body(containsString("visitation_outbox_oldest_pending_seconds"))
                .body(containsString("http_server_requests"));
    }
}
