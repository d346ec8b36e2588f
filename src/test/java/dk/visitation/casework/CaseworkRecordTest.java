package dk.visitation.casework;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 13: the casework record — dated facts with who recorded them, the document they cite, audited and logged. */
@QuarkusTest
class CaseworkRecordTest {

    static Map<String, Object> entry(String kind, OffsetDateTime at, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "occurredAt", at.toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static String record(UUID caseId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/casework").then().statusCode(201)
                .extract().path("id");
    }

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-20T09:30:00+01:00");

    @Test
    void a_notification_from_a_professional_is_recorded_with_its_document_and_answered_by_its_assessment_and_receipt() {
        UUID caseId = registerCase(freshCpr());
        String notification = given().contentType(ContentType.JSON).body(entry("NOTIFICATION", RECEIVED, "notifierKind", "PROFESSIONAL",
                        "urgent", false, "document", Map.of("system", "SBSYS", "caseNumber", "27.24.00-G01-1-26", "documentId", "4711",
                                "title", "Underretning fra skolen", "date", "2026-11-20")))
                .post("/cases/" + caseId + "/casework").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("NOTIFICATION"))
                .body("recordedBy", equalTo("test.adviser"))
                .body("document.documentId", equalTo("4711"))
                .body("document.title", equalTo("Underretning fra skolen"))
                .extract().path("id");
        record(caseId, entry("NOTIFICATION_ASSESSED", RECEIVED.plusHours(3)));
        record(caseId, entry("RECEIPT_SENT", RECEIVED.plusDays(3), "refersTo", notification));

        given().get("/cases/" + caseId + "/casework").then().statusCode(200)
                .body("kind", contains("NOTIFICATION", "NOTIFICATION_ASSESSED", "RECEIPT_SENT"))
                .body("[1].refersTo", equalTo(notification))
                .body("[2].refersTo", equalTo(notification))
                .body("[1].document", nullValue());
        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("findAll { it.field == 'casework' }", hasSize(3))
                .body("findAll { it.field == 'casework' }.actor", hasItem("test.adviser"));
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).queryParam("caseId", caseId.toString()).get("/access-log").then()
                .statusCode(200).body("items.what", hasItem("casework record"));
    }

    @Test
    void a_notification_without_its_notifier_kind_is_a_problem_naming_the_field() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(entry("NOTIFICATION", RECEIVED, "urgent", true))
                .post("/cases/" + caseId + "/casework").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("notifierKind"));
    }

    @Test
    void a_conversation_not_held_needs_its_reason_and_a_record_may_not_be_dated_in_the_future() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(entry("CHILD_CONVERSATION_NOT_HELD", RECEIVED))
                .post("/cases/" + caseId + "/casework").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(entry("CHILD_CONVERSATION_HELD", OffsetDateTime.now().plusDays(2)))
                .post("/cases/" + caseId + "/casework").then().statusCode(400).body("errors.field", hasItem("occurredAt"));
    }

    @Test
    void a_receipt_is_refused_for_a_private_notifier_and_an_assessment_without_a_notification() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(entry("NOTIFICATION_ASSESSED", RECEIVED))
                .post("/cases/" + caseId + "/casework").then().statusCode(422).body("errors.field", hasItem("refersTo"));
        record(caseId, entry("NOTIFICATION", RECEIVED, "notifierKind", "PRIVATE", "urgent", false));
        given().contentType(ContentType.JSON).body(entry("RECEIPT_SENT", RECEIVED.plusDays(1)))
                .post("/cases/" + caseId + "/casework").then().statusCode(422).body("errors.field", hasItem("refersTo"));
    }

    @Test
    void the_same_idempotency_key_and_body_return_the_first_record_and_another_body_is_refused() {
        UUID caseId = registerCase(freshCpr());
        Map<String, Object> body = entry("INVESTIGATION_STARTED", RECEIVED);
        String key = "inv-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/cases/" + caseId + "/casework").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/cases/" + caseId + "/casework").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(entry("INVESTIGATION_STARTED", RECEIVED.plusDays(1)))
                .post("/cases/" + caseId + "/casework").then().statusCode(422);
        given().get("/cases/" + caseId + "/casework").then().body("$", hasSize(1));
    }

    @Test
    void a_case_outside_the_callers_departments_is_not_found() {
        UUID caseId = registerCase(freshCpr()); // in MYN
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).contentType(ContentType.JSON)
                .body(entry("INVESTIGATION_STARTED", RECEIVED)).post("/cases/" + caseId + "/casework").then().statusCode(404);
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).get("/cases/" + caseId + "/casework").then().statusCode(404);
    }
}
