package dk.visitation.economy;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Times;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, the grant's whole life: a grant's price, tariff or scope changed from a day. The earlier days keep their
 * price, the new part its own, and every figure derived from the grant (its parts' totals, the commitment account per
 * department, a settlement's correction of an approved quarter) follows the change to the øre.
 */
@QuarkusTest
class GrantChangeTest {

    private static final long DAILY_ORE = 100_000L; // 1,000 kr a day: 365,000 kr a year

    private static ExtractableResponse<Response> grant(UUID caseId, LocalDate from, LocalDate to, long yearlyOre) {
        return given().contentType(ContentType.JSON).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                        "providerName", "Familiehuset", "priceOre", yearlyOre, "tariffPeriod", "YEAR", "scope", 1,
                        "from", from.toString(), "to", to.toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract();
    }

    private static ValidatableResponse change(UUID caseId, String grantId, String etag, LocalDate from, long yearlyOre, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("from", from.toString(), "priceOre", yearlyOre, "reason", reason));
        var request = given().contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/cases/" + caseId + "/grants/" + grantId + "/changes").then();
    }

    private static List<Map<String, Object>> grants(UUID caseId) {
        return given().get("/cases/" + caseId + "/grants").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> part(UUID caseId, String id) {
        return grants(caseId).stream().filter(g -> id.equals(g.get("id"))).findFirst().orElseThrow();
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    private static long committed(UUID caseId, int year, String department) {
        JsonPath account = as(SettlementTest.economy()).queryParam("year", year).queryParam("department", department)
                .get("/economy/commitment-account").then().statusCode(200).extract().jsonPath();
        return account.<Map<String, Object>>getList("lines").stream().filter(l -> caseId.toString().equals(l.get("caseId")))
                .mapToLong(l -> number(l, "amountOre")).sum();
    }

    /** ECONOMY's review of the grant part, once the change has asked for it. */
    private static String reviewOf(UUID caseId, String partId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(SettlementTest.economy())
                        .get("/cases/" + caseId + "/economy-reviews").then().statusCode(200).extract().jsonPath()
                        .getString("find { it.referenceId == '" + partId + "' }.id"), java.util.Objects::nonNull);
    }

    private static LocalDate today() {
        return LocalDate.now(Times.DENMARK);
    }

    @Test
    void a_price_change_keeps_the_earlier_days_at_their_price_gives_the_new_part_its_own_and_is_audited() {
        UUID caseId = SettlementTest.caseReceived(today().minusDays(10));
        LocalDate from = today().minusDays(30);
        var granted = grant(caseId, from, from.plusDays(100), DAILY_ORE * 365);
        String grantId = granted.path("id");

        var changed = change(caseId, grantId, granted.header("ETag"), from.plusDays(40), 2 * DAILY_ORE * 365,
                "Ny takst efter genforhandling").statusCode(201)
                .body("grantId", equalTo(grantId)).body("id", not(equalTo(grantId)))
                .body("from", equalTo(from.plusDays(40).toString())).body("to", equalTo(from.plusDays(100).toString()))
                .body("totalOre", equalTo((int) (60 * 2 * DAILY_ORE))).body("approval", equalTo("NOT_REQUIRED"))
                .body("changeReason", equalTo("Ny takst efter genforhandling")).extract();
        String partId = changed.path("id");

        Map<String, Object> earlier = part(caseId, grantId);
        assertEquals(from.plusDays(40).toString(), earlier.get("to"));
        assertEquals(40 * DAILY_ORE, number(earlier, "totalOre")); // the earlier days keep their price
        assertEquals(grantId, earlier.get("grantId"));
        // a retry of the same change answers the part it made, whatever the ETag
        change(caseId, grantId, granted.header("ETag"), from.plusDays(40), 2 * DAILY_ORE * 365, "Ny takst efter genforhandling")
                .statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(partId));
        assertEquals(2, grants(caseId).size());
        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("findAll { it.field == 'grant change' }.reason", hasItem("Ny takst efter genforhandling"))
                .body("findAll { it.field == 'grant change' }.newValue", hasItem(containsString(String.valueOf(2 * DAILY_ORE * 365))));

        // the start is the grant's: recorded through a later part's id it lands on the first part
        given().contentType(ContentType.JSON).header("If-Match", "\"" + earlier.get("version") + "\"")
                .body(Map.of("startedOn", from.plusDays(2).toString())).post("/cases/" + caseId + "/grants/" + partId + "/start")
                .then().statusCode(200).body("id", equalTo(grantId)).body("startedOn", equalTo(from.plusDays(2).toString()));
    }

    @Test
    void a_price_change_on_the_day_the_payment_switches_charges_each_department_its_own_terms_to_the_ore() {
        UUID caseId = SettlementTest.caseReceived(LocalDate.of(2004, 1, 1));
        var granted = grant(caseId, LocalDate.of(2004, 1, 1), LocalDate.of(2005, 1, 1), DAILY_ORE * 365);
        as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("department", "CBA", "effectiveDate", "2004-07-01",
                "reason", "Overdraget til CBA")).post("/cases/" + caseId + "/payment-responsibility").then().statusCode(200);
        change(caseId, granted.path("id"), granted.header("ETag"), LocalDate.of(2004, 7, 1), 2 * DAILY_ORE * 365,
                "Større behov efter overdragelsen").statusCode(201).body("approval", equalTo("NOT_REQUIRED"));

        // 2004 is a leap year: 182 days in January–June at 1,000 kr, 184 days in July–December at 2,000 kr (365-day rate)
        assertEquals(182 * DAILY_ORE, committed(caseId, 2004, "MYN"));
        assertEquals(184 * 2 * DAILY_ORE, committed(caseId, 2004, "CBA"));
        long parts = grants(caseId).stream().mapToLong(g -> number(g, "totalOre")).sum();
        assertEquals(committed(caseId, 2004, "MYN") + committed(caseId, 2004, "CBA"), parts); // the parts add up to the whole
    }

    @Test
    void a_change_back_into_an_approved_quarter_is_corrected_in_the_next_statement() {
        UUID caseId = SettlementTest.caseReceived(LocalDate.of(2009, 1, 1));
        var granted = grant(caseId, LocalDate.of(2009, 1, 1), LocalDate.of(2010, 1, 1), DAILY_ORE * 365);
        JsonPath q1 = as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2009-01-01"))
                .post("/settlements").then().statusCode(200).extract().jsonPath();
        assertEquals(90 * DAILY_ORE, SettlementTest.line(q1, caseId, "REGULAR")); // 1 January – 31 March 2009
        SettlementTest.approve(q1.getString("statement.id"), q1.getLong("statement.version"));

        change(caseId, granted.path("id"), granted.header("ETag"), LocalDate.of(2009, 3, 1), 2 * DAILY_ORE * 365,
                "Takstforhøjelse med tilbagevirkende kraft").statusCode(201);
        JsonPath q2 = as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", "2009-04-01"))
                .post("/settlements").then().statusCode(200).extract().jsonPath();
        assertEquals(31 * DAILY_ORE, SettlementTest.line(q2, caseId, "CORRECTION")); // March 2009 at the new price, once more
        assertEquals(91 * 2 * DAILY_ORE, SettlementTest.line(q2, caseId, "REGULAR")); // April – June 2009
    }

    @Test
    void a_change_above_the_approval_amount_waits_for_economy_and_only_its_approval_cuts_the_earlier_part() {
        UUID caseId = SettlementTest.caseReceived(today().minusDays(3));
        LocalDate from = today().minusDays(20);
        var granted = grant(caseId, from, from.plusDays(200), DAILY_ORE * 365);
        String grantId = granted.path("id");
        var pending = change(caseId, grantId, granted.header("ETag"), from.plusDays(50), 15_000_000_00L / 10, "Anbringelse i stedet")
                .statusCode(201).body("approval", equalTo("PENDING")).extract();
        String partId = pending.path("id");
        assertEquals(from.plusDays(200).toString(), part(caseId, grantId).get("to")); // in force as it was until ECONOMY decides
        // while ECONOMY decides, the grant neither changes again nor ends
        String lastEtag = pending.header("ETag");
        change(caseId, grantId, lastEtag, from.plusDays(60), 2 * DAILY_ORE * 365, "Endnu en ændring").statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", lastEtag).body(Map.of("to", from.plusDays(70).toString(), "reason", "Stop"))
                .post("/cases/" + caseId + "/grants/" + grantId + "/end").then().statusCode(409);

        String review = reviewOf(caseId, partId);
        as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("costConsequence", "1,5 mio. kr. om året", "approved", true))
                .post("/tasks/" + SettlementTest.awaitTask(review) + "/complete").then().statusCode(200);

        assertEquals(from.plusDays(50).toString(), part(caseId, grantId).get("to"));
        assertEquals(50 * DAILY_ORE, number(part(caseId, grantId), "totalOre"));
        assertEquals("APPROVED", part(caseId, partId).get("approval"));
    }

    @Test
    void a_rejected_change_leaves_the_grant_as_it_was() {
        UUID caseId = SettlementTest.caseReceived(today().minusDays(3));
        LocalDate from = today().minusDays(20);
        var granted = grant(caseId, from, from.plusDays(200), DAILY_ORE * 365);
        String grantId = granted.path("id");
        String partId = change(caseId, grantId, granted.header("ETag"), from.plusDays(50), 2_000_000_00L, "For dyr")
                .statusCode(201).extract().path("id");
        String review = reviewOf(caseId, partId);
        as(SettlementTest.economy()).contentType(ContentType.JSON).body(Map.of("costConsequence", "Ikke godkendt", "approved", false))
                .post("/tasks/" + SettlementTest.awaitTask(review) + "/complete").then().statusCode(200);

        assertEquals(from.plusDays(200).toString(), part(caseId, grantId).get("to"));
        assertEquals(200 * DAILY_ORE, number(part(caseId, grantId), "totalOre"));
        assertEquals("REJECTED", part(caseId, partId).get("approval"));
        // the rejected change no longer blocks: a new change of the grant is made at its last part's ETag
        String etag = "\"" + part(caseId, grantId).get("version") + "\"";
        change(caseId, grantId, etag, from.plusDays(80), 2 * DAILY_ORE * 365, "Mindre ændring").statusCode(201);
    }

    @Test
    void a_change_needs_the_last_parts_etag_a_day_inside_it_and_new_terms() {
        UUID caseId = SettlementTest.caseReceived(today().minusDays(3));
        LocalDate from = today().minusDays(20);
        var granted = grant(caseId, from, from.plusDays(100), DAILY_ORE * 365);
        String grantId = granted.path("id");
        String etag = granted.header("ETag");
        change(caseId, grantId, null, from.plusDays(10), 2 * DAILY_ORE * 365, "Uden ETag").statusCode(428);
        change(caseId, grantId, etag, from, 2 * DAILY_ORE * 365, "Fra første dag").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        change(caseId, grantId, etag, from.plusDays(100), 2 * DAILY_ORE * 365, "Efter slut").statusCode(400).body("errors.field", hasItem("from"));
        change(caseId, grantId, etag, from.plusDays(10), DAILY_ORE * 365, "Samme takst").statusCode(400)
                .body("errors.message", hasItem(containsString("changes nothing")));
        change(caseId, grantId, etag, from.plusDays(10), 2 * DAILY_ORE * 365, " ").statusCode(400).body("errors.field", hasItem("reason"));
        change(caseId, UUID.randomUUID().toString(), etag, from.plusDays(10), 2 * DAILY_ORE * 365, "Ukendt").statusCode(404);
        assertEquals(1, grants(caseId).size()); // nothing of it was written

        var first = change(caseId, grantId, etag, from.plusDays(10), 2 * DAILY_ORE * 365, "Første ændring").statusCode(201).extract();
        String partId = first.path("id");
        String partEtag = first.header("ETag");
        // the grant is changed through its last part: the first part's id with its old ETag no longer names it
        change(caseId, grantId, etag, from.plusDays(20), DAILY_ORE * 365 * 5 / 2, "Gennem første del").statusCode(409)
                .body("detail", containsString(partId));
        change(caseId, partId, "\"" + (Long.parseLong(partEtag.replace("\"", "")) + 1) + "\"", from.plusDays(20),
                DAILY_ORE * 365 * 5 / 2, "Forældet ETag").statusCode(412);
        change(caseId, partId, partEtag, from.plusDays(5), DAILY_ORE * 365 * 5 / 2, "Før sidste ændring").statusCode(400)
                .body("errors.field", hasItem("from"));
        change(caseId, partId, partEtag, from.plusDays(20), DAILY_ORE * 365 * 5 / 2, "Anden ændring").statusCode(201);
        assertEquals(List.of(10 * DAILY_ORE, 10 * 2 * DAILY_ORE, 80 * DAILY_ORE * 5 / 2),
                grants(caseId).stream().map(g -> number(g, "totalOre")).toList());
    }

    @Test
    void a_changed_grant_ended_before_its_change_ends_across_its_parts_and_stays_one_measure() {
        UUID caseId = SettlementTest.caseReceived(today().minusDays(3));
        LocalDate from = today().minusDays(20);
        var granted = grant(caseId, from, from.plusDays(200), DAILY_ORE * 365);
        String grantId = granted.path("id");
        var changed = change(caseId, grantId, granted.header("ETag"), from.plusDays(120), 2 * DAILY_ORE * 365, "Ny takst")
                .statusCode(201).extract();
        String partId = changed.path("id");

        given().contentType(ContentType.JSON).header("If-Match", changed.header("ETag")).body(Map.of("to", from.plusDays(110).toString(),
                        "reason", "Familien er flyttet")).post("/cases/" + caseId + "/grants/" + partId + "/end").then().statusCode(200)
                .body("id", equalTo(grantId)).body("to", equalTo(from.plusDays(110).toString()));
        assertEquals(List.of(110 * DAILY_ORE, 0L), grants(caseId).stream().map(g -> number(g, "totalOre")).toList());
        // one measure, by the grant's first part's id: its one follow-up falls inside the 110 days
        List<String> keys = given().get("/cases/" + caseId + "/deadlines").then().statusCode(200).extract().path("key");
        List<String> followUps = keys.stream().filter(k -> k.startsWith("bl-95:")).toList();
        assertEquals(List.of("bl-95:" + grantId + ":0"), followUps);
    }
}
