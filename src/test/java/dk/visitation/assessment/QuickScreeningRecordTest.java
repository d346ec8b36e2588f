package dk.visitation.assessment;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 11, item 10 (a, c): the database knows a quick screening the moment it is concluded, and where the case is. */
@QuarkusTest
class QuickScreeningRecordTest {

    @Inject
    EmbeddedEngine engine;

    @Inject
    AssessmentService assessments;

    @Test
    void a_case_concluded_as_quick_screening_is_quick_screened_before_any_worker_runs_and_takes_no_new_draft() {
        UUID caseId = registerCase(freshCpr());
        Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then().statusCode(200);

        // the conclusion as the task's form makes it, with nothing sent to the engine: no worker can have run
        QuarkusTransaction.requiringNew().run(() -> assessments.conclude(caseId, Assessment.Outcome.QUICK_SCREEN_CBA, null,
                "test.adviser"));

        given().get("/cases/" + caseId).then().body("status", equalTo("QUICK_SCREENED"));
        given().contentType(ContentType.JSON).body(Visitation.greyZone()).put("/cases/" + caseId + "/assessment").then()
                .statusCode(409).contentType("application/problem+json").body("type", equalTo("urn:visitation:problem:conflict"));
        given().get("/cases/" + caseId + "/assessment").then().body("outcome", equalTo("QUICK_SCREEN_CBA"));
        given().get("/cases/" + caseId + "/handover").then().statusCode(200).body("toDepartment", equalTo("CBA"));
    }

    @Test
    void a_case_registered_in_CBA_and_quick_screened_stays_in_CBA_without_a_handover_to_itself() {
        Map<String, Object> body = new HashMap<>(Api.newCase(freshCpr()));
        body.put("department", "CBA");
        UUID caseId = UUID.fromString(Api.register(body).statusCode(201).extract().path("id"));
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA"));

        Visitation.awaitStatus(caseId, "QUICK_SCREENED");
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(new EngineRecords(engine)
                .elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("quick-screened")));
        given().get("/cases/" + caseId + "/handover").then().statusCode(404);
        given().get("/cases/" + caseId).then().body("department", equalTo("CBA"));
        List<String> open = Api.as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then().extract()
                .path("items.elementId");
        assertTrue(open.isEmpty(), "no handover task for a case already in CBA: " + open);
    }
}
