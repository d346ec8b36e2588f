package dk.visitation.economy;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EconomyTest {

    private static final Map<String, Object> PLACEMENT_2027 = Map.of("serviceType", "PLACEMENT", "provider", "EXTERNAL",
            "providerName", "Opholdssted Solsikken", "priceOre", 120_000_000L, "tariffPeriod", "YEAR", "scope", 1,
            "from", "2027-01-01", "to", "2028-01-01");

    private static String economy() {
        return Tokens.of("erik.economy", Set.of("ECONOMY"), Set.of());
    }

    @Test
    void the_receiving_department_pays_from_the_day_the_request_came_in() {
        UUID caseId = registerCase(freshCpr());
        given().get("/cases/" + caseId + "/payment-responsibility?date=2026-11-20").then().statusCode(200)
                .body("periods", hasSize(1))
                .body("periods[0].from", equalTo("2026-11-20"))
                .body("periods[0].department", equalTo("MYN"))
                .body("payer", equalTo("MYN"));
        given().get("/cases/" + caseId + "/payment-responsibility?date=2026-11-19").then().body("payer", equalTo(null));
    }

    @Test
    void a_placement_across_a_transfer_is_charged_to_each_department_for_its_own_days_in_the_commitment_account() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(PLACEMENT_2027).post("/cases/" + caseId + "/grants").then()
                .statusCode(201)
                .body("legalBasis", equalTo("Barnets Lov §§ 46-47"))
                .body("totalOre", equalTo(120_000_000));
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "CBA", "effectiveDate", "2027-07-01",
                "reason", "Overdraget til CBA")).post("/cases/" + caseId + "/payment-responsibility").then().statusCode(200)
                .body("periods.department", equalTo(List.of("MYN", "CBA")))
                .body("periods[0].to", equalTo("2027-07-01"))
                .body("payer", equalTo("CBA"));

        assertEquals(59_506_849L, committed(caseId, "MYN"));
        assertEquals(60_493_151L, committed(caseId, "CBA"));

        // a switch dated back moves the cost back with it
        as(economy()).contentType(ContentType.JSON).body(Map.of("department", "CBA", "effectiveDate", "2027-04-01"))
                .post("/cases/" + caseId + "/payment-responsibility").then().statusCode(200);
        assertEquals(120_000_000L, committed(caseId, "MYN") + committed(caseId, "CBA"));
        assertEquals(29_589_041L, committed(caseId, "MYN")); // 90 days of 365
    }

    @Test
    void grants_are_validated_and_only_in_scope() {
        UUID caseId = registerCase(freshCpr());
        Map<String, Object> reversed = new HashMap<>(PLACEMENT_2027);
        reversed.put("to", "2026-06-01");
        given().contentType(ContentType.JSON).body(reversed).post("/cases/" + caseId + "/grants").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        Map<String, Object> free = new HashMap<>(PLACEMENT_2027);
        free.put("priceOre", 0);
        free.put("serviceType", "HOLIDAY");
        given().contentType(ContentType.JSON).body(free).post("/cases/" + caseId + "/grants").then().statusCode(400);
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).contentType(ContentType.JSON).body(PLACEMENT_2027)
                .post("/cases/" + caseId + "/grants").then().statusCode(404);
        given().get("/cases/" + caseId + "/grants").then().statusCode(200).body("$", hasSize(0));
        as(economy()).get("/economy/commitment-account?year=2027").then().statusCode(400).body("errors[0].field", equalTo("department"));
        given().get("/economy/commitment-account?year=2027&department=MYN").then().statusCode(403);
    }

    private static long committed(UUID caseId, String department) {
        List<Map<String, Object>> lines = as(economy()).queryParam("year", 2027).queryParam("department", department)
                .get("/economy/commitment-account").then().statusCode(200).body("lines.caseId", hasItem(caseId.toString()))
                .extract().path("lines");
        return lines.stream().filter(l -> caseId.toString().equals(l.get("caseId")))
                .mapToLong(l -> ((Number) l.get("amountOre")).longValue()).sum();
    }
}
