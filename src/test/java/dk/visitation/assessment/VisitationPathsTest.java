package dk.visitation.assessment;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The paths of visitation.bpmn after the assessment, walked through the API as MYN's adviser walks them. */
@QuarkusTest
class VisitationPathsTest {

    @Inject
    EmbeddedEngine engine;

    @Test
    void an_obvious_cba_case_is_quick_screened_with_its_justification_and_skips_the_committee() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then()
                .statusCode(200)
                .body("recommendation", equalTo("QUICK_SCREEN_CBA"))
                .body("rule", equalTo("R07-quick-screening"))
                .body("outcome", nullValue());

        Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA"));

        Visitation.awaitStatus(caseId, "QUICK_SCREENED");
        assertEnded(caseId, "quick-screened");
        given().get("/cases/" + caseId + "/assessment").then()
                .body("outcome", equalTo("QUICK_SCREEN_CBA")).body("concludedBy", equalTo("test.adviser"));
        given().get("/cases/" + caseId + "/history").then().body("status", hasItem("QUICK_SCREENED"));
        assertEquals(List.of("write-handover-summary"), openElements(caseId), "no committee material: straight to the handover");
    }

    @Test
    void a_case_without_impairment_stays_in_MYN() {
        UUID caseId = Visitation.assessed(Visitation.facts("NONE"), "STAYS_MYN");
        Visitation.awaitStatus(caseId, "STAYS_MYN");
        assertEnded(caseId, "stays-in-myn");
    }

    @Test
    void a_grey_zone_case_goes_through_the_material_to_the_next_meetings_agenda() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Visitation.awaitStatus(caseId, "PREPARING_COMMITTEE");
        String material = Tasks.awaitOpen(caseId, "prepare-committee-material");

        given().contentType(ContentType.JSON).body(Map.of("functionalImpairment", true, "documents", List.of()))
                .post("/tasks/" + material + "/complete").then().statusCode(400)
                .body("errors.field", hasItem("familySituation"))
                .body("errors.field", hasItem("currentSupport"))
                .body("errors.field", hasItem("documents"));
        Tasks.complete(material, Visitation.material());

        Visitation.awaitStatus(caseId, "ON_COMMITTEE_AGENDA");
        String meeting = Visitation.meetingOf(caseId);
        Api.as(Visitation.member("mette.myn")).get("/committee/meetings/" + meeting).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void the_adviser_may_disagree_with_the_recommendation_only_with_a_written_reason_and_both_are_kept() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.greyZone()).put("/cases/" + caseId + "/assessment").then()
                .body("recommendation", equalTo("COMMITTEE"));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "STAYS_MYN")).post("/tasks/" + task + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().get("/tasks/" + task).then().body("status", equalTo("OPEN"));

        Tasks.complete(task, Map.of("outcome", "STAYS_MYN", "reason", "Familiens sociale problemer fylder mest efter samtale med skolen."));
        Visitation.awaitStatus(caseId, "STAYS_MYN");
        given().get("/cases/" + caseId + "/assessment").then()
                .body("recommendation", equalTo("COMMITTEE"))
                .body("outcome", equalTo("STAYS_MYN"))
                .body("disagreementReason", equalTo("Familiens sociale problemer fylder mest efter samtale med skolen."));
    }

    @Test
    void the_assessment_cannot_be_concluded_before_its_facts_are_recorded_nor_with_a_bad_form() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Map.of("outcome", "COMMITTEE")).post("/tasks/" + task + "/complete")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE", "color", "blue")).post("/tasks/" + task + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("outcome")).body("errors.field", hasItem("color"));
        given().contentType(ContentType.JSON).body(Map.of("impairment", "SOME")).put("/cases/" + caseId + "/assessment")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("impairment", "NONE")).put("/cases/" + caseId + "/assessment")
                .then().statusCode(400).body("errors.field", hasItem("disabilityIsMainProblem"));
        given().get("/tasks/" + task).then().body("status", equalTo("OPEN"));
        given().get("/cases/" + caseId + "/assessment").then().statusCode(404);
    }

    @Test
    void facts_can_be_recorded_only_while_the_case_waits_for_its_assessment() {
        UUID caseId = Visitation.assessed(Visitation.facts("NONE"), "STAYS_MYN");
        Visitation.awaitStatus(caseId, "STAYS_MYN");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment")
                .then().statusCode(409);
    }

    private void assertEnded(UUID caseId, String endEvent) {
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        EngineRecords records = new EngineRecords(engine);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains(endEvent)));
    }

    private List<String> openElements(UUID caseId) {
        Tasks.awaitOpen(caseId, "write-handover-summary");
        return Api.as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then().extract().path("items.elementId");
    }
}
