package dk.visitation.integration;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.newCase;
import static dk.visitation.support.Api.register;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17, living beside DUBU: the case's DUBU id, found by it, and the facts other systems read of a case. */
@QuarkusTest
class DubuAndSummaryTest {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private static String system(String department) {
        return Tokens.of("dubu.bridge." + department.toLowerCase(), Set.of("SYSTEM"), Set.of(department));
    }

    private static String freshDubuId() {
        return "DUBU-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Map<String, Object> newCaseWithDubuId(String dubuCaseId) {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("dubuCaseId", dubuCaseId);
        return body;
    }

    @Test
    void a_dubu_case_id_given_at_intake_is_shown_found_by_a_system_and_refused_for_a_second_case() {
        String dubu = freshDubuId();
        String caseId = as(system("MYN")).contentType(ContentType.JSON).body(newCaseWithDubuId(dubu)).post("/cases").then()
                .statusCode(201).body("dubuCaseId", equalTo(dubu)).extract().path("id");
        given().get("/cases/" + caseId).then().statusCode(200).body("dubuCaseId", equalTo(dubu));

        register(newCaseWithDubuId(dubu)).statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("dubuCaseId"));
        register(newCaseWithDubuId("has a space")).statusCode(400).body("errors.field", contains("dubuCaseId"));
        register(newCaseWithDubuId("D".repeat(41))).statusCode(400).body("errors.field", hasItem("dubuCaseId"));

