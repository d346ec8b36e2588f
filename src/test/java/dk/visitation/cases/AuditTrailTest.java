package dk.visitation.cases;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @org.junit.jupiter.api.BeforeEach
    void registerTheAdvisersNamedHere() {
        dk.visitation.support.Advisers.usual();
    }

    @Test
    void every_change_is_audited_with_who_old_and_new_value_and_the_reason() {
        UUID id = registerCase(freshCpr());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT")));
        String etag = given().get("/cases/" + id).then().extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .header("Change-Reason", URLEncoder.encode("Rådgiver skiftet efter omfordeling", StandardCharsets.UTF_8))
                .body(Map.of("adviser", "mette.myn", "description", "Skolen beskriver betydelig og varig nedsat funktionsevne."))
                .patch("/cases/" + id).then().statusCode(200);

        given().get("/cases/" + id + "/audit").then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("action", contains("CREATE", "CHANGE"))
                .body("[1].actor", equalTo("test.adviser"))
                .body("[1].field", equalTo("adviser"))
                .body("[1].oldValue", equalTo(null))
                .body("[1].newValue", equalTo("mette.myn"))
                .body("[1].reason", equalTo("Rådgiver skiftet efter omfordeling"));
    }

    @Test
    void a_re_recorded_assessment_keeps_its_earlier_version_and_its_conclusion_and_status_change_are_audited() {
        UUID caseId = registerCase(freshCpr());
        String task = dk.visitation.support.Tasks.awaitOpen(caseId, "assess-target-group");
        Map<String, Object> first = new java.util.HashMap<>(dk.visitation.support.Visitation.greyZone());
        first.put("notes", "Første vurdering: gråzone.");
        Map<String, Object> second = new java.util.HashMap<>(dk.visitation.support.Visitation.obviousCba());
        second.put("notes", "Ny udtalelse fra BUP.");
        given().contentType(io.restassured.http.ContentType.JSON).body(first).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        given().contentType(io.restassured.http.ContentType.JSON).body(second).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        dk.visitation.support.Tasks.complete(task, Map.of("outcome", "COMMITTEE", "reason", "Udvalget bør se sagen."));

        var audit = given().get("/cases/" + caseId + "/audit").then().statusCode(200).extract().jsonPath();
        java.util.List<Map<String, Object>> versions = audit.getList("findAll { it.field == 'assessment' }");
        org.junit.jupiter.api.Assertions.assertEquals(2, versions.size(), "both recorded versions are in the trail");
        org.junit.jupiter.api.Assertions.assertNull(versions.get(0).get("oldValue"));
        org.junit.jupiter.api.Assertions.assertTrue(((String) versions.get(0).get("newValue")).contains("Første vurdering: gråzone."));
        org.junit.jupiter.api.Assertions.assertEquals(versions.get(0).get("newValue"), versions.get(1).get("oldValue"),
                "the second version names the first as its old value");
        org.junit.jupiter.api.Assertions.assertTrue(((String) versions.get(1).get("newValue")).contains("Ny udtalelse fra BUP."));
        org.junit.jupiter.api.Assertions.assertEquals("test.adviser", versions.get(1).get("actor"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + caseId + "/audit").then()
                .body("find { it.field == 'assessment.outcome' }.newValue", equalTo("COMMITTEE"))
                .body("find { it.field == 'assessment.outcome' }.reason", equalTo("Udvalget bør se sagen."))
                .body("find { it.field == 'status' }.oldValue", equalTo("AWAITING_ASSESSMENT"))
                .body("find { it.field == 'status' }.newValue", equalTo("PREPARING_COMMITTEE")));
    }

    @Test
    void grants_payment_switches_work_items_and_agenda_removals_are_in_the_audit_trail_with_their_reasons() {
        UUID caseId = dk.visitation.support.Visitation.onAgenda();
        String meeting = dk.visitation.support.Visitation.meetingOf(caseId);
        String item = dk.visitation.support.Visitation.item(meeting, caseId)[0];
        String economy = dk.visitation.support.Tokens.of("erik.economy", java.util.Set.of("ECONOMY"), java.util.Set.of());
        var json = io.restassured.http.ContentType.JSON;
        given().contentType(json).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                "providerName", "Familiehuset", "priceOre", 100_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                "from", "2026-01-01", "to", "2027-01-01")).post("/cases/" + caseId + "/grants").then().statusCode(201);
        dk.visitation.support.Api.as(economy).contentType(json).body(Map.of("department", "CBA", "effectiveDate", "2026-07-01",
                "reason", "Aftalt ved overdragelsesmødet")).post("/cases/" + caseId + "/payment-responsibility").then().statusCode(200);
        String work = given().contentType(json).body(Map.of("kind", "APPLICATION", "description", "Ansøgning om aflastning"))
                .post("/cases/" + caseId + "/work-items").then().statusCode(201).extract().path("id");
        given().post("/cases/" + caseId + "/work-items/" + work + "/close").then().statusCode(200);
        given().header(CaseAuditTrail.CHANGE_REASON, URLEncoder.encode("Forældrene har trukket ansøgningen", StandardCharsets.UTF_8))
                .delete("/committee/meetings/" + meeting + "/agenda/" + item).then().statusCode(204);

        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("find { it.field == 'grant' }.action", equalTo("ADD"))
                .body("find { it.field == 'grant' }.newValue", org.hamcrest.Matchers.containsString("SUPPORTIVE_MEASURES"))
                .body("find { it.field == 'paymentResponsibility' }.actor", equalTo("erik.economy"))
                .body("find { it.field == 'paymentResponsibility' }.reason", equalTo("Aftalt ved overdragelsesmødet"))
                .body("find { it.field == 'paymentResponsibility' }.newValue", org.hamcrest.Matchers.containsString("CBA from 2026-07-01"))
                .body("find { it.field == 'workItem' }.newValue", org.hamcrest.Matchers.containsString("Ansøgning om aflastning"))
                .body("find { it.field == 'workItem.status' }.newValue", equalTo(work + ": CLOSED"))
                .body("find { it.field == 'committeeAgenda' && it.action == 'REMOVE' }.reason", equalTo("Forældrene har trukket ansøgningen"))
                .body("find { it.field == 'committeeAgenda' && it.action == 'REMOVE' }.oldValue", org.hamcrest.Matchers.containsString(meeting));
    }

    @Test
    void a_change_after_the_decision_needs_a_reason() {
        UUID id = registerCase(freshCpr());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT")));
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update child_case set status = 'DECIDED_CBA', version = version + 1 where id = :id")
                .setParameter("id", id).executeUpdate());
        String etag = given().get("/cases/" + id).then().extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("adviser", "carl.cba")).patch("/cases/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("Change-Reason"));
        given().get("/cases/" + id).then().header("ETag", etag);
        given().contentType("application/merge-patch+json").header("If-Match", etag).header("Change-Reason", "Ny rådgiver i CBA")
                .body(Map.of("adviser", "lars.myn")).patch("/cases/" + id).then().statusCode(200);
    }

    @Test
    void the_audit_of_a_case_outside_scope_or_unknown_is_404() {
        given().get("/cases/" + UUID.randomUUID() + "/audit").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
