package dk.visitation.placements;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;

import dk.visitation.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The placement tests' calls: providers in the register, a placement planned, its quotes. */
final class Placements {

    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));

    private Placements() {
    }

    /** An external provider in the register offering {@code services}: its id. */
    static String provider(String name, List<String> services) {
        String offer = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return as(Tokens.of("economy.placements", Set.of("ECONOMY"), Set.of())).contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + offer, "kind", "EXTERNAL", "tilbudsportalenId", offer, "services", services))
                .post("/providers").then().statusCode(201).extract().path("id");
    }

    /**
     * A placement to plan; a planned or semi-acute one has its quotes due in two years: other tests move the shared
     * engine's clock ahead (meeting deadlines), and a due day passed in the engine would change the placement's ETag
     * while a test holds it.
     */
    static Map<String, Object> planned(String urgency) {
        Map<String, Object> body = new HashMap<>(Map.of("expectedStart", TODAY.plusMonths(3).toString(), "kind", "RESIDENTIAL_HOME",
                "annualEstimate", "1450000.00", "urgency", urgency, "reason", "Barnet kan ikke blive hjemme"));
        if (!urgency.equals("ACUTE")) {
            body.put("quotesDueOn", TODAY.plusYears(2).toString());
        }
        return body;
    }

    /** Plans a placement on the case: the answer (id, ETag, body). */
    static ExtractableResponse<Response> plan(UUID caseId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/placements").then().statusCode(201).extract();
    }

    static String path(UUID caseId, String placementId) {
        return "/cases/" + caseId + "/placements/" + placementId;
    }

    /** A change to the placement as it stands now: JSON, with its current ETag in If-Match. */
    static io.restassured.specification.RequestSpecification atCurrent(UUID caseId, String placementId) {
        return given().contentType(ContentType.JSON).header("If-Match", etag(caseId, placementId));
    }

    static String etag(UUID caseId, String placementId) {
        return given().get(path(caseId, placementId)).then().statusCode(200).extract().header("ETag");
    }

    /** Asks the provider for a quote: the quote's id. */
    static String requestQuote(UUID caseId, String placementId, String providerId) {
        List<Map<String, Object>> quotes = atCurrent(caseId, placementId)
                .body(Map.of("providerId", providerId)).post(path(caseId, placementId) + "/quotes").then().statusCode(200)
                .extract().path("quotes");
        return (String) quotes.stream().filter(q -> providerId.equals(q.get("providerId"))).findFirst().orElseThrow().get("id");
    }

    static Map<String, Object> offer(String status, long priceOre, String tariffPeriod) {
        return Map.of("status", status, "priceOre", priceOre, "tariffPeriod", tariffPeriod, "terms", "Inkl. skole; opsigelse 30 dage",
                "validUntil", TODAY.plusMonths(2).toString());
    }

    static void answer(UUID caseId, String placementId, String quoteId, Map<String, Object> answer) {
        atCurrent(caseId, placementId).body(answer)
                .put(path(caseId, placementId) + "/quotes/" + quoteId).then().statusCode(200);
    }

    static Map<String, Object> choice(LocalDate from, LocalDate to) {
        return Map.of("professionalJustification", "Stedet rummer barnets behov for skole og samvær",
                "economicJustification", "Billigste tilbud der opfylder behovet", "from", from.toString(), "to", to.toString(), "scope", 1);
    }
}
