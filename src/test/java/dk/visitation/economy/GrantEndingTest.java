package dk.visitation.economy;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Times;
import dk.visitation.support.Advisers;
import dk.visitation.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, the grant's whole life: a grant ended before the end it was granted with. The figures derived from the grant
 * (its total, the settlement of a quarter already approved, the list of grants not started) follow the cut.
 */
@QuarkusTest
class GrantEndingTest {

    private static final long DAILY_ORE = 100_000L;

    private static UUID caseOf(String adviser, LocalDate received) {
        Map<String, Object> body = new HashMap<>(Api.newCase(freshCpr()));
        body.put("receivedAt", received + "T09:00:00+01:00");
        if (adviser != null) {
            body.put("adviser", Advisers.ensure(adviser, "MYN"));
        }
        return UUID.fromString(Api.register(body).statusCode(201).extract().path("id"));
    }

    private static ExtractableResponse<Response> grant(UUID caseId, LocalDate from, LocalDate to) {
        return given().contentType(ContentType.JSON).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                        "providerName", "Familiehuset", "priceOre", DAILY_ORE * 365, "tariffPeriod", "YEAR", "scope", 1,
                        "from", from.toString(), "to", to.toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract();
    }

    private static io.restassured.response.ValidatableResponse end(UUID caseId, String grantId, String etag, LocalDate to, String reason) {
        var request = given().contentType(ContentType.JSON).body(Map.of("to", to.toString(), "reason", reason));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/cases/" + caseId + "/grants/" + grantId + "/end").then();
    }

    private static LocalDate today() {
        return LocalDate.now(Times.DENMARK);
    }

    @Test
    void a_grant_ended_early_costs_only_its_days_keeps_the_end_it_was_granted_with_and_is_audited() {
        UUID caseId = caseOf(null, today().minusDays(10));
        LocalDate from = today().minusDays(30);
        var granted = grant(caseId, from, from.plusDays(365));
        String grantId = granted.path("id");
        var ended = end(caseId, grantId, granted.header("ETag"), from.plusDays(40), "Familien er flyttet fra kommunen").statusCode(200)
                .body("to", equalTo(from.plusDays(40).toString())).body("grantedTo", equalTo(from.plusDays(365).toString()))
                .body("endReason", equalTo("Familien er flyttet fra kommunen")).body("totalOre", equalTo((int) (40 * DAILY_ORE)))
                .extract();
        // a retry of the same end answers it as it stands, whatever the ETag
        end(caseId, grantId, granted.header("ETag"), from.plusDays(40), "Familien er flyttet fra kommunen").statusCode(200)
                .header("Idempotent-Replayed", "true").header("ETag", ended.header("ETag"));
        given().get("/cases/" + caseId + "/grants").then().statusCode(200)
                .body("find { it.id == '" + grantId + "' }.totalOre", equalTo((int) (40 * DAILY_ORE)));
        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("findAll { it.field == 'grant end' }.reason", hasItem("Familien er flyttet fra kommunen"))
                .body("findAll { it.field == 'grant end' }.newValue", hasItem(containsString(from.plusDays(40).toString())));
        // ended again, earlier, it still remembers the end it was granted with
        end(caseId, grantId, ended.header("ETag"), from.plusDays(35), "Rettet slutdato").statusCode(200)
                .body("grantedTo", equalTo(from.plusDays(365).toString())).body("totalOre", equalTo((int) (35 * DAILY_ORE)));
    }

