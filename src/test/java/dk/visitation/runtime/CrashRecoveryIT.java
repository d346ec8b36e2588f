package dk.visitation.runtime;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Visitation;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed between a database commit and the engine command that should follow it
 * (the outbox's fault hook halts the JVM), then started again: nothing committed is lost and nothing is
 * done twice. The case is also restarted once in the middle of its handover, so the handover is rebuilt
 * from the database before the crash.
 */
class CrashRecoveryIT {

    private static final String CPR = "1204164321";

    @Test
    void a_service_killed_after_the_receiving_department_accepted_completes_the_handover_with_one_payment_switch() throws Exception {
        Path data = Files.createTempDirectory("visitation-crash");
        String caseId;
        try (ServiceProcess service = ServiceProcess.start(data)) {
            Tokens tokens = new Tokens(service);
            // the receiving adviser must be an active adviser of CBA in the register
            tokens.leader().contentType(ContentType.JSON).body(Map.of("userId", "carl.cba", "name", "Carl Christensen", "department", "CBA",
                    "fte", 1, "caseloadKind", "DISABILITY", "activeFrom", "2020-01-01")).post("/advisers").then().statusCode(201);
            caseId = tokens.myn().contentType(ContentType.JSON).body(Map.of("child", Map.of("cpr", CPR, "name", "Ida Holm"),
                            "source", "HOSPITAL", "receivedAt", "2026-11-20T09:30:00+01:00",
                            "description", "Regionshospitalet Randers: betydelig og varig nedsat funktionsevne."))
                    .post("/cases").then().statusCode(201).extract().path("id");
            String assess = tokens.awaitTask(caseId, "assess-target-group");
            tokens.myn().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment")
                    .then().statusCode(200);
            tokens.myn().contentType(ContentType.JSON).body(Map.of("outcome", "QUICK_SCREEN_CBA"))
                    .post("/tasks/" + assess + "/complete").then().statusCode(200);
            String summary = tokens.awaitTask(caseId, "write-handover-summary");
            tokens.myn().contentType(ContentType.JSON).body(Map.of("lastInvestigationOn", "2026-10-01",
                            "lastMeetingOn", "2026-11-15", "agreements", "Aflastning hver anden weekend."))
                    .post("/tasks/" + summary + "/complete").then().statusCode(200);
            tokens.awaitTask(caseId, "receive-case");
        }

        // a restart in the middle of the handover; then the service dies right after CBA accepts the case
        try (ServiceProcess service = ServiceProcess.start(data, "-Dvisitation.engine.outbox.halt-before=COMPLETE_JOB")) {
            Tokens tokens = new Tokens(service);
            String receive = tokens.awaitTask(caseId, "receive-case");
            try {
                tokens.cba().contentType(ContentType.JSON).body(Map.of("receivingAdviser", "carl.cba", "effectiveDate", "2026-12-01"))
                        .post("/tasks/" + receive + "/complete").then().statusCode(200);
            } catch (Exception e) {
                if (!(e instanceof org.apache.http.NoHttpResponseException)) {
                    throw e;
                } // the commit happened; the publisher woke by it and the hook killed the service before the answer left
            }
            assertEquals(137, service.awaitDeath(Duration.ofSeconds(30)), "the fault hook killed the service");
        }

        try (ServiceProcess service = ServiceProcess.start(data)) {
            Tokens tokens = new Tokens(service);
            String id = caseId;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> tokens.cba().get("/cases/" + id).then()
                    .statusCode(200).body("status", equalTo("HANDED_OVER")).body("department", equalTo("CBA")));
            tokens.cba().get("/cases/" + caseId + "/payment-responsibility").then().statusCode(200)
                    .body("periods.department", contains("MYN", "CBA"))
                    .body("periods[1].from", equalTo("2026-12-01"));
            List<String> history = tokens.cba().get("/cases/" + caseId + "/history").then().extract().path("status");
            assertEquals(1, history.stream().filter("HANDED_OVER"::equals).count(), "handed over once: " + history);
            List<String> open = tokens.leader().queryParam("caseId", caseId).get("/tasks").then().statusCode(200)
                    .extract().path("items.elementId");
            assertEquals(List.of("review-cost-consequence"), open, "only the economy track's one review is left to do");
        }
    }

    /** Tokens of the service's development issuer, and the task lookup the advisers' front end does. */
    private record Tokens(ServiceProcess service, String mynToken, String cbaToken, String leaderToken) {

        Tokens(ServiceProcess service) throws Exception {
            this(service, service.token("MYN_ADVISER", "MYN"), service.token("CBA_ADVISER", "CBA"), service.token("LEADER"));
        }

        RequestSpecification myn() {
            return as(mynToken);
        }

        RequestSpecification cba() {
            return as(cbaToken);
        }

        RequestSpecification leader() {
            return as(leaderToken);
        }

        private RequestSpecification as(String token) {
            return given().baseUri(service.uri("").toString()).auth().oauth2(token);
        }

        String awaitTask(String caseId, String elementId) {
            return await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<Map<String, Object>> items = leader().queryParam("caseId", caseId).get("/tasks").then().statusCode(200)
                        .extract().path("items");
                return items.stream().filter(t -> elementId.equals(t.get("elementId"))).map(t -> (String) t.get("id"))
                        .findFirst().orElse(null);
            }, id -> id != null);
        }
    }
}
