package dk.visitation.forecast;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, the forecast and the state refund. Each figure is computed by hand in the comments; the years (2041, 2042) are
 * the tests' own, with refund thresholds set for the test profile: 25 % of a case's cost between 1 and 2 m kr, 50 % above.
 */
@QuarkusTest
class ForecastTest {

    private static String economy() {
        return Tokens.of("erik.economy", Set.of("ECONOMY"), Set.of());
    }

    /** A case received now, which MYN pays for from today: so also in the future years the tests forecast. */
    private static UUID caseReceived() {
        return UUID.fromString(Api.register(new HashMap<>(Api.newCase(freshCpr()))).statusCode(201).extract().path("id"));
    }

    private static void grant(UUID caseId, String serviceType, long priceOre, String tariff, int year) {
        given().contentType(ContentType.JSON).body(Map.of("serviceType", serviceType, "provider", "EXTERNAL", "providerName", "Leverandør",
                        "priceOre", priceOre, "tariffPeriod", tariff, "scope", 1, "from", year + "-01-01", "to", (year + 1) + "-01-01"))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).body("approval", equalTo("NOT_REQUIRED"));
    }

    @Test
    void the_forecast_of_a_year_is_its_commitments_per_service_type_and_band_against_the_budget_less_the_refund() {
        UUID placed = caseReceived();
        grant(placed, "PLACEMENT", 900_000_00L, "YEAR", 2041);            //   900,000 kr
        grant(placed, "SUPPORTIVE_MEASURES", 600_000_00L, "YEAR", 2041);  //   600,000 kr: the case costs 1,500,000 kr (band 1.5-2.0)
        UUID compensated = caseReceived();
        grant(compensated, "LOST_EARNINGS", 30_000_00L, "MONTH", 2041);    //   360,000 kr outside the service frame (below 1.0)
        as(economy()).get("/economy/budgets/2041/MYN").then().statusCode(404);
        String etag = as(economy()).contentType(ContentType.JSON).body(Map.of("serviceFrameOre", 2_000_000_00L,
                        "outsideServiceFrameOre", 300_000_00L, "note", "Budget 2041")).put("/economy/budgets/2041/MYN").then()
                .statusCode(201).body("totalOre", equalTo(2_300_000_00)).extract().header("ETag");

        JsonPath before = forecast(2041);
        assertEquals(1_860_000_00L, before.getLong("committedOre"));       // 900,000 + 600,000 + 360,000 kr
        assertEquals(900_000_00L, before.getLong("byServiceType.PLACEMENT.committedOre"));
        assertEquals(360_000_00L, before.getLong("byServiceType.LOST_EARNINGS.committedOre"));
        assertEquals(1, before.getInt("byBand.'1.5-2.0'.cases"));
        assertEquals(1_500_000_00L, before.getLong("byBand.'1.5-2.0'.committedOre"));
        assertEquals(1, before.getInt("byBand.'below-1.0'.cases"));
        assertEquals(360_000_00L, before.getLong("byBand.'below-1.0'.committedOre"));
        assertEquals(List.of(360_000_00L, 300_000_00L, -60_000_00L), frame(before, "outsideServiceFrame"));    // 60,000 kr over
        assertEquals(125_000_00L, before.getLong("expectedRefundOre"));    // 25 % of the 500,000 kr above 1 m kr

        // an expected placement on a third case, from 1 March 2041 at a first estimate of 1,450,000 kr a year; a cancelled
        // one does not count. (Expected placements of other tests run on into 2041 too: what this one adds is compared.)
        UUID toBePlaced = caseReceived();
        given().contentType(ContentType.JSON).body(Map.of("expectedStart", "2041-03-01", "kind", "RESIDENTIAL_HOME",
                        "annualEstimate", "1450000.00", "urgency", "PLANNED", "quotesDueOn", "2041-01-15", "reason", "Kan ikke blive hjemme"))
                .post("/cases/" + toBePlaced + "/placements").then().statusCode(201);
        var cancelled = given().contentType(ContentType.JSON).body(Map.of("expectedStart", "2041-02-01", "kind", "FOSTER_FAMILY",
                        "annualEstimate", "500000.00", "urgency", "PLANNED", "quotesDueOn", "2041-01-15", "reason", "Plejefamilie"))
                .post("/cases/" + toBePlaced + "/placements").then().statusCode(201).extract();
        given().contentType(ContentType.JSON).header("If-Match", cancelled.header("ETag")).body(Map.of("reason", "Ikke aktuel"))
                .post("/cases/" + toBePlaced + "/placements/" + cancelled.path("id") + "/cancel").then().statusCode(200);

        JsonPath forecast = forecast(2041);
        // 1 March → 1 January: 306 days; 1,450,000 × 306 / 365 = 1,215,616.438… kr → 121,561,644 øre
        long added = 121_561_644L;
        long expected = forecast.getLong("expectedOre");
        assertEquals(before.getLong("expectedOre") + added, expected);
        assertEquals(before.getInt("expectedPlacements") + 1, forecast.getInt("expectedPlacements"));
        assertEquals(before.getInt("byBand.'1.0-1.5'.expectedPlacements") + 1, forecast.getInt("byBand.'1.0-1.5'.expectedPlacements"));
        assertEquals(before.getLong("byBand.'1.0-1.5'.expectedOre") + added, forecast.getLong("byBand.'1.0-1.5'.expectedOre"));
        assertEquals(1_860_000_00L + expected, forecast.getLong("forecastOre"));
        assertEquals(900_000_00L + expected, forecast.getLong("byServiceType.PLACEMENT.forecastOre")); // every expected one is a placement
        // the service frame: 1,500,000 kr committed plus the expected, against 2,000,000 kr; the total against 2,300,000 kr
        assertEquals(List.of(1_500_000_00L + expected, 2_000_000_00L, 500_000_00L - expected), frame(forecast, "serviceFrame"));
        assertEquals(List.of(1_860_000_00L + expected, 2_300_000_00L, 440_000_00L - expected), frame(forecast, "total"));
        assertEquals(1_860_000_00L + expected - 125_000_00L, forecast.getLong("netForecastOre"));

        // a new budget needs the current ETag
        as(economy()).contentType(ContentType.JSON).body(Map.of("serviceFrameOre", 1, "outsideServiceFrameOre", 1))
                .put("/economy/budgets/2041/MYN").then().statusCode(428);
        as(economy()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("serviceFrameOre", 2_100_000_00L,
                "outsideServiceFrameOre", 300_000_00L)).put("/economy/budgets/2041/MYN").then().statusCode(200).body("version", equalTo(1));
        as(economy()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("serviceFrameOre", 1, "outsideServiceFrameOre", 1))
                .put("/economy/budgets/2041/MYN").then().statusCode(412);
        as(economy()).contentType(ContentType.JSON).body(Map.of("serviceFrameOre", -1, "outsideServiceFrameOre", 1))
                .put("/economy/budgets/2041/CBA").then().statusCode(400).contentType("application/problem+json");
        as(economy()).queryParam("department", "MYN").get("/economy/forecast").then().statusCode(400);
        as(economy()).queryParam("year", 2041).get("/economy/budgets").then().statusCode(200).body("department", equalTo(List.of("MYN")));
    }

    @Test
    void the_refund_of_a_case_moved_to_cba_mid_year_is_shared_by_what_each_department_paid_and_adds_up() {
        UUID caseId = caseReceived();
        grant(caseId, "PLACEMENT", 730_000_00L, "YEAR", 2042);
        grant(caseId, "SUPPORTIVE_MEASURES", 730_000_00L, "YEAR", 2042); // 1,460,000 kr in the year
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "CBA", "effectiveDate", "2042-07-01", "reason", "Overdraget"))
                .post("/cases/" + caseId + "/payment-responsibility").then().statusCode(200);
        // MYN pays 181 days: 1,460,000 × 181/365 = 724,000 kr; CBA 184 days: 736,000 kr.
        // Refund 25 % of 460,000 kr = 115,000 kr; MYN's share 115,000 × 724/1,460 = 57,027.397… kr → 5,702,740 øre; CBA the rest.
        assertEquals(List.of(724_000_00L, 5_702_740L), expensive(caseId, "MYN"));
        assertEquals(List.of(736_000_00L, 11_500_000L - 5_702_740L), expensive(caseId, "CBA"));
    }

    private static JsonPath forecast(int year) {
        return as(economy()).queryParam("year", year).queryParam("department", "MYN").get("/economy/forecast").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Long> frame(JsonPath forecast, String frame) {
        return List.of(forecast.getLong(frame + ".forecastOre"), forecast.getLong(frame + ".budgetOre"), forecast.getLong(frame + ".remainingOre"));
    }

    /** The case's cost and refund share in the department's expensive cases of 2042. */
    private static List<Long> expensive(UUID caseId, String department) {
        JsonPath report = as(economy()).queryParam("year", 2042).queryParam("department", department).get("/economy/expensive-cases")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> line = report.<Map<String, Object>>getList("cases").stream().filter(c -> caseId.toString().equals(c.get("caseId")))
                .findFirst().orElseThrow();
        assertEquals(((Number) line.get("costOre")).longValue() - ((Number) line.get("expectedRefundOre")).longValue(),
                ((Number) line.get("netCostOre")).longValue());
        return List.of(((Number) line.get("costOre")).longValue(), ((Number) line.get("expectedRefundOre")).longValue());
    }
}
