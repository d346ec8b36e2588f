package dk.visitation.placements;

import static dk.visitation.placements.Placements.TODAY;
import static dk.visitation.placements.Placements.answer;
import static dk.visitation.placements.Placements.atCurrent;
import static dk.visitation.placements.Placements.choice;
import static dk.visitation.placements.Placements.etag;
import static dk.visitation.placements.Placements.offer;
import static dk.visitation.placements.Placements.path;
import static dk.visitation.placements.Placements.plan;
import static dk.visitation.placements.Placements.planned;
import static dk.visitation.placements.Placements.provider;
import static dk.visitation.placements.Placements.requestQuote;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** placement.bpmn walked through the API: the planned path, the acute path, the quotes' due day passing, a cancellation. */
@QuarkusTest
class PlacementProcessTest {

    @Inject
    EmbeddedEngine engine;

    @Test
    void a_planned_placement_waits_for_its_quotes_and_ends_granted_when_one_is_chosen() {
        UUID caseId = registerCase(freshCpr());
        String provider = provider("Opholdssted Åen", List.of("PLACEMENT"));
        String id = plan(caseId, planned("PLANNED")).path("id");
        long instance = waitingAt(id, "placement-await-quotes");
        String quote = requestQuote(caseId, id, provider);
        answer(caseId, id, quote, offer("RECEIVED", 60_000_00L, "MONTH"));
        atCurrent(caseId, id).body(choice(TODAY.plusMonths(3), TODAY.plusMonths(15)))
                .post(path(caseId, id) + "/quotes/" + quote + "/choose").then().statusCode(200);
        List<String> completed = awaitCompleted(instance, "placement-granted");
        assertTrue(completed.containsAll(List.of("placement-expected", "placement-urgency", "placement-await-quotes")), completed.toString());
        assertFalse(completed.contains("placement-await-acute-grant"), "the planned path asks for quotes");
        assertEquals(Set.of("caseId", "placementId", "subjectId", "urgency", "quotesDueAt", "grantId"), variables(instance),
                "ids and the path's facts only, no personal data");
    }

    @Test
    void an_acute_placement_skips_the_quotes_and_ends_granted_when_it_is_granted() {
        UUID caseId = registerCase(freshCpr());
        String provider = provider("Akuthjemmet", List.of("PLACEMENT"));
        String id = plan(caseId, planned("ACUTE")).path("id");
        long instance = waitingAt(id, "placement-await-acute-grant");
        atCurrent(caseId, id)
                .body(Map.of("providerId", provider, "priceOre", 3_000_00L, "tariffPeriod", "DAY", "scope", 1,
                        "from", TODAY.toString(), "to", TODAY.plusMonths(2).toString()))
                .post(path(caseId, id) + "/grant").then().statusCode(200);
        List<String> completed = awaitCompleted(instance, "placement-granted");
        assertTrue(completed.contains("placement-await-acute-grant"), completed.toString());
        assertFalse(completed.contains("placement-await-quotes"), "the acute path skips the quotes");
    }

    @Test
    void the_quotes_due_day_passing_is_noted_on_the_placement_and_the_negotiation_goes_on() {
        UUID caseId = registerCase(freshCpr());
        String provider = provider("Opholdssted Fjorden", List.of("PLACEMENT"));
        Map<String, Object> body = planned("SEMI_ACUTE");
        body.put("quotesDueOn", TODAY.toString());
        String id = plan(caseId, body).path("id");
        long instance = waitingAt(id, "placement-await-quotes");
        given().get(path(caseId, id)).then().body("quotesOverdue", equalTo(false));
        // the due day is the last day: the timer fires as the next day begins in Denmark
        Instant dueAt = TODAY.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Copenhagen")).toInstant();
        Duration gap = Duration.between(engine.now(), dueAt).plusMinutes(1);
        if (!gap.isNegative()) {
            engine.increaseTime(gap);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(path(caseId, id)).then()
                .body("quotesOverdueAt", notNullValue()));
        awaitCompleted(instance, "placement-overdue-noted");
        assertFalse(new EngineRecords(engine).elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("placement-await-quotes"),
                "the deadline does not end the negotiation");
        String quote = requestQuote(caseId, id, provider);
        answer(caseId, id, quote, offer("RECEIVED", 70_000_00L, "MONTH"));
        atCurrent(caseId, id).body(choice(TODAY.plusMonths(1), TODAY.plusMonths(13)))
                .post(path(caseId, id) + "/quotes/" + quote + "/choose").then().statusCode(200);
        awaitCompleted(instance, "placement-granted");
    }

    @Test
    void a_cancelled_planning_ends_its_process_whatever_step_it_waits_at() {
        UUID caseId = registerCase(freshCpr());
        String id = plan(caseId, planned("PLANNED")).path("id");
        long instance = waitingAt(id, "placement-await-quotes");
        atCurrent(caseId, id).body(Map.of("reason", "Barnet bliver hjemme"))
                .post(path(caseId, id) + "/cancel").then().statusCode(200);
        List<String> completed = awaitCompleted(instance, "placement-cancelled");
        assertFalse(completed.contains("placement-granted"), completed.toString());

        String acute = plan(caseId, planned("ACUTE")).path("id");
        long acuteInstance = waitingAt(acute, "placement-await-acute-grant");
        atCurrent(caseId, acute).body(Map.of("reason", "Anden løsning fundet"))
                .post(path(caseId, acute) + "/cancel").then().statusCode(200);
        awaitCompleted(acuteInstance, "placement-cancelled");
    }

    /** The placement's process instance, once it waits at {@code element}. */
    private long waitingAt(String placementId, String element) {
        long instance = instanceOf(placementId);
        awaitActive(instance, element);
        return instance;
    }

    /** The process instance that carries the placement's id. */
    private long instanceOf(String placementId) {
        String value = "\"" + placementId + "\"";
        return await().atMost(Duration.ofSeconds(20)).until(() -> new EngineRecords(engine).ofType(ValueType.VARIABLE).stream()
                .map(r -> (VariableRecordValue) r.getValue())
                .filter(v -> v.getName().equals("placementId") && v.getValue().equals(value) && "placement".equals(v.getBpmnProcessId()))
                .mapToLong(VariableRecordValue::getProcessInstanceKey).findFirst().orElse(-1L), key -> key > 0);
    }

    private Set<String> variables(long instance) {
        return new java.util.HashSet<>(new EngineRecords(engine).ofType(ValueType.VARIABLE).stream()
                .map(r -> (VariableRecordValue) r.getValue()).filter(v -> v.getProcessInstanceKey() == instance)
                .map(VariableRecordValue::getName).toList());
    }

    private void awaitActive(long instance, String element) {
        await().atMost(Duration.ofSeconds(20)).until(() -> new EngineRecords(engine)
                .elements(instance, ProcessInstanceIntent.ELEMENT_ACTIVATED).contains(element));
    }

    private List<String> awaitCompleted(long instance, String element) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> new EngineRecords(engine)
                .elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED), elements -> elements.contains(element));
    }
}
