package dk.visitation.advisers;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.common.Times;
import dk.visitation.support.Advisers;
import dk.visitation.support.Api;
import dk.visitation.support.Visitation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: a case's adviser is an active adviser of its department, and every assignment and change is kept, dated. */
@QuarkusTest
class CaseAdviserAssignmentTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID intake(String adviser) {
        Map<String, Object> intake = new HashMap<>(Api.newCase(freshCpr()));
        intake.put("adviser", adviser);
        return UUID.fromString(Api.register(intake).statusCode(201).extract().path("id"));
    }

    private static String settled(UUID id) {
        Visitation.awaitStatus(id, "AWAITING_ASSESSMENT"); // the engine's start bumps the version
        return given().get("/cases/" + id).then().extract().header("ETag");
    }

    private static JsonPath continuityToday() {
        String today = LocalDate.now(Times.DENMARK).toString();
        return as(Advisers.leader()).queryParam("department", "MYN").queryParam("from", today).queryParam("to", today)
                .get("/caseload/continuity").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_case_reassigned_twice_in_a_day_keeps_both_changes_in_its_history_and_continuity_counts_both() {
        String t = tag();
        String first = Advisers.ensure("first." + t, "MYN");
        String second = Advisers.ensure("second." + t, "MYN");
        String third = Advisers.ensure("third." + t, "MYN");
        UUID id = intake(first);
        JsonPath before = continuityToday();
        String etag = settled(id);
        etag = given().contentType(MERGE_PATCH).header("If-Match", etag).header("Change-Reason", "Omfordeling")
                .body(Map.of("adviser", second)).patch("/cases/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(MERGE_PATCH).header("If-Match", etag).header("Change-Reason", "Sygemelding")
                .body(Map.of("adviser", third)).patch("/cases/" + id).then().statusCode(200);

        given().get("/cases/" + id + "/advisers").then().statusCode(200)
                .body("caseId", equalTo(id.toString()))
                .body("currentAdviser", equalTo(third))
                .body("advisersHad", equalTo(3))
                .body("changes", equalTo(2))
                .body("assignments.fromAdviser", equalTo(Arrays.asList(null, first, second)))
                .body("assignments.toAdviser", equalTo(Arrays.asList(first, second, third)))
                .body("assignments.change", equalTo(Arrays.asList(false, true, true)))
                .body("assignments.reason", equalTo(Arrays.asList(null, "Omfordeling", "Sygemelding")))
                .body("assignments.assignedBy", equalTo(Arrays.asList("test.adviser", "test.adviser", "test.adviser")))
                .body("assignments[0].endedAt", equalTo(given().get("/cases/" + id + "/advisers").then().extract().path("assignments[1].assignedAt")))
                .body("assignments[1].endedAt", notNullValue())
                .body("assignments[2].endedAt", nullValue());

        JsonPath after = continuityToday();
        long changes = after.getLong("departments[0].changes") - before.getLong("departments[0].changes");
        long changed = after.getLong("departments[0].changedCases") - before.getLong("departments[0].changedCases");
        assertTrue(changes >= 2, "both changes of the day count: " + changes);
        assertTrue(changed >= 1, "the case counts as changed: " + changed);
    }

    @Test
    void an_adviser_who_is_not_active_on_the_day_is_refused_with_a_400_naming_the_adviser_field() {
        String t = tag();
        String left = "left." + t;
        as(Advisers.leader()).contentType(ContentType.JSON).body(Map.of("userId", left, "name", "Gået", "department", "MYN", "fte", 1,
                "caseloadKind", "CHILDREN_AND_FAMILY", "activeFrom", "2020-01-01", "activeTo", "2021-01-01")).post("/advisers").then()
                .statusCode(201);
        String coming = "coming." + t;
        as(Advisers.leader()).contentType(ContentType.JSON).body(Map.of("userId", coming, "name", "Kommende", "department", "MYN",
                "fte", 1, "caseloadKind", "CHILDREN_AND_FAMILY", "activeFrom", LocalDate.now(Times.DENMARK).plusDays(7).toString()))
                .post("/advisers").then().statusCode(201);
        for (String adviser : new String[] {left, coming, "unknown." + t}) {
            Map<String, Object> intake = new HashMap<>(Api.newCase(freshCpr()));
            intake.put("adviser", adviser);
            Api.register(intake).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("adviser"));
        }
        UUID id = Api.registerCase(freshCpr());
        String etag = settled(id);
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("adviser", left)).patch("/cases/" + id).then()
                .statusCode(400).body("errors.field", hasItem("adviser"));
        given().get("/cases/" + id).then().header("ETag", etag).body("adviser", nullValue());
        given().get("/cases/" + id + "/advisers").then().body("assignments.size()", equalTo(0)).body("advisersHad", equalTo(0));
    }

    @Test
    void an_adviser_of_the_other_department_is_refused_at_intake_and_in_a_change() {
        String cba = Advisers.ensure("cba." + tag(), "CBA");
        Map<String, Object> intake = new HashMap<>(Api.newCase(freshCpr())); // a MYN case
        intake.put("adviser", cba);
        Api.register(intake).statusCode(400).body("errors.field", hasItem("adviser"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("of CBA, not of MYN")));
        UUID id = Api.registerCase(freshCpr());
        String etag = settled(id);
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("adviser", cba)).patch("/cases/" + id).then()
                .statusCode(400).body("errors.field", hasItem("adviser"));
        intake.put("department", "CBA");
        intake.put("child", Map.of("cpr", freshCpr(), "name", "Ida Hansen"));
        Api.register(intake).statusCode(201).body("adviser", equalTo(cba));
    }

    @Test
    void a_case_keeps_an_adviser_from_before_the_register_until_it_is_reassigned() {
        UUID id = Api.registerCase(freshCpr());
        settled(id);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update child_case set adviser = 'gammel.fritekst', version = version + 1 where id = :id")
                .setParameter("id", id).executeUpdate());
        String etag = given().get("/cases/" + id).then().extract().header("ETag");
        etag = given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("description", "Opdateret")).patch("/cases/" + id)
                .then().statusCode(200).body("adviser", equalTo("gammel.fritekst")).extract().header("ETag");
        String mette = Advisers.ensure("mette.myn", "MYN");
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("adviser", mette)).patch("/cases/" + id).then()
                .statusCode(200).body("adviser", equalTo(mette));
        given().get("/cases/" + id + "/advisers").then().body("assignments.fromAdviser", equalTo(Arrays.asList("gammel.fritekst")))
                .body("assignments.toAdviser", equalTo(Arrays.asList(mette)));
    }

    @Test
    void the_history_of_a_case_outside_the_callers_scope_is_404() {
        UUID id = intake(Advisers.ensure("scope." + tag(), "MYN"));
        as(dk.visitation.support.Tokens.of("carl.cba", java.util.Set.of("CBA_ADVISER"), java.util.Set.of("CBA")))
                .get("/cases/" + id + "/advisers").then().statusCode(404);
        given().get("/cases/" + UUID.randomUUID() + "/advisers").then().statusCode(404).contentType("application/problem+json");
    }
}
