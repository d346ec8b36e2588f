package dk.visitation.economy;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The expensive single cases (dyre enkeltsager) of a year, in bands, and who pays for which cases. */
@QuarkusTest
class ExpensiveCasesTest {

    private static String economy() {
        return Tokens.of("erik.economy", Set.of("ECONOMY"), Set.of());
    }

    @Test
    void expensive_cases_are_banded_by_annualised_cost_with_their_share_of_placement_spend_and_exported_as_csv() {
        UUID steady = caseWith("PLACEMENT", 1_200_000_00L);
        UUID transferred = caseWith("PLACEMENT", 2_400_000_00L);
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "CBA", "effectiveDate", "2031-07-01"))
                .post("/cases/" + transferred + "/payment-responsibility").then().statusCode(200);
        UUID modest = caseWith("PLACEMENT", 500_000_00L);
        UUID dearer = caseWith("PLACEMENT", 1_800_000_00L);

        as(economy()).queryParam("year", 2031).queryParam("department", "MYN").get("/economy/expensive-cases").then()
                .statusCode(200)
                .body("casesPerBand.'1.0-1.5'", equalTo(1))
                .body("casesPerBand.'1.5-2.0'", equalTo(1))
                .body("casesPerBand.'2.0+'", equalTo(1)) // 181 days of 2.4 m kr a year, annualised
                .body("cases.caseId", hasItem(steady.toString()))
                .body("cases.find { it.caseId == '" + dearer + "' }.band", equalTo("1.5-2.0"))
                .body("cases.caseId", not(hasItem(modest.toString())))
                .body("placementSpendOre", equalTo(469_013_699)) // 1.2 + 1.8 + 0.5 m kr and 181 days of 2.4 m kr
                .body("sharePercent", equalTo(89.3f)); // the three expensive cases' 419,013,699 øre of it
        String csv = as(economy()).accept("text/csv").queryParam("year", 2031).queryParam("department", "CBA")
                .get("/economy/expensive-cases").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("case_id;band;annualised_ore;placement_ore") && csv.contains(transferred + ";2.0+;"), csv);

        as(economy()).queryParam("department", "CBA").queryParam("from", "2031-01-01").queryParam("to", "2031-07-01")
                .get("/economy/paying-cases").then().statusCode(200).body("$", not(hasItem(transferred.toString())));
        as(economy()).queryParam("department", "CBA").queryParam("from", "2031-06-01").queryParam("to", "2031-08-01")
                .get("/economy/paying-cases").then().statusCode(200).body("$", hasItem(transferred.toString()));
        as(economy()).queryParam("department", "CBA").queryParam("from", "2031-08-01").queryParam("to", "2031-01-01")
                .get("/economy/paying-cases").then().statusCode(400);
        given().queryParam("year", 2031).queryParam("department", "MYN").get("/economy/expensive-cases").then().statusCode(403);
    }

    private static UUID caseWith(String serviceType, long annualOre) {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(Map.of("serviceType", serviceType, "provider", "EXTERNAL",
                "providerName", "Opholdssted", "priceOre", annualOre, "tariffPeriod", "YEAR", "scope", 1,
                "from", "2031-01-01", "to", "2032-01-01")).post("/cases/" + caseId + "/grants").then().statusCode(201);
        return caseId;
    }
}