        as(system("MYN")).queryParam("dubuCaseId", dubu).get("/cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(caseId)).body("items[0].dubuCaseId", equalTo(dubu))
                .body("items[0].child.cpr", not(equalTo(null)));
        as(system("CBA")).queryParam("dubuCaseId", dubu).get("/cases").then().statusCode(200).body("total", equalTo(0));
        as(system("MYN")).get("/cases").then().statusCode(400).body("errors.field", contains("dubuCaseId"));
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).queryParam("caseId", caseId).get("/access-log").then()
                .statusCode(200).body("items.find { it.what == 'case list' }.actor", equalTo("dubu.bridge.myn"));
    }

    @Test
    void a_dubu_case_id_is_set_by_the_merge_patch_with_if_match_and_stays_unique() {
        String taken = freshDubuId();
        register(newCaseWithDubuId(taken)).statusCode(201);
        UUID caseId = registerCase(freshCpr());
        // the process's start moves the case on (a new version): read the ETag after it, not before
        dk.visitation.support.Visitation.awaitStatus(caseId, "AWAITING_ASSESSMENT");
        String etag = given().get("/cases/" + caseId).then().statusCode(200).body("dubuCaseId", nullValue()).extract().header("ETag");

        given().contentType("application/merge-patch+json").body(Map.of("dubuCaseId", "DUBU-1")).patch("/cases/" + caseId).then()
                .statusCode(428);
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("dubuCaseId", taken))
                .patch("/cases/" + caseId).then().statusCode(409).body("errors.field", contains("dubuCaseId"));
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("dubuCaseId", "bad id!"))
                .patch("/cases/" + caseId).then().statusCode(400).body("errors.field", contains("dubuCaseId"));
        String mine = freshDubuId();
        String newEtag = given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("dubuCaseId", mine))
                .patch("/cases/" + caseId).then().statusCode(200).body("dubuCaseId", equalTo(mine)).extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("dubuCaseId", freshDubuId()))
                .patch("/cases/" + caseId).then().statusCode(412);
        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("find { it.field == 'dubuCaseId' }.newValue", equalTo(mine));
        given().queryParam("dubuCaseId", mine).get("/cases").then().statusCode(200).body("items.id", contains(caseId.toString()));

        // a null removes it, and the id is free again
        Map<String, Object> remove = new HashMap<>();
        remove.put("dubuCaseId", null);
        given().contentType("application/merge-patch+json").header("If-Match", newEtag).body(remove).patch("/cases/" + caseId).then()
                .statusCode(200).body("dubuCaseId", nullValue());
        register(newCaseWithDubuId(mine)).statusCode(201);
    }

    @Test
    void the_summary_gives_a_system_the_place_the_payer_now_and_planned_the_running_grant_and_the_next_open_deadline() {
        LocalDate today = LocalDate.now(DENMARK);
        String dubu = freshDubuId();
        String caseId = register(newCaseWithDubuId(dubu)).statusCode(201).extract().path("id");
        String grant = given().contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE", "provider", "EXTERNAL",
                        "providerName", "Aflastningsfamilien Holm", "priceOre", 100_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                        "from", today.minusDays(10).toString(), "to", today.plusYears(1).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
        // a grant that has ended does not run
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "SPECIAL_TRANSPORT", "provider", "INTERNAL",
                        "providerName", "Kørselskontoret", "priceOre", 10_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                        "from", "2026-11-20", "to", today.minusDays(1).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201);
        LocalDate switchOn = today.plusDays(60);
        as(Tokens.of("eva.economy", Set.of("ECONOMY"), Set.of())).contentType(ContentType.JSON)
                .body(Map.of("department", "CBA", "effectiveDate", switchOn.toString(), "reason", "Overdrages til CBA"))
                .post("/cases/" + caseId + "/payment-responsibility").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("kind", "NOTIFICATION", "occurredAt",
                        OffsetDateTime.now(DENMARK).minusHours(1).withNano(0).toString(), "notifierKind", "PRIVATE", "urgent", false))
                .post("/cases/" + caseId + "/casework").then().statusCode(201);

        as(system("MYN")).get("/cases/" + caseId + "/summary").then().statusCode(200)
                .body("caseId", equalTo(caseId)).body("dubuCaseId", equalTo(dubu))
                .body("department", equalTo("MYN")).body("contributingDepartment", nullValue())
                .body("status", not(nullValue())).body("adviser", nullValue())
                .body("date", equalTo(today.toString()))
                .body("payerNow", equalTo("MYN"))
                .body("paymentPlanned", hasSize(1))
                .body("paymentPlanned[0].from", equalTo(switchOn.toString()))
                .body("paymentPlanned[0].department", equalTo("CBA"))
                .body("runningGrants", hasSize(1))
                .body("runningGrants[0].grantId", equalTo(grant))
                .body("runningGrants[0].measure", equalTo("RESPITE_CARE"))
                .body("runningGrants[0].provider", equalTo("EXTERNAL"))
                .body("runningGrants[0].providerName", equalTo("Aflastningsfamilien Holm"))
                .body("runningGrants[0].to", equalTo(today.plusYears(1).toString()))
                .body("nextDeadlines.rule", hasItem("barnets-lov-136-notification-assessment"))
                .body("nextDeadlines.find { it.rule == 'barnets-lov-136-notification-assessment' }.status", not(equalTo("MET")));
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).queryParam("caseId", caseId).get("/access-log").then()
                .statusCode(200).body("items.find { it.what == 'case summary' }.actor", equalTo("dubu.bridge.myn"))
                .body("items.find { it.what == 'case summary' }.roles", equalTo("SYSTEM"));
    }

    @Test
    void the_summary_is_for_systems_and_leaders_and_a_system_sees_only_its_departments_cases() {
        UUID caseId = registerCase(freshCpr());
        as(system("CBA")).get("/cases/" + caseId + "/summary").then().statusCode(404);
        as(Tokens.of("lone.leader", Set.of("LEADER"), Set.of())).get("/cases/" + caseId + "/summary").then().statusCode(200)
                .body("payerNow", equalTo("MYN")).body("paymentPlanned", hasSize(0)).body("runningGrants", hasSize(0));
        for (String role : List.of("MYN_ADVISER", "CBA_ADVISER", "COMMITTEE_MEMBER", "ECONOMY", "AUDITOR")) {
            as(Tokens.of("someone." + role.toLowerCase(), Set.of(role), Set.of("MYN"))).get("/cases/" + caseId + "/summary").then()
                    .statusCode(403);
        }
        given().get("/cases/" + UUID.randomUUID() + "/summary").then().statusCode(403);
    }
}
