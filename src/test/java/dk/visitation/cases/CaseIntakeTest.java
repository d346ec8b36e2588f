package dk.visitation.cases;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.newCase;
import static dk.visitation.support.Api.register;
import static dk.visitation.support.Api.registerCase;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseIntakeTest {

    @Inject
    EmbeddedEngine engine;

    @Test
    void registering_a_case_answers_201_with_location_etag_and_the_case_in_MYN() {
        String cpr = freshCpr();
        var created = register(newCase(cpr))
                .statusCode(201)
                .header("Location", notNullValue())
                .extract();
        String id = created.path("id");
        given().get("/cases/" + id).then()
                .body("createdAt", equalTo(created.path("createdAt")))
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("child.cpr", equalTo(cpr))
                .body("child.name", equalTo("Emil Jensen"))
                .body("department", equalTo("MYN"))
                .body("source", equalTo("SCHOOL"))
                .body("receivedAt", equalTo("2026-11-20T09:30:00+01:00"));
    }

    @Test
    void the_location_and_etag_of_a_new_case_point_at_it() {
        var response = register(newCase(freshCpr())).statusCode(201).extract();
        String id = response.path("id");
        assertEquals(true, response.header("Location").endsWith("/cases/" + id));
        assertEquals("\"" + response.path("version") + "\"", response.header("ETag"));
    }

    @Test
    void a_case_can_be_received_directly_in_CBA() {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("department", "CBA");
        register(body).statusCode(201).body("department", equalTo("CBA"));
    }

    @Test
    void a_new_case_starts_its_visitation_process_which_waits_for_the_target_group_assessment() {
        UUID id = registerCase(freshCpr());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT"))
                .body("processInstanceKey", notNullValue()));

        long instance = Long.parseLong(given().get("/cases/" + id).then().extract().path("processInstanceKey"));
        EngineRecords records = new EngineRecords(engine);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(
                List.of("visitation", "case-received", "register-case", "resume-gateway", "assess-target-group"),
                records.elements(instance, ProcessInstanceIntent.ELEMENT_ACTIVATED)));
        given().get("/cases/" + id + "/history").then()
                .statusCode(200)
                .body("status", contains("RECEIVED", "AWAITING_ASSESSMENT"))
                .body("changedBy", contains("test.adviser", "system"));
    }

    @Test
    void the_process_knows_the_case_by_its_id_only() {
        UUID id = registerCase(freshCpr());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("processInstanceKey", notNullValue()));
        long instance = Long.parseLong(given().get("/cases/" + id).then().extract().path("processInstanceKey"));
        EngineRecords records = new EngineRecords(engine);
        // every variable the engine ever held for this case's process: the id and where to resume, nothing personal
        var variables = records.ofType(ValueType.VARIABLE).stream()
                .map(r -> (VariableRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == instance)
                .toList();
        assertEquals(Set.of("caseId", "resumeAt"), variables.stream().map(VariableRecordValue::getName)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("\"" + id + "\"", "\"assess-target-group\""), variables.stream().map(VariableRecordValue::getValue)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void the_same_idempotency_key_and_body_return_the_first_case() {
        String cpr = freshCpr();
        Map<String, Object> body = newCase(cpr);
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/cases").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/cases/" + first))
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON).body(Map.of("cpr", cpr))
                .post("/cases/search").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_a_422_problem_and_creates_nothing() {
        String cpr = freshCpr();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(newCase(cpr))
                .post("/cases").then().statusCode(201);
        Map<String, Object> other = new HashMap<>(newCase(cpr));
        other.put("description", "Another request");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .post("/cases").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:visitation:problem:idempotency-key-reused"));
        given().contentType(ContentType.JSON).body(Map.of("cpr", cpr))
                .post("/cases/search").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void concurrent_retries_with_one_idempotency_key_create_one_case() throws Exception {
        String cpr = freshCpr();
        Map<String, Object> body = newCase(cpr);
        String key = UUID.randomUUID().toString();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> ids.add(given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(body).post("/cases")
                    .then().statusCode(201).extract().path("id"))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1, ids.size());
        given().contentType(ContentType.JSON).body(Map.of("cpr", cpr))
                .post("/cases/search").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void an_idempotency_key_longer_than_200_characters_is_refused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201)).body(newCase(freshCpr()))
                .post("/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void two_cases_for_one_child_share_the_child_record() {
        String cpr = freshCpr();
        registerCase(cpr);
        registerCase(cpr);
        given().contentType(ContentType.JSON).body(Map.of("cpr", cpr.substring(0, 6) + "-" + cpr.substring(6)))
                .post("/cases/search").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.child.cpr", contains(cpr.substring(0, 6) + "-XXXX", cpr.substring(0, 6) + "-XXXX"));
    }
}
