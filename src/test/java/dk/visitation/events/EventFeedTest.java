package dk.visitation.events;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.CprScanner;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventFeedTest {

    private static String system() {
        return Tokens.of("okonomisystem", Set.of("SYSTEM"), Set.of());
    }

    @Test
    void a_grant_and_a_payment_switch_reach_the_feed_in_order_with_ids_and_facts_only() {
        String cpr = freshCpr();
        UUID caseId = registerCase(cpr);
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "LOST_EARNINGS", "provider", "INTERNAL",
                "providerName", "Randers Kommune", "priceOre", 3_000_000L, "tariffPeriod", "MONTH", "scope", 1,
                "from", "2027-01-01", "to", "2027-07-01")).post("/cases/" + caseId + "/grants").then().statusCode(201);
        as(Tokens.of("erik.economy", Set.of("ECONOMY"), Set.of())).contentType(ContentType.JSON)
                .body(Map.of("department", "CBA", "effectiveDate", "2027-03-01")).post("/cases/" + caseId + "/payment-responsibility")
                .then().statusCode(200);

        List<Map<String, Object>> mine = new ArrayList<>();
        long after = 0;
        while (true) {
            var page = as(system()).queryParam("after", after).queryParam("limit", 50).get("/events").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            items.stream().filter(e -> caseId.toString().equals(e.get("caseId"))).forEach(mine::add);
            long next = ((Number) page.path("next")).longValue();
            if (items.isEmpty()) {
                break;
            }
            assertTrue(next > after, "the feed moves forward");
            after = next;
        }
        assertEquals(List.of("case.registered", "grant.changed", "payment-responsibility.changed"), mine.stream().map(e -> e.get("type")).toList());
        assertEquals(Map.of("department", "CBA", "effectiveDate", "2027-03-01"), mine.get(2).get("payload"));
        assertTrue(CprScanner.cprNumbersIn(mine.toString()).isEmpty(), "no CPR number in the events");
    }

    @Test
    void the_feed_is_for_systems_and_validates_its_paging() {
        given().get("/events").then().statusCode(403);
        as(system()).queryParam("after", -1).get("/events").then().statusCode(400);
        as(system()).queryParam("limit", 5000).get("/events").then().statusCode(400);
    }
}
