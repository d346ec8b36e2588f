package dk.visitation.handover;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.client.CamundaClient;
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

/**
 * Issue 11, items 7 and 8: a handover asked for while work is open is recorded as BLOCKED and goes on by itself when the
 * last blocker closes, or is withdrawn; and the task list never shows "Afslut åbent arbejde før overdragelse" once the
 * work is done — also when the engine forgot the handover and the service rebuilt it.
 */
@QuarkusTest
class BlockedHandoverTest {

    @org.junit.jupiter.api.BeforeEach
    void registerTheAdvisersNamedHere() {
        dk.visitation.support.Advisers.usual();
    }

    private static final Map<String, Object> SUMMARY = Map.of("lastInvestigationOn", "2026-10-01",
            "lastMeetingOn", "2026-11-15", "agreements", "Forældrene ønsker aflastning hver anden weekend.");

    @Inject
    EmbeddedEngine engine;

    @Inject
    CamundaClient client;

    /** A case registered in CBA: it can be handed (back) to MYN through the API. */
    private static UUID caseInCba() {
        Map<String, Object> body = new HashMap<>(Api.newCase(freshCpr()));
        body.put("department", "CBA");
        return UUID.fromString(Api.register(body).statusCode(201).extract().path("id"));
    }

    private static String openWork(UUID caseId, String kind, String description) {
        return given().contentType(ContentType.JSON).body(Map.of("kind", kind, "description", description))
                .post("/cases/" + caseId + "/work-items").then().statusCode(201).extract().path("id");
    }

    private static String askForHandover(UUID caseId) {
        return given().contentType(ContentType.JSON).body(Map.of("toDepartment", "MYN", "reason", "Er blevet en social sag"))
                .post("/cases/" + caseId + "/handover").then().statusCode(202).extract().path("id");
    }

    /** The open tasks about the handover, by BPMN element. */
    private static List<String> openTasks(String handoverId) {
        return as(Tasks.leader()).queryParam("subjectId", handoverId).get("/tasks").then().statusCode(200).extract()
                .path("items.elementId");
    }

