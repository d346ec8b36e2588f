package dk.visitation.statusnotes;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dk.visitation.common.Times;
import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, status notes at an agreed cadence: what an internal provider owes is derived from the agreement, the grant and
 * its follow-ups; the provider's system sends each note as a reference to it in ESDH, and a late or missing one shows on
 * the case and on the list.
 */
@QuarkusTest
class StatusNotesTest {

    private static RequestSpecification providerSystem() {
        return as(Tokens.of("familiehuset.system", Set.of("SYSTEM"), Set.of()));
    }

    private static LocalDate today() {
        return LocalDate.now(Times.DENMARK);
    }

    /** An internal provider of its own, so the list filtered by it holds this test's notes only. */
    private static String internalProvider() {
        return as(Tokens.of("economy.notes", Set.of("ECONOMY"), Set.of())).contentType(ContentType.JSON)
                .body(Map.of("name", "Familiehuset " + UUID.randomUUID().toString().substring(0, 8), "kind", "INTERNAL",
                        "services", List.of("SUPPORTIVE_MEASURES")))
                .post("/providers").then().statusCode(201).extract().path("id");
    }

    private static String grant(UUID caseId, Map<String, Object> provider, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceType", "SUPPORTIVE_MEASURES", "priceOre", 100_000, "tariffPeriod", "MONTH",
                "scope", 1, "from", from.toString(), "to", to.toString()));
        body.putAll(provider);
        return given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse agree(UUID caseId, String grantId, String etag, Map<String, Object> entry) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(entry);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.put("/cases/" + caseId + "/status-notes/agreements/" + grantId).then();
    }

    private static Map<String, Object> note(String grantId, String documentId) {
        return Map.of("grantId", grantId, "writtenOn", today().toString(), "document", Map.of("system", "SBSYS",
                "caseNumber", "27.24.00-G01-123-26", "documentId", documentId, "title", "Statusnotat", "date", today().toString()));
    }

    @Test
    void a_quarterly_agreement_expects_a_note_every_three_months_and_a_note_received_meets_the_earliest_open_one() {
        String provider = internalProvider();
        UUID caseId = Api.registerCase(freshCpr());
        LocalDate from = today().minusMonths(7);
        String grantId = grant(caseId, Map.of("providerId", provider), from, from.plusMonths(12));
        agree(caseId, grantId, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 3)).statusCode(201)
                .body("providerId", equalTo(provider)).body("everyMonths", equalTo(3)).body("daysBefore", nullValue());

        given().get("/cases/" + caseId + "/status-notes").then().statusCode(200)
                .body("expected.dueOn", contains(from.plusMonths(3).toString(), from.plusMonths(6).toString(), from.plusMonths(9).toString()))
                .body("expected.status", contains("LATE", "LATE", "DUE")).body("received", hasSize(0));

        String noteId = providerSystem().contentType(ContentType.JSON).body(note(grantId, "4712")).post("/status-notes").then()
                .statusCode(201).body("meets", equalTo(1)).body("document.documentId", equalTo("4712")).extract().path("id");
        // the provider's system retries: the same document is the same note
        providerSystem().contentType(ContentType.JSON).body(note(grantId, "4712")).post("/status-notes").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(noteId));

        given().get("/cases/" + caseId + "/status-notes").then().statusCode(200)
                .body("expected.status", contains("RECEIVED_LATE", "LATE", "DUE")).body("expected[0].noteId", equalTo(noteId))
                .body("received.id", contains(noteId));
        given().queryParam("provider", provider).queryParam("status", "late").get("/status-notes").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].number", equalTo(2)).body("items[0].caseId", equalTo(caseId.toString()));
        given().queryParam("provider", provider).queryParam("status", "received").get("/status-notes").then()
                .body("items.noteId", contains(noteId));
        given().queryParam("provider", provider).get("/status-notes").then().body("items.dueOn",
                contains(from.plusMonths(3).toString(), from.plusMonths(6).toString(), from.plusMonths(9).toString()));
        as(Tokens.of("auditor.notes", Set.of("AUDITOR"), Set.of())).queryParam("caseId", caseId.toString()).get("/access-log").then()
                .statusCode(200).body("items.what", hasItem("status notes list")).body("items.what", hasItem("status note"));
    }

    @Test
    void notes_agreed_before_each_follow_up_are_due_fourteen_days_before_it_and_move_with_the_follow_up() {
        UUID caseId = Api.registerCase(freshCpr());
        LocalDate from = today().minusMonths(1);
        String grantId = grant(caseId, Map.of("provider", "INTERNAL", "providerName", "UngeBasen"), from, from.plusYears(1));
        agree(caseId, grantId, null, Map.of("cadence", "BEFORE_FOLLOW_UP")).statusCode(201).body("daysBefore", equalTo(14));
        given().get("/cases/" + caseId + "/status-notes").then()
                .body("expected.dueOn", contains(from.plusMonths(3).minusDays(14).toString())).body("expected.status", contains("DUE"));

        // the first follow-up held today: the next is due six months later, and its note 14 days before
        given().contentType(ContentType.JSON).body(Map.of("kind", "FOLLOW_UP", "occurredAt", today().atTime(10, 0)
                        .atZone(Times.DENMARK).toOffsetDateTime().toString(), "grantId", grantId))
                .post("/cases/" + caseId + "/casework").then().statusCode(201);
        given().get("/cases/" + caseId + "/status-notes").then()
                .body("expected.dueOn", contains(from.plusMonths(3).minusDays(14).toString(), today().plusMonths(6).minusDays(14).toString()));
    }

    @Test
    void an_agreement_is_for_an_internal_provider_with_a_valid_cadence_and_changes_only_with_the_current_etag() {
        UUID caseId = Api.registerCase(freshCpr());
        String external = grant(caseId, Map.of("provider", "EXTERNAL", "providerName", "Opholdssted Solsikken"), today(), today().plusYears(1));
        agree(caseId, external, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 3)).statusCode(422)
                .contentType("application/problem+json");
        String internal = grant(caseId, Map.of("provider", "INTERNAL", "providerName", "Familiehuset"), today(), today().plusYears(1));
        agree(caseId, internal, null, Map.of("cadence", "EVERY_MONTHS")).statusCode(400).body("errors.field", hasItem("everyMonths"));
        agree(caseId, internal, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 30)).statusCode(400);
        agree(caseId, internal, null, Map.of("cadence", "BEFORE_FOLLOW_UP", "everyMonths", 3)).statusCode(400)
                .body("errors.field", hasItem("everyMonths"));
        agree(caseId, UUID.randomUUID().toString(), null, Map.of("cadence", "BEFORE_FOLLOW_UP")).statusCode(404);
        String etag = agree(caseId, internal, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 3)).statusCode(201).extract().header("ETag");
        agree(caseId, internal, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 2)).statusCode(428);
        agree(caseId, internal, "\"999\"", Map.of("cadence", "EVERY_MONTHS", "everyMonths", 2)).statusCode(412);
        agree(caseId, internal, etag, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 2)).statusCode(200).body("everyMonths", equalTo(2));
        given().get("/cases/" + caseId + "/audit").then()
                .body("findAll { it.field == 'status note agreement' }.action", contains("ADD", "CHANGE"));
    }

    @Test
    void only_a_system_sends_notes_and_only_for_a_grant_with_an_agreement() {
        UUID caseId = Api.registerCase(freshCpr());
        String grantId = grant(caseId, Map.of("provider", "INTERNAL", "providerName", "Familiehuset"), today(), today().plusYears(1));
        providerSystem().contentType(ContentType.JSON).body(note(grantId, "1")).post("/status-notes").then().statusCode(422)
                .contentType("application/problem+json");
        agree(caseId, grantId, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 1)).statusCode(201);
        given().contentType(ContentType.JSON).body(note(grantId, "1")).post("/status-notes").then().statusCode(403);
        Map<String, Object> future = new HashMap<>(note(grantId, "2"));
        future.put("writtenOn", today().plusDays(1).toString());
        providerSystem().contentType(ContentType.JSON).body(future).post("/status-notes").then().statusCode(400)
                .body("errors.field", hasItem("writtenOn"));
        Map<String, Object> noDocument = new HashMap<>(note(grantId, "3"));
        noDocument.remove("document");
        providerSystem().contentType(ContentType.JSON).body(noDocument).post("/status-notes").then().statusCode(400);
        given().get("/cases/" + caseId + "/status-notes").then().body("received", hasSize(0));
        given().queryParam("status", "sometimes").get("/status-notes").then().statusCode(400);
    }

    @Test
    void an_adviser_of_the_other_department_does_not_see_the_case_on_the_list() {
        String provider = internalProvider();
        UUID caseId = Api.registerCase(freshCpr());
        String grantId = grant(caseId, Map.of("providerId", provider), today().minusMonths(2), today().plusYears(1));
        agree(caseId, grantId, null, Map.of("cadence", "EVERY_MONTHS", "everyMonths", 1)).statusCode(201);
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).queryParam("provider", provider).get("/status-notes").then()
                .statusCode(200).body("total", equalTo(0));
        as(Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"))).queryParam("provider", provider).get("/status-notes").then()
                .statusCode(200).body("total", equalTo(13)) // monthly over the grant's 14 months, the first one overdue
                .body("items[0].status", equalTo("LATE")).body("items[1].status", equalTo("DUE"))
                .body("items[0].dueOn", equalTo(today().minusMonths(1).toString()));
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).get("/cases/" + caseId + "/status-notes").then().statusCode(404);
    }
}