    @Test
    void an_end_needs_the_current_etag_and_a_day_inside_the_period_after_the_service_started() {
        UUID caseId = caseOf(null, today().minusDays(10));
        LocalDate from = today().minusDays(20);
        var granted = grant(caseId, from, from.plusDays(100));
        String grantId = granted.path("id");
        String etag = given().contentType(ContentType.JSON).header("If-Match", granted.header("ETag"))
                .body(Map.of("startedOn", from.plusDays(5).toString())).post("/cases/" + caseId + "/grants/" + grantId + "/start")
                .then().statusCode(200).extract().header("ETag");
        end(caseId, grantId, null, from.plusDays(50), "Uden ETag").statusCode(428);
        end(caseId, grantId, granted.header("ETag"), from.plusDays(50), "Forældet ETag").statusCode(412);
        end(caseId, grantId, etag, from.plusDays(100), "Ikke tidligere").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        end(caseId, grantId, etag, from.minusDays(1), "Før første dag").statusCode(400).body("errors.field", hasItem("to"));
        end(caseId, grantId, etag, from.plusDays(5), "Samme dag som starten").statusCode(400)
                .body("errors.message", hasItem(containsString("after the day the service started")));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", from.plusDays(50).toString(), "reason", " "))
                .post("/cases/" + caseId + "/grants/" + grantId + "/end").then().statusCode(400).body("errors.field", hasItem("reason"));
        end(caseId, UUID.randomUUID().toString(), etag, from.plusDays(50), "Ukendt").statusCode(404);
        given().get("/cases/" + caseId + "/grants").then().body("find { it.id == '" + grantId + "' }.grantedTo", nullValue())
                .body("find { it.id == '" + grantId + "' }.to", equalTo(from.plusDays(100).toString()));
    }

    @Test
    void a_grant_ended_on_its_first_day_before_it_started_costs_nothing_and_no_longer_waits_to_start() {
        String adviser = "ending.adviser." + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = caseOf(adviser, today().minusDays(3));
        var granted = grant(caseId, today().plusDays(7), today().plusDays(7 + 90));
        String grantId = granted.path("id");
        given().queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200).body("items.grantId", hasItem(grantId));
        end(caseId, grantId, granted.header("ETag"), today().plusDays(7), "Familien takkede nej før start").statusCode(200)
                .body("totalOre", equalTo(0)).body("to", equalTo(today().plusDays(7).toString()));
        given().queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200).body("items.grantId", not(hasItem(grantId)));
    }

    @Test
    void a_grant_cut_back_into_an_approved_quarter_is_corrected_in_the_next_statement() {
        UUID caseId = caseOf(null, LocalDate.of(2010, 1, 1));
        var granted = grant(caseId, LocalDate.of(2010, 1, 1), LocalDate.of(2011, 1, 1));
        JsonPath q1 = as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2010-01-01"))
                .post("/settlements").then().statusCode(200).extract().jsonPath();
        assertEquals(90 * DAILY_ORE, SettlementTest.line(q1, caseId, "REGULAR"));
        SettlementTest.approve(q1.getString("statement.id"), q1.getLong("statement.version"));

        end(caseId, granted.path("id"), granted.header("ETag"), LocalDate.of(2010, 3, 1), "Indsatsen sluttede før tid").statusCode(200);
        JsonPath q2 = as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2010-04-01"))
                .post("/settlements").then().statusCode(200).extract().jsonPath();
        assertEquals(-31 * DAILY_ORE, SettlementTest.line(q2, caseId, "CORRECTION")); // March 2010, paid in the approved quarter
        assertEquals(0L, SettlementTest.line(q2, caseId, "REGULAR"));
    }

    @Test
    void a_rejected_grant_cannot_be_ended() {
        UUID caseId = caseOf(null, today().minusDays(3));
        var granted = given().contentType(ContentType.JSON).body(Map.of("serviceType", "PLACEMENT", "provider", "EXTERNAL",
                        "providerName", "Opholdssted Solsikken", "priceOre", 2_000_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                        "from", today().toString(), "to", today().plusYears(1).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).body("approval", equalTo("PENDING")).extract();
        String grantId = granted.path("id");
        String review = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> as(SettlementTest.economy())
                .get("/cases/" + caseId + "/economy-reviews").then().statusCode(200).extract().<List<String>>path("id"), r -> !r.isEmpty()).getFirst();
        as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("costConsequence", "For dyrt", "approved", false))
                .post("/tasks/" + SettlementTest.awaitTask(review) + "/complete").then().statusCode(200);
        Map<String, Object> rejected = given().get("/cases/" + caseId + "/grants").then().extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(x -> grantId.equals(x.get("id"))).findFirst().orElseThrow();
        assertEquals("REJECTED", rejected.get("approval"));
        String etag = "\"" + rejected.get("version") + "\"";
        end(caseId, grantId, etag, today().plusDays(10), "Afvist bevilling").statusCode(422).contentType("application/problem+json");
    }
}
