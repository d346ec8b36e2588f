package dk.visitation.webhooks;

import static dk.visitation.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retry schedule ends: with a retry period of a second, a receiver that always fails makes the delivery FAILED. */
@QuarkusTest
class WebhookRetryPeriodTest {

    @Inject
    WebhookSettings settings;

    @Test
    void a_delivery_that_keeps_failing_is_failed_after_the_retry_period_and_can_be_redelivered() throws Exception {
        var system = Tokens.of("hooks.period", Set.of("SYSTEM"), Set.of());
        // a period this short, and no pause to end it first
        try (Receiver receiver = new Receiver(); AutoCloseable shortPeriod = settings.override(Duration.ofSeconds(1), 1000)) {
            receiver.status.set(503);
            String hook = as(system).contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "eventTypes", List.of("case.registered")))
                    .post("/webhooks").then().statusCode(201).extract().path("id");
            UUID caseId = Api.registerCase(Api.freshCpr());
            Map<String, Object> failed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                List<Map<String, Object>> items = as(system).get("/webhooks/" + hook + "/deliveries").then().statusCode(200).extract().path("items");
                return items.stream().filter(d -> caseId.toString().equals(d.get("caseId"))).findFirst().orElse(null);
            }, d -> d != null && "FAILED".equals(d.get("status")));
            assertTrue((Integer) failed.get("attempts") >= 2, "retried before giving up: " + failed);
            assertEquals(503, failed.get("lastStatusCode"));
            assertNull(failed.get("nextAttemptAt"));
            as(system).get("/webhooks/" + hook).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));

            receiver.status.set(200);
            as(system).post("/webhooks/" + hook + "/deliveries/" + failed.get("id") + "/redeliver").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.about(caseId).isEmpty());
            String etag = as(system).get("/webhooks/" + hook).then().extract().header("ETag");
            as(system).header("If-Match", etag).delete("/webhooks/" + hook).then().statusCode(204);
        }
    }
}
