package dk.visitation.handover;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Tasks;
import io.camunda.client.CamundaClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dk.visitation.support.Tokens;
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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** handover.bpmn walked through the API: the clear path, the path blocked by open work, and a move back to MYN. */
@QuarkusTest
class HandoverTest {

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

    private static String cbaAdviser() {
        return Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"));
    }

    @Test
    void a_quick_screened_case_is_handed_to_CBA_with_its_summary_and_CBA_pays_from_the_effective_date() {
        Map<String, Object> intake = new java.util.HashMap<>(dk.visitation.support.Api.newCase(freshCpr()));
        intake.put("adviser", "mette.myn");
        UUID caseId = UUID.fromString(dk.visitation.support.Api.register(intake).statusCode(201).extract().path("id"));
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE", "provider", "INTERNAL",
                "providerName", "Specialindsats Mellerup", "priceOre", 245_050L, "tariffPeriod", "DAY", "scope", 1,
                "from", "2026-11-01", "to", "2027-11-01")).post("/cases/" + caseId + "/grants").then().statusCode(201);
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA"));

        String summary = Tasks.awaitOpen(caseId, "write-handover-summary");
        given().contentType(ContentType.JSON).body(Map.of("agreements", " ")).post("/tasks/" + summary + "/complete").then()
                .statusCode(400).body("errors.field", hasItem("lastInvestigationOn")).body("errors.field", hasItem("agreements"));
        Tasks.complete(summary, SUMMARY);
        given().get("/cases/" + caseId + "/handover").then().body("activeGrants", hasSize(1)).body("status", equalTo("RECEIVING"));

        String receive = Tasks.awaitOpen(caseId, "receive-case");
        as(Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"))).get("/tasks/" + receive).then().statusCode(404);
        // the receiving adviser must be an active adviser of the receiving department
        as(cbaAdviser()).contentType(ContentType.JSON).body(Map.of("receivingAdviser", "mette.myn", "effectiveDate", "2026-12-01"))
                .post("/tasks/" + receive + "/complete").then().statusCode(400).body("errors.field", hasItem("receivingAdviser"));
        as(cbaAdviser()).contentType(ContentType.JSON).body(Map.of("receivingAdviser", "carl.cba", "effectiveDate", "2026-12-01"))
                .post("/tasks/" + receive + "/complete").then().statusCode(200);

        Visitation.awaitStatus(caseId, "HANDED_OVER");
        as(cbaAdviser()).get("/cases/" + caseId).then().body("department", equalTo("CBA")).body("adviser", equalTo("carl.cba"));
        as(cbaAdviser()).get("/cases/" + caseId + "/advisers").then().statusCode(200)
                .body("currentAdviser", equalTo("carl.cba")).body("advisersHad", equalTo(2)).body("changes", equalTo(1))
                .body("assignments.toAdviser", equalTo(java.util.Arrays.asList("mette.myn", "carl.cba")))
                .body("assignments[1].fromAdviser", equalTo("mette.myn"))
                .body("assignments[1].department", equalTo("CBA"));
        as(cbaAdviser()).get("/cases/" + caseId + "/payment-responsibility?date=2026-12-01").then()
                .body("periods.department", equalTo(List.of("MYN", "CBA")))
                .body("periods[1].from", equalTo("2026-12-01"))
                .body("payer", equalTo("CBA"));
        as(cbaAdviser()).get("/cases/" + caseId + "/handover").then().body("status", equalTo("COMPLETED"))
                .body("lastMeetingOn", equalTo("2026-11-15")).body("receivingAdviser", equalTo("carl.cba"));

        List<Map<String, Object>> events = new java.util.ArrayList<>(); // every page: the suite publishes more than one holds
        for (long after = 0; ; ) {
            var page = as(Tokens.of("fagsystem", Set.of("SYSTEM"), Set.of())).queryParam("limit", 1000).queryParam("after", after)
                    .get("/events").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            if (items.isEmpty()) {
                break;
            }
            events.addAll(items);
            after = ((Number) page.path("next")).longValue();
        }
        assertTrue(events.stream().anyMatch(e -> caseId.toString().equals(e.get("caseId")) && "case.transferred".equals(e.get("type"))
                && ((Map<?, ?>) e.get("payload")).get("to").equals("CBA")), "other systems learn of the transfer");
        String insight = as(cbaAdviser()).get("/cases/" + caseId + "/insight").then().statusCode(200).extract().asString();
        assertTrue(insight.contains("R07-quick-screening") && insight.contains("Fra MYN til CBA") && insight.contains("2026-12-01"),
                "the family's document shows the assessment and the handover");
    }

    /** A case handed to CBA up to "Modtag sag": the receive task's id. */
    private static String atReceiveCase(UUID caseId) {
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA"));
        Tasks.complete(Tasks.awaitOpen(caseId, "write-handover-summary"), SUMMARY);
        return Tasks.awaitOpen(caseId, "receive-case");
    }

    /**
     * The engine "forgets" the handover's instance and the service starts it again as its rebuild does after a
     * restart: the handover's variables and the step its record waits at. Returns the new instance's key.
     */
    private long forgetAndResume(UUID caseId, long oldInstance, String resumeAt) {
        client.newCancelInstanceCommand(oldInstance).send().join();
        QuarkusTransaction.requiringNew().run(() -> assertEquals(resumeAt,
                HandoverService.resumeAt(Handover.find("caseId", caseId).firstResult()), "the record names the step to resume at"));
        return resume(caseId, resumeAt);
    }

    /** Starts the case's handover process again at {@code resumeAt}, with the variables the service gives it. */
    private long resume(UUID caseId, String resumeAt) {
        Map<String, Object> variables = QuarkusTransaction.requiringNew().call(() -> HandoverService.variables(
                Handover.find("caseId", caseId).firstResult(), resumeAt));
        List<Long> before = new EngineRecords(engine).instances("handover", ProcessInstanceIntent.ELEMENT_ACTIVATED);
        client.newPublishMessageCommand().messageName(HandoverService.REQUESTED).correlationKey(caseId.toString())
                .messageId("resume-test:" + caseId + ":" + resumeAt).variables(variables).send().join();
        return await().atMost(Duration.ofSeconds(20)).until(() -> new EngineRecords(engine)
                .instances("handover", ProcessInstanceIntent.ELEMENT_ACTIVATED).stream()
                .filter(key -> !before.contains(key)).findFirst().orElse(null), key -> key != null);
    }

    private static long instanceOf(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> dk.visitation.tasks.Task.<dk.visitation.tasks.Task>findById(
                UUID.fromString(taskId)).processInstanceKey);
    }

    @Test
    void a_handover_forgotten_by_the_engine_while_waiting_for_the_receiver_resumes_at_the_same_task_and_switches_once() {
        UUID caseId = registerCase(freshCpr());
        String receive = atReceiveCase(caseId);
        long resumed = forgetAndResume(caseId, instanceOf(receive), "receive-case");

        await().atMost(Duration.ofSeconds(20)).until(() -> instanceOf(receive) == resumed); // the same task row, re-linked
        assertEquals(List.of("handover", "handover-requested", "handover-resume", "receive-case"),
                new EngineRecords(engine).elements(resumed, ProcessInstanceIntent.ELEMENT_ACTIVATED));
        as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then()
                .body("items.findAll { it.elementId == 'receive-case' }", hasSize(1));
        as(cbaAdviser()).contentType(ContentType.JSON).body(Map.of("receivingAdviser", "carl.cba", "effectiveDate", "2026-12-01"))
                .post("/tasks/" + receive + "/complete").then().statusCode(200);

        Visitation.awaitStatus(caseId, "HANDED_OVER");
        as(cbaAdviser()).get("/cases/" + caseId + "/payment-responsibility").then()
                .body("periods.department", equalTo(List.of("MYN", "CBA")));
    }

    @Test
    void a_handover_resumed_at_the_payment_switch_after_it_was_done_switches_nothing_twice() {
        UUID caseId = registerCase(freshCpr());
        String receive = atReceiveCase(caseId);
        as(cbaAdviser()).contentType(ContentType.JSON).body(Map.of("receivingAdviser", "carl.cba", "effectiveDate", "2026-12-01"))
                .post("/tasks/" + receive + "/complete").then().statusCode(200);
        Visitation.awaitStatus(caseId, "HANDED_OVER");
        long first = instanceOf(receive);
        await().atMost(Duration.ofSeconds(20)).until(() -> new EngineRecords(engine)
                .elements(first, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("handover-completed"));

        // as if the switch's job came again after a crash: the record says the handover is done
        long again = resume(caseId, "switch-payment");
        await().atMost(Duration.ofSeconds(20)).until(() -> new EngineRecords(engine)
                .elements(again, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("handover-completed"));
        assertEquals(List.of("handover", "handover-requested", "handover-resume", "switch-payment", "handover-completed"),
                new EngineRecords(engine).elements(again, ProcessInstanceIntent.ELEMENT_ACTIVATED));
        as(cbaAdviser()).get("/cases/" + caseId + "/payment-responsibility").then()
                .body("periods.department", equalTo(List.of("MYN", "CBA")));
        as(cbaAdviser()).get("/cases/" + caseId + "/history").then().body("status.findAll { it == 'HANDED_OVER' }", hasSize(1));
    }

    @Test
    void a_handover_blocked_by_an_open_investigation_waits_and_goes_on_by_itself_when_it_closes() {
        UUID caseId = registerCase(freshCpr());
        String investigation = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "INVESTIGATION", "description", "Børnefaglig undersøgelse § 20"))
                .post("/cases/" + caseId + "/work-items").then().statusCode(201).body("blocking", equalTo(true)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("kind", "OTHER", "description", "Notat til arkiv"))
                .post("/cases/" + caseId + "/work-items").then().statusCode(201).body("blocking", equalTo(false));
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA"));

        Tasks.awaitOpen(caseId, "finish-open-work");
        given().get("/cases/" + caseId + "/handover").then().body("status", equalTo("BLOCKED"))
                .body("blockers.id", equalTo(List.of(investigation)))
                .body("blockers[0].description", equalTo("Børnefaglig undersøgelse § 20"));
        String handover = given().get("/cases/" + caseId + "/handover").then().extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("toDepartment", "CBA", "reason", "Quickscreening"))
                .post("/cases/" + caseId + "/handover").then().statusCode(409) // the quick screening's handover is under way
                .body("errors[0].field", equalTo("handover/" + handover));

        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        given().post("/cases/" + caseId + "/work-items/" + investigation + "/close").then().statusCode(409);

        Tasks.complete(Tasks.awaitOpen(caseId, "write-handover-summary"), SUMMARY);
        as(cbaAdviser()).contentType(ContentType.JSON).body(Map.of("receivingAdviser", "carl.cba", "effectiveDate", "2026-10-01"))
                .post("/tasks/" + Tasks.awaitOpen(caseId, "receive-case") + "/complete").then().statusCode(200);
        Visitation.awaitStatus(caseId, "HANDED_OVER");
        as(cbaAdviser()).get("/cases/" + caseId + "/payment-responsibility?date=2026-11-20").then()
                .body("periods", hasSize(1)).body("periods[0].department", equalTo("CBA")); // dated back before intake
        long instance = handoverInstance(caseId);
        EngineRecords records = new EngineRecords(engine);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(records.elements(instance,
                ProcessInstanceIntent.ELEMENT_COMPLETED).containsAll(List.of("conditions-met", "handover-completed"))));
    }

    @Test
    void a_case_can_move_back_to_MYN_when_nothing_blocks_it() {
        UUID caseId = registerCase(freshCpr());
        Map<String, Object> cba = new java.util.HashMap<>(dk.visitation.support.Api.newCase(freshCpr()));
        cba.put("department", "CBA");
        UUID inCba = UUID.fromString(dk.visitation.support.Api.register(cba).statusCode(201).extract().path("id"));
        given().contentType(ContentType.JSON).body(Map.of("toDepartment", "MYN", "reason", " "))
                .post("/cases/" + inCba + "/handover").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("toDepartment", "MYN", "reason", "Er blevet en social sag"))
                .post("/cases/" + caseId + "/handover").then().statusCode(409); // already in MYN
        given().contentType(ContentType.JSON).body(Map.of("toDepartment", "MYN", "reason", "Er blevet en social sag"))
                .post("/cases/" + inCba + "/handover").then().statusCode(202).body("fromDepartment", equalTo("CBA"));
        Tasks.complete(Tasks.awaitOpen(inCba, "write-handover-summary"), SUMMARY);
        Tasks.complete(Tasks.awaitOpen(inCba, "receive-case"), Map.of("receivingAdviser", "mette.myn", "effectiveDate", "2027-01-01"));
        Visitation.awaitStatus(inCba, "HANDED_OVER");
        given().get("/cases/" + inCba + "/payment-responsibility?date=2027-01-01").then().body("payer", equalTo("MYN"));
    }

    @Test
    void work_items_are_validated_and_scoped() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(Map.of("kind", "GOSSIP", "description", "x"))
                .post("/cases/" + caseId + "/work-items").then().statusCode(400);
        given().post("/cases/" + caseId + "/work-items/" + UUID.randomUUID() + "/close").then().statusCode(404);
        as(cbaAdviser()).get("/cases/" + caseId + "/work-items").then().statusCode(404);
        given().get("/cases/" + caseId + "/handover").then().statusCode(404);
    }

    private long handoverInstance(UUID caseId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> new EngineRecords(engine).instances("handover",
                ProcessInstanceIntent.ELEMENT_COMPLETED).stream().filter(key -> new EngineRecords(engine)
                .elements(key, ProcessInstanceIntent.ELEMENT_ACTIVATED).contains("conditions-met")).findFirst().orElse(-1L), key -> key > 0);
    }
}