    private static void awaitOpenTasks(String handoverId, List<String> elements) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(elements, openTasks(handoverId)));
    }

    @Test
    void a_handover_asked_for_while_work_is_open_is_recorded_as_blocked_and_goes_on_when_the_last_blocker_closes() {
        UUID caseId = caseInCba();
        String application = openWork(caseId, "APPLICATION", "Ansøgning om aflastning");
        String investigation = openWork(caseId, "INVESTIGATION", "Børnefaglig undersøgelse § 20");

        String handover = given().contentType(ContentType.JSON).body(Map.of("toDepartment", "MYN", "reason", "Er blevet en social sag"))
                .post("/cases/" + caseId + "/handover").then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("BLOCKED"))
                .body("fromDepartment", equalTo("CBA")).body("toDepartment", equalTo("MYN"))
                .body("blockers.id", org.hamcrest.Matchers.containsInAnyOrder(application, investigation))
                .body("blockers.kind", org.hamcrest.Matchers.containsInAnyOrder("APPLICATION", "INVESTIGATION"))
                .extract().path("id");
        given().get("/cases/" + caseId + "/handover").then().statusCode(200).body("id", equalTo(handover))
                .body("status", equalTo("BLOCKED")).body("blockers", hasSize(2));
        awaitOpenTasks(handover, List.of("finish-open-work"));
        given().contentType(ContentType.JSON).body(Map.of("toDepartment", "MYN", "reason", "Igen"))
                .post("/cases/" + caseId + "/handover").then().statusCode(409).contentType("application/problem+json");

        given().post("/cases/" + caseId + "/work-items/" + application + "/close").then().statusCode(200);
        given().get("/cases/" + caseId + "/handover").then().body("status", equalTo("BLOCKED"))
                .body("blockers.id", equalTo(List.of(investigation)));
        assertEquals(List.of("finish-open-work"), openTasks(handover));

        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(200);
        given().get("/cases/" + caseId + "/handover").then().body("status", equalTo("SUMMARY")).body("blockers", hasSize(0));
        assertEquals(List.of(), openTasks(handover).stream().filter("finish-open-work"::equals).toList(),
                "the open work is done: its task is gone the moment the last blocker closes");
        awaitOpenTasks(handover, List.of("write-handover-summary"));
        as(Tasks.leader()).queryParam("subjectId", handover).queryParam("status", "CANCELED").get("/tasks").then()
                .body("items.elementId", equalTo(List.of("finish-open-work")));

        Tasks.complete(Tasks.awaitOpen(caseId, "write-handover-summary"), SUMMARY);
        Tasks.complete(Tasks.awaitOpen(caseId, "receive-case"), Map.of("receivingAdviser", "mette.myn", "effectiveDate", "2027-01-01"));
        Visitation.awaitStatus(caseId, "HANDED_OVER");
        given().get("/cases/" + caseId + "/payment-responsibility?date=2027-01-01").then().body("payer", equalTo("MYN"));
        awaitOpenTasks(handover, List.of());
    }

    @Test
    void closing_the_last_blocker_of_a_quick_screening_handover_takes_its_open_work_task_off_the_task_list() {
        UUID caseId = Api.registerCase(freshCpr());
        String investigation = openWork(caseId, "INVESTIGATION", "Børnefaglig undersøgelse § 20");
        String assessment = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(assessment, Map.of("outcome", "QUICK_SCREEN_CBA"));
        Tasks.awaitOpen(caseId, "finish-open-work");
        String handover = given().get("/cases/" + caseId + "/handover").then().statusCode(200).extract().path("id");

        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(200);
        awaitOpenTasks(handover, List.of("write-handover-summary"));
        assertEquals(List.of("write-handover-summary"), as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks")
                .then().extract().path("items.elementId"), "the task list shows no work that is done");
    }

    @Test
    void a_blocked_handover_can_be_withdrawn_with_a_reason_and_then_does_nothing_when_its_blockers_close() {
        UUID caseId = caseInCba();
        String investigation = openWork(caseId, "INVESTIGATION", "Børnefaglig undersøgelse § 20");
        String handover = askForHandover(caseId);
        awaitOpenTasks(handover, List.of("finish-open-work"));
        long instance = handoverInstance(handover);

        given().contentType(ContentType.JSON).body(Map.of("reason", " ")).post("/cases/" + caseId + "/handover/withdraw")
                .then().statusCode(400).contentType("application/problem+json");
        as(dk.visitation.support.Tokens.of("mette.myn", java.util.Set.of("MYN_ADVISER"), java.util.Set.of("MYN")))
                .contentType(ContentType.JSON).body(Map.of("reason", "Familien flytter"))
                .post("/cases/" + caseId + "/handover/withdraw").then().statusCode(404); // out of scope
        given().contentType(ContentType.JSON).body(Map.of("reason", "Familien flytter til en anden kommune"))
                .post("/cases/" + caseId + "/handover/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("test.adviser"))
                .body("withdrawalReason", equalTo("Familien flytter til en anden kommune"));
        assertEquals(List.of(), openTasks(handover), "a withdrawn handover leaves no task");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(new EngineRecords(engine)
                .elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("handover-withdrawn")));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Igen")).post("/cases/" + caseId + "/handover/withdraw")
                .then().statusCode(409);

        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(200);
        given().get("/cases/" + caseId + "/handover").then().body("status", equalTo("WITHDRAWN")).body("summaryBy", nullValue());
        assertEquals(List.of(), openTasks(handover));
        given().get("/cases/" + caseId).then().body("department", equalTo("CBA"));
        String audit = as(dk.visitation.support.Tokens.of("aud.itor", java.util.Set.of("AUDITOR"), java.util.Set.of()))
                .queryParam("caseId", caseId.toString()).get("/access-log").then().statusCode(200).extract().asString();
        assertTrue(audit.contains("withdraw"), "the withdrawal is in the access log: " + audit);

        String again = askForHandover(caseId); // a new handover may be asked for after a withdrawn one
        awaitOpenTasks(again, List.of("write-handover-summary"));
    }

    @Test
    void a_blocked_handover_whose_last_blocker_closes_while_the_engine_is_gone_is_rebuilt_at_the_summary_with_no_stale_task() {
        UUID caseId = caseInCba();
        String investigation = openWork(caseId, "INVESTIGATION", "Børnefaglig undersøgelse § 20");
        String handover = askForHandover(caseId);
        awaitOpenTasks(handover, List.of("finish-open-work"));
        long old = handoverInstance(handover);
        client.newCancelInstanceCommand(old).send().join(); // the engine forgets the handover's instance, as after a restart
        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(200);
        assertEquals(List.of(), openTasks(handover), "done work is not listed, engine or not");
        // the restart rebuild starts the handover again where its record stands
        Map<String, Object> variables = QuarkusTransaction.requiringNew().call(() -> {
            Handover h = Handover.findById(UUID.fromString(handover));
            return HandoverService.variables(h, HandoverService.resumeAt(h));
        });
        client.newPublishMessageCommand().messageName(HandoverService.REQUESTED).correlationKey(caseId.toString())
                .messageId("rebuild-test:" + handover).variables(variables).send().join();
        awaitOpenTasks(handover, List.of("write-handover-summary"));
        given().get("/cases/" + caseId + "/handover").then().body("status", equalTo("SUMMARY"));
    }

    @Test
    void a_blocked_handover_rebuilt_while_still_blocked_keeps_one_open_work_task_and_drops_it_when_the_work_is_done() {
        UUID caseId = caseInCba();
        String investigation = openWork(caseId, "INVESTIGATION", "Børnefaglig undersøgelse § 20");
        String handover = askForHandover(caseId);
        awaitOpenTasks(handover, List.of("finish-open-work"));
        String task = Tasks.awaitOpen(caseId, "finish-open-work");

        // a person finishing the task while the work is still open only sends the handover round the check again
        Tasks.complete(task, Map.of());
        String again = await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                dk.visitation.tasks.Task.<dk.visitation.tasks.Task>find("subjectId = ?1 and elementId = ?2 and status = ?3",
                        UUID.fromString(handover), "finish-open-work", dk.visitation.tasks.Task.Status.OPEN)
                        .firstResultOptional().map(t -> t.id.toString()).orElse(null)), id -> id != null);

        // the engine forgets the instance; the service starts it again where the record says it waits
        long old = handoverInstance(handover);
        client.newCancelInstanceCommand(old).send().join();
        Map<String, Object> variables = QuarkusTransaction.requiringNew().call(() -> {
            Handover h = Handover.findById(UUID.fromString(handover));
            return HandoverService.variables(h, HandoverService.resumeAt(h));
        });
        client.newPublishMessageCommand().messageName(HandoverService.REQUESTED).correlationKey(caseId.toString())
                .messageId("rebuild-test:" + handover).variables(variables).send().join();
        await().atMost(Duration.ofSeconds(20)).until(() -> handoverInstance(handover) != old);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                dk.visitation.tasks.Task.<dk.visitation.tasks.Task>findById(UUID.fromString(again)).processInstanceKey) != old);
        assertEquals(List.of("finish-open-work"), openTasks(handover), "the same row, re-linked");

        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(200);
        assertEquals(List.of(), openTasks(handover).stream().filter("finish-open-work"::equals).toList());
        awaitOpenTasks(handover, List.of("write-handover-summary"));
    }

    /** The newest instance of the handover's process, by its task rows or the engine's records. */
    private long handoverInstance(String handoverId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                dk.visitation.tasks.Task.<dk.visitation.tasks.Task>find("subjectId = ?1 order by createdAt desc",
                        UUID.fromString(handoverId)).firstResultOptional().map(t -> t.processInstanceKey).orElse(-1L)), key -> key > 0);
    }
}
