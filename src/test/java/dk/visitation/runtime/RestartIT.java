package dk.visitation.runtime;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in embedded mode, stopped and started again on the same data directory: the
 * case survives in PostgreSQL and its process is running again in the fresh engine.
 */
class RestartIT {

    @Test
    void a_restart_keeps_the_cases_and_brings_their_processes_back() throws Exception {
        Path data = Files.createTempDirectory("visitation-restart");
        String id;
        String firstInstance;
        String token;
        try (ServiceProcess service = ServiceProcess.start(data)) {
            report("first start", service);
            token = service.token("MYN_ADVISER", "MYN");
            id = given().baseUri(service.uri("").toString()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("child", Map.of("cpr", "1503154321", "name", "Emil Jensen"),
                            "source", "PARENTS", "receivedAt", "2026-11-20T09:30:00+01:00",
                            "description", "Forældrene beder om hjælp."))
                    .post("/cases").then().statusCode(201).extract().path("id");
            firstInstance = awaitProcess(service, id, token);
        }
        try (ServiceProcess service = ServiceProcess.start(data)) {
            report("restart", service);
            // the development issuer's keys are kept beside the data: a token from before still works
            given().baseUri(service.uri("").toString()).auth().oauth2(token).get("/cases/" + id).then()
                    .statusCode(200)
                    .body("child.cpr", equalTo("1503154321"))
                    .body("status", equalTo("AWAITING_ASSESSMENT"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(service.uri("").toString())
                    .auth().oauth2(token).get("/cases/" + id).then().body("processInstanceKey", not(equalTo(firstInstance))));
            given().baseUri(service.uri("").toString()).auth().oauth2(token).get("/cases/" + id + "/history").then()
                    .body("status", contains("RECEIVED", "AWAITING_ASSESSMENT"));
        }
    }

    private static String awaitProcess(ServiceProcess service, String id, String token) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(service.uri("").toString())
                .auth().oauth2(token).get("/cases/" + id).then().body("status", equalTo("AWAITING_ASSESSMENT")));
        return given().baseUri(service.uri("").toString()).auth().oauth2(token).get("/cases/" + id).then()
                .extract().path("processInstanceKey");
    }

    private static void report(String what, ServiceProcess service) throws Exception {
        long rss = service.rssKilobytes();
        System.out.printf("[footprint] %s: ready in %d ms, JVM RSS %d MB%n", what, service.readyMillis, rss / 1024);
        assertTrue(rss > 0);
    }
}
