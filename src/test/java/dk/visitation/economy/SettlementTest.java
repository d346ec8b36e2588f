package dk.visitation.economy;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.common.Department;
import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The periodic settlement between MYN and CBA: each department's statement per quarter, corrections of
 * approved quarters for switches dated back, approval by ECONOMY from its task list, and immutability.
 * Every test settles quarters of its own year, so statements of other tests never meet.
 */
@QuarkusTest
class SettlementTest {

    /** 730,000 kr a year is 2,000 kr a day: a quarter of 90 days costs 180,000 kr exactly. */
    private static final long DAILY_ORE = 200_000L;

    @Inject
    Settlements settlements;

    @Inject
    EntityManager em;

    static String economy() {
        return Tokens.of("erik.economy", Set.of("ECONOMY"), Set.of());
    }

    static UUID caseReceived(LocalDate day) {
        Map<String, Object> body = new HashMap<>(Api.newCase(freshCpr()));
        body.put("receivedAt", day + "T09:00:00+01:00");
        return UUID.fromString(Api.register(body).statusCode(201).extract().path("id"));
    }

    private static void grant(UUID caseId, int year) {
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                        "providerName", "Familiehuset", "priceOre", DAILY_ORE * 365, "tariffPeriod", "YEAR", "scope", 1,
                        "from", year + "-01-01", "to", (year + 1) + "-01-01"))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).body("approval", equalTo("NOT_REQUIRED"));
    }

    private static JsonPath compute(String department, String periodFrom) {
        return as(economy()).contentType(ContentType.JSON).body(Map.of("department", department, "periodFrom", periodFrom))
                .post("/settlements").then().statusCode(200).extract().jsonPath();
    }

    /** The sum of the statement's lines of {@code kind} for the case. */
    static long line(JsonPath statement, UUID caseId, String kind) {
        List<Map<String, Object>> lines = statement.getList("lines");
        return lines.stream().filter(l -> caseId.toString().equals(l.get("caseId")) && kind.equals(l.get("kind")))
                .mapToLong(l -> ((Number) l.get("amountOre")).longValue()).sum();
    }

    /** Approves the statement from ECONOMY's task list, with the version read. */
    static void approve(String statementId, long version) {
        String taskId = awaitTask(statementId);
        as(economy()).contentType(ContentType.JSON).body(Map.of("version", version, "note", "Afstemt med regnskab"))
                .post("/tasks/" + taskId + "/complete").then().statusCode(200);
    }

    static String awaitTask(String subjectId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> ids = as(economy()).queryParam("subjectId", subjectId).get("/tasks").then().statusCode(200)
                    .extract().path("items.id");
            return ids.isEmpty() ? null : ids.getFirst();
        }, id -> id != null);
    }

    @Test
    void a_quarter_is_charged_to_the_department_that_paid_and_the_total_is_the_sum_of_its_lines() {
        UUID caseId = caseReceived(LocalDate.of(2019, 1, 1));
        grant(caseId, 2019);

        JsonPath myn = compute("MYN", "2019-01-01");
        assertEquals(90 * DAILY_ORE, line(myn, caseId, "REGULAR"));
        assertEquals("DRAFT", myn.getString("statement.status"));
        assertEquals("2019-04-01", myn.getString("statement.periodTo"));
        List<Map<String, Object>> lines = myn.getList("lines");
        assertEquals(myn.getLong("statement.totalOre"), lines.stream().mapToLong(l -> ((Number) l.get("amountOre")).longValue()).sum());
        assertEquals(0L, line(compute("CBA", "2019-01-01"), caseId, "REGULAR"));

        // computing again is safe: the same figures, the statement a version further
        JsonPath again = compute("MYN", "2019-01-01");
        assertEquals(90 * DAILY_ORE, line(again, caseId, "REGULAR"));
        assertEquals(myn.getString("statement.id"), again.getString("statement.id"));
        assertTrue(again.getLong("statement.version") > myn.getLong("statement.version"));
    }

    @Test
    void a_switch_dated_back_into_an_approved_quarter_is_corrected_in_the_next_statement_of_both_departments_once() {
        UUID caseId = caseReceived(LocalDate.of(2020, 1, 1));
        grant(caseId, 2020);
        JsonPath mynQ1 = compute("MYN", "2020-01-01");
        JsonPath cbaQ1 = compute("CBA", "2020-01-01");
        assertEquals(91 * DAILY_ORE, line(mynQ1, caseId, "REGULAR")); // 2020 is a leap year
        approve(mynQ1.getString("statement.id"), mynQ1.getLong("statement.version"));
        approve(cbaQ1.getString("statement.id"), cbaQ1.getLong("statement.version"));
        as(economy()).get("/settlements/" + mynQ1.getString("statement.id")).then().statusCode(200)
                .body("statement.status", equalTo("APPROVED"))
                .body("statement.approvedBy", equalTo("erik.economy"))
                .body("statement.approvalNote", equalTo("Afstemt med regnskab"));

        // CBA should have paid from 15 February: recorded now, dated back into the approved quarter
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "CBA", "effectiveDate", "2020-02-15",
                "reason", "Overdragelse registreret for sent")).post("/cases/" + caseId + "/payment-responsibility")
                .then().statusCode(200);
        long owed = 46 * DAILY_ORE; // 15 February – 31 March 2020

        JsonPath mynQ2 = compute("MYN", "2020-04-01");
        JsonPath cbaQ2 = compute("CBA", "2020-04-01");
        assertEquals(-owed, line(mynQ2, caseId, "CORRECTION"));
        assertEquals(owed, line(cbaQ2, caseId, "CORRECTION"));
        assertEquals(0L, line(mynQ2, caseId, "REGULAR"));
        assertEquals(91 * DAILY_ORE, line(cbaQ2, caseId, "REGULAR"));
        assertEquals("2020-01-01", correctionPeriod(cbaQ2, caseId));

        // computing the draft again does not correct twice; once approved, later quarters correct nothing more
        assertEquals(-owed, line(compute("MYN", "2020-04-01"), caseId, "CORRECTION"));
        JsonPath mynQ2Again = compute("MYN", "2020-04-01");
        approve(mynQ2Again.getString("statement.id"), mynQ2Again.getLong("statement.version"));
        assertEquals(0L, line(compute("MYN", "2020-07-01"), caseId, "CORRECTION"));
    }

    private static String correctionPeriod(JsonPath statement, UUID caseId) {
        List<Map<String, Object>> lines = statement.getList("lines");
        return lines.stream().filter(l -> caseId.toString().equals(l.get("caseId")) && "CORRECTION".equals(l.get("kind")))
                .map(l -> (String) l.get("periodFrom")).findFirst().orElseThrow();
    }

    @Test
    void an_approved_statement_never_changes_through_the_api_or_in_the_database() {
        UUID caseId = caseReceived(LocalDate.of(2018, 1, 1));
        grant(caseId, 2018);
        JsonPath statement = compute("MYN", "2018-04-01");
        assertEquals(91 * DAILY_ORE, line(statement, caseId, "REGULAR"));
        String id = statement.getString("statement.id");
        approve(id, statement.getLong("statement.version"));

        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2018-04-01"))
                .post("/settlements").then().statusCode(409).contentType(startsWith("application/problem+json"));
        UUID statementId = UUID.fromString(id);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update settlement set regular_ore = regular_ore + 1 where id = :id").setParameter("id", statementId).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from settlement_line where settlement_id = :id").setParameter("id", statementId).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into settlement_line (id, settlement_id, case_id, kind, period_from, period_to, amount_ore)
                        values (gen_random_uuid(), :id, gen_random_uuid(), 'REGULAR', '2018-04-01', '2018-07-01', 1)""")
                .setParameter("id", statementId).executeUpdate()));
    }

    @Test
    void economy_approves_only_the_version_it_read() {
        JsonPath first = compute("MYN", "2017-01-01");
        JsonPath second = compute("MYN", "2017-01-01");
        String taskId = awaitTask(first.getString("statement.id"));
        as(economy()).contentType(ContentType.JSON).body(Map.of("version", first.getLong("statement.version")))
                .post("/tasks/" + taskId + "/complete").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        as(economy()).contentType(ContentType.JSON).body(Map.of("note", "uden version"))
                .post("/tasks/" + taskId + "/complete").then().statusCode(400).body("errors[0].field", equalTo("version"));
        as(economy()).get("/settlements/" + first.getString("statement.id")).then().body("statement.status", equalTo("DRAFT"));
        approve(second.getString("statement.id"), second.getLong("statement.version"));
        as(economy()).get("/settlements/" + first.getString("statement.id")).then().body("statement.status", equalTo("APPROVED"));
    }

    @Test
    void a_period_is_settled_only_when_it_has_ended_and_from_its_first_day() {
        LocalDate current = settlements.periodStart(LocalDate.now(dk.visitation.common.Times.DENMARK));
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", current.toString()))
                .post("/settlements").then().statusCode(409).contentType(startsWith("application/problem+json"));
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2016-02-01"))
                .post("/settlements").then().statusCode(400).body("errors[0].field", equalTo("periodFrom"));
        as(economy()).contentType(ContentType.JSON).body(Map.of("periodFrom", "2016-01-01"))
                .post("/settlements").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2016-01-01"))
                .post("/settlements").then().statusCode(403);
        as(economy()).get("/settlements/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void the_nightly_run_settles_the_quarter_that_ended_for_both_departments_once() {
        settlements.settleEndedPeriod(LocalDate.of(2015, 5, 10));
        settlements.settleEndedPeriod(LocalDate.of(2015, 5, 11));
        for (Department department : Department.values()) {
            List<Map<String, Object>> found = as(economy()).queryParam("department", department.name()).queryParam("size", 200)
                    .get("/settlements").then().statusCode(200).extract().path("items");
            List<Map<String, Object>> q1 = found.stream().filter(s -> "2015-01-01".equals(s.get("periodFrom"))).toList();
            assertEquals(1, q1.size(), department + " has one statement for the first quarter of 2015");
            awaitTask((String) q1.getFirst().get("id"));
        }
    }

    @Test
    void a_grant_above_the_approval_amount_waits_for_economy_and_a_rejected_one_commits_nothing() {
        UUID caseId = caseReceived(LocalDate.of(2014, 1, 1));
        Map<String, Object> big = Map.of("serviceType", "PLACEMENT", "provider", "EXTERNAL", "providerName", "Opholdssted Solsikken",
                "priceOre", 150_000_000L, "tariffPeriod", "YEAR", "scope", 1, "from", "2014-01-01", "to", "2015-01-01");
        String first = given().contentType(ContentType.JSON).body(big).post("/cases/" + caseId + "/grants").then().statusCode(201)
                .body("approval", equalTo("PENDING")).extract().path("id");
        String second = given().contentType(ContentType.JSON).body(big).post("/cases/" + caseId + "/grants").then().statusCode(201)
                .extract().path("id");

        // two reviews of one case are two tasks, each closing its own review
        List<Map<String, Object>> reviews = await().atMost(Duration.ofSeconds(20)).until(() -> as(economy())
                .get("/cases/" + caseId + "/economy-reviews").then().statusCode(200).extract().<List<Map<String, Object>>>path("$"),
                r -> r.size() == 2);
        String firstReview = (String) reviews.stream().filter(r -> first.equals(r.get("referenceId"))).findFirst().orElseThrow().get("id");
        String secondReview = (String) reviews.stream().filter(r -> second.equals(r.get("referenceId"))).findFirst().orElseThrow().get("id");
        assertEquals("GRANT_APPROVAL", reviews.getFirst().get("trigger"));
        String firstTask = awaitTask(firstReview);
        String secondTask = awaitTask(secondReview);

        as(economy()).contentType(ContentType.JSON).body(Map.of("costConsequence", "1,5 mio. kr. om året"))
                .post("/tasks/" + secondTask + "/complete").then().statusCode(400).body("errors[0].field", equalTo("approved"));
        as(economy()).contentType(ContentType.JSON).body(Map.of("costConsequence", "Dobbeltbevilling", "approved", false))
                .post("/tasks/" + secondTask + "/complete").then().statusCode(200);
        as(economy()).contentType(ContentType.JSON).body(Map.of("costConsequence", "Anbringelse efter § 46", "approved", true))
                .post("/tasks/" + firstTask + "/complete").then().statusCode(200);

        List<Map<String, Object>> grants = given().get("/cases/" + caseId + "/grants").then().statusCode(200).extract().path("$");
        assertEquals("APPROVED", grants.stream().filter(g -> first.equals(g.get("id"))).findFirst().orElseThrow().get("approval"));
        assertEquals("REJECTED", grants.stream().filter(g -> second.equals(g.get("id"))).findFirst().orElseThrow().get("approval"));
        given().get("/cases/" + caseId + "/audit").then().statusCode(200) // ECONOMY's answer is in the case's audit trail
                .body("findAll { it.field == 'grant.approval' }.newValue", org.hamcrest.Matchers.hasItem(second + ": REJECTED"))
                .body("findAll { it.field == 'grant.approval' }.reason", org.hamcrest.Matchers.hasItem("Dobbeltbevilling"));
        as(economy()).get("/cases/" + caseId + "/economy-reviews").then()
                .body("find { it.id == '" + firstReview + "' }.approved", equalTo(true))
                .body("find { it.id == '" + secondReview + "' }.approved", equalTo(false))
                .body("find { it.id == '" + secondReview + "' }.costConsequence", equalTo("Dobbeltbevilling"));

        // the commitment account holds the approved grant only, under the case's target group
        JsonPath account = as(economy()).queryParam("year", 2014).queryParam("department", "MYN")
                .get("/economy/commitment-account").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> lines = account.getList("lines");
        List<Map<String, Object>> ours = lines.stream().filter(l -> caseId.toString().equals(l.get("caseId"))).toList();
        assertEquals(1, ours.size());
        assertEquals(150_000_000L, ((Number) ours.getFirst().get("amountOre")).longValue());
        assertEquals("NOT_ASSESSED", ours.getFirst().get("targetGroup"));
        assertEquals(0L, ((Number) ours.getFirst().get("awaitingApprovalOre")).longValue());
        long notAssessed = lines.stream().filter(l -> "NOT_ASSESSED".equals(l.get("targetGroup")))
                .mapToLong(l -> ((Number) l.get("amountOre")).longValue()).sum();
        assertEquals(notAssessed, account.getLong("byTargetGroup.NOT_ASSESSED"));
        assertEquals(account.getLong("totalOre"), ((Map<String, Number>) account.get("byServiceType")).values().stream()
                .mapToLong(Number::longValue).sum());
    }
}
