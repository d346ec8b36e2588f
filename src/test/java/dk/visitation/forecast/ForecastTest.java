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

        JsonPath forecast = as(economy()).queryParam("year", 2041).queryParam("department", "MYN").get("/economy/forecast").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1_860_000_00L, forecast.getLong("committedOre"));       // 900,000 + 600,000 + 360,000 kr
        assertEquals(0L, forecast.getLong("expectedOre"));
        assertEquals(1_860_000_00L, forecast.getLong("forecastOre"));
        assertEquals(900_000_00L, forecast.getLong("byServiceType.PLACEMENT.forecastOre"));
        assertEquals(360_000_00L, forecast.getLong("byServiceType.LOST_EARNINGS.committedOre"));
        assertEquals(1, forecast.getInt("byBand.'1.5-2.0'.cases"));
        assertEquals(1_500_000_00L, forecast.getLong("byBand.'1.5-2.0'.committedOre"));
        assertEquals(1, forecast.getInt("byBand.'below-1.0'.cases"));
        assertEquals(360_000_00L, forecast.getLong("byBand.'below-1.0'.committedOre"));
        assertEquals(List.of(1_500_000_00L, 2_000_000_00L, 500_000_00L), frame(forecast, "serviceFrame"));       // 500,000 kr left
        assertEquals(List.of(360_000_00L, 300_000_00L, -60_000_00L), frame(forecast, "outsideServiceFrame"));    // 60,000 kr over
        assertEquals(List.of(1_860_000_00L, 2_300_000_00L, 440_000_00L), frame(forecast, "total"));
        assertEquals(125_000_00L, forecast.getLong("expectedRefundOre"));    // 25 % of the 500,000 kr above 1 m kr
        assertEquals(1_735_000_00L, forecast.getLong("netForecastOre"));     // 1,860,000 − 125,000 kr

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
