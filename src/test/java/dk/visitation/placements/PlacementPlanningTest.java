package dk.visitation.placements;

import static dk.visitation.placements.Placements.TODAY;
import static dk.visitation.placements.Placements.answer;
import static dk.visitation.placements.Placements.atCurrent;
import static dk.visitation.placements.Placements.choice;
import static dk.visitation.placements.Placements.etag;
import static dk.visitation.placements.Placements.offer;
import static dk.visitation.placements.Placements.path;
import static dk.visitation.placements.Placements.plan;
import static dk.visitation.placements.Placements.planned;
import static dk.visitation.placements.Placements.provider;
import static dk.visitation.placements.Placements.requestQuote;
import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** Issue 16, placement planning: expected placement → quotes → the chosen offer as the grant; the acute path; the policy. */
@QuarkusTest
class PlacementPlanningTest {

    private static String economy() {
        return Tokens.of("erik.economy", Set.of("ECONOMY"), Set.of());
    }

    @Test
    void a_planned_placement_gets_quotes_from_two_providers_and_the_chosen_offer_becomes_the_grant_awaiting_economy() {
        UUID caseId = registerCase(freshCpr());
        String solsikken = provider("Opholdssted Solsikken", List.of("PLACEMENT"));
        String egely = provider("Egely", List.of("PLACEMENT", "RESPITE_CARE"));
        String respiteOnly = provider("Aflastning", List.of("RESPITE_CARE"));
        var created = plan(caseId, planned("PLANNED"));
        String id = created.path("id");
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals("EXPECTED", created.path("status"));
        assertEquals("1450000.00", created.path("annualEstimate"));
        assertEquals(TODAY.plusYears(2).toString(), created.path("quotesDueOn"));
        Map<String, Object> byDefault = planned("PLANNED");
        byDefault.remove("quotesDueOn");
        assertEquals(TODAY.plusDays(21).toString(), plan(caseId, byDefault).path("quotesDueOn"), "the configured days for a planned placement");
        byDefault.put("urgency", "SEMI_ACUTE");
        assertEquals(TODAY.plusDays(7).toString(), plan(caseId, byDefault).path("quotesDueOn"), "and for a semi-acute one");
        byDefault.put("quotesDueOn", TODAY.minusDays(1).toString());
        given().contentType(ContentType.JSON).body(byDefault).post("/cases/" + caseId + "/placements").then().statusCode(400)
                .body("errors[0].field", equalTo("quotesDueOn"));

        String first = requestQuote(caseId, id, solsikken);
        String second = requestQuote(caseId, id, egely);
        atCurrent(caseId, id).body(Map.of("providerId", egely))
                .post(path(caseId, id) + "/quotes").then().statusCode(409); // asked already
        atCurrent(caseId, id).body(Map.of("providerId", respiteOnly))
                .post(path(caseId, id) + "/quotes").then().statusCode(400).body("errors[0].field", equalTo("providerId"));
        // an offer needs its price, tariff period, terms and validity
        atCurrent(caseId, id).body(Map.of("status", "RECEIVED"))
                .put(path(caseId, id) + "/quotes/" + first).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("priceOre", "tariffPeriod", "terms", "validUntil"));
        // 115,000 kr a month: 1,380,000 kr a year, above the approval amount
        answer(caseId, id, first, offer("RECEIVED", 115_000_00L, "MONTH"));
        answer(caseId, id, second, offer("IN_NEGOTIATION", 1_500_000_00L, "YEAR"));
        atCurrent(caseId, id)
                .body(Map.of("professionalJustification", "Fagligt bedst", "from", TODAY.plusMonths(3).toString(),
                        "to", TODAY.plusMonths(15).toString(), "scope", 1))
                .post(path(caseId, id) + "/quotes/" + first + "/choose").then().statusCode(400)
                .body("errors.field", equalTo(List.of("economicJustification")));
        atCurrent(caseId, id)
                .body(Map.of("professionalJustification", " ", "economicJustification", "",
                        "from", TODAY.plusMonths(3).toString(), "to", TODAY.plusMonths(15).toString(), "scope", 1))
                .post(path(caseId, id) + "/quotes/" + first + "/choose").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("economicJustification", "professionalJustification"));

        JsonPath granted = atCurrent(caseId, id)
                .body(choice(TODAY.plusMonths(3), TODAY.plusMonths(15))).post(path(caseId, id) + "/quotes/" + first + "/choose")
                .then().statusCode(200).body("status", equalTo("GRANTED")).body("grantId", notNullValue())
                .body("grantApproval", equalTo("PENDING"))
                .body("quotes.status", contains("CHOSEN", "DECLINED"))
                .body("quotes[0].annualPriceOre", equalTo(1_380_000_00))
                .body("quotes[0].economicJustification", equalTo("Billigste tilbud der opfylder behovet"))
                .extract().jsonPath();
        String grantId = granted.getString("grantId");
        Map<String, Object> grant = given().get("/cases/" + caseId + "/grants").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.id == '" + grantId + "' }");
        assertEquals("PLACEMENT", grant.get("serviceType"));
        assertEquals(solsikken, grant.get("providerId"));
        assertEquals(115_000_00, grant.get("priceOre"));
        assertEquals("MONTH", grant.get("tariffPeriod"));
        assertEquals(TODAY.plusMonths(3).toString(), grant.get("from"));
        assertEquals("PENDING", grant.get("approval"), "ECONOMY approves a grant above the approval amount, as every grant");
        as(economy()).get("/cases/" + caseId + "/economy-reviews").then().statusCode(200)
                .body("referenceId", hasItem(grantId));

        // the planning stays readable on the case, for ECONOMY too; its quotes are closed
        as(economy()).get("/cases/" + caseId + "/placements").then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.grantId", equalTo(grantId));
        atCurrent(caseId, id).body(choice(TODAY, TODAY.plusMonths(12)))
                .post(path(caseId, id) + "/quotes/" + second + "/choose").then().statusCode(409);
        atCurrent(caseId, id).body(Map.of("reason", "Fortrudt"))
                .post(path(caseId, id) + "/cancel").then().statusCode(409);
    }

    @Test
    void only_an_offer_received_and_still_valid_can_be_chosen() {
        UUID caseId = registerCase(freshCpr());
        String provider = provider("Døgninstitution Skovly", List.of("PLACEMENT"));
        String id = plan(caseId, planned("SEMI_ACUTE")).path("id");
        String quote = requestQuote(caseId, id, provider);
        atCurrent(caseId, id).body(choice(TODAY, TODAY.plusMonths(12)))
                .post(path(caseId, id) + "/quotes/" + quote + "/choose").then().statusCode(422).body("errors[0].field", equalTo("quoteId"));
        atCurrent(caseId, id).body(Map.of("status", "DECLINED", "note", "Ingen plads"))
                .put(path(caseId, id) + "/quotes/" + quote).then().statusCode(200).body("quotes[0].status", equalTo("DECLINED"))
                .body("quotes[0].note", equalTo("Ingen plads"));
        atCurrent(caseId, id).body(choice(TODAY, TODAY.plusMonths(12)))
                .post(path(caseId, id) + "/quotes/" + quote + "/choose").then().statusCode(422);
        // a planned placement is not granted without quotes
        atCurrent(caseId, id).body(acute(provider))
                .post(path(caseId, id) + "/grant").then().statusCode(422);
    }

    @Test
    void an_acute_placement_is_granted_at_once_and_a_quote_chosen_after_it_started_replaces_the_acute_grant_from_its_first_day() {
        UUID caseId = registerCase(freshCpr());
        String emergency = provider("Akutinstitution Havly", List.of("PLACEMENT"));
        String longTerm = provider("Plejefamilie-netværket", List.of("PLACEMENT"));
        Map<String, Object> body = planned("ACUTE");
        body.put("kind", "RESIDENTIAL_INSTITUTION");
        body.put("expectedStart", TODAY.toString());
        var created = plan(caseId, body);
        String id = created.path("id");
        assertNull(created.path("quotesDueOn"), "an acute placement has no quotes' due day");
        Map<String, Object> withDue = new HashMap<>(body);
        withDue.put("quotesDueOn", TODAY.plusDays(3).toString());
        given().contentType(ContentType.JSON).body(withDue).post("/cases/" + caseId + "/placements").then().statusCode(400)
                .body("errors[0].field", equalTo("quotesDueOn"));

        String acuteGrant = atCurrent(caseId, id).body(acute(emergency))
                .post(path(caseId, id) + "/grant").then().statusCode(200).body("status", equalTo("GRANTED"))
                .body("quotes", hasSize(0)).body("acuteGrantId", nullValue()).extract().path("grantId");
        atCurrent(caseId, id).body(acute(emergency))
                .post(path(caseId, id) + "/grant").then().statusCode(409); // granted already

        // quotes after the acute start: the chosen one replaces the acute grant from the contract's first day
        String quote = requestQuote(caseId, id, longTerm);
        answer(caseId, id, quote, offer("RECEIVED", 900_000_00L, "YEAR"));
        var from = TODAY.plusMonths(1);
        JsonPath chosen = atCurrent(caseId, id)
                .body(choice(from, from.plusYears(1))).post(path(caseId, id) + "/quotes/" + quote + "/choose").then().statusCode(200)
                .body("status", equalTo("GRANTED")).body("acuteGrantId", equalTo(acuteGrant))
                .body("grantApproval", equalTo("NOT_REQUIRED")).extract().jsonPath(); // 900,000 kr a year: below the amount
        String newGrant = chosen.getString("grantId");
        JsonPath grants = given().get("/cases/" + caseId + "/grants").then().statusCode(200).extract().jsonPath();
        Map<String, Object> ended = grants.getMap("find { it.id == '" + acuteGrant + "' }");
        assertEquals(from.toString(), ended.get("to"), "the acute grant runs up to the chosen offer's first day, at its own price");
        assertEquals(TODAY.plusMonths(3).toString(), ended.get("grantedTo"));
        assertEquals(TODAY.toString(), ended.get("from"));
        Map<String, Object> replacing = grants.getMap("find { it.id == '" + newGrant + "' }");
        assertEquals(from.toString(), replacing.get("from"));
        assertEquals(900_000_00, replacing.get("priceOre"));
        assertEquals(longTerm, replacing.get("providerId"));
        // the replacement is made once: the planning's quotes are closed now
        atCurrent(caseId, id).body(Map.of("providerId", emergency))
                .post(path(caseId, id) + "/quotes").then().statusCode(409);
    }

    @Test
    void a_quote_chosen_after_the_acute_grants_price_was_changed_ends_the_acute_grant_across_its_parts() {
        UUID caseId = registerCase(freshCpr());
        String emergency = provider("Akutplejefamilie Strand", List.of("PLACEMENT"));
        String longTerm = provider("Opholdsstedet Lærkereden", List.of("PLACEMENT"));
        Map<String, Object> body = planned("ACUTE");
        body.put("expectedStart", TODAY.toString());
        String id = plan(caseId, body).path("id");
        Map<String, Object> cheap = new HashMap<>(acute(emergency));
        cheap.put("priceOre", 2_000_00L); // 2,000 kr a day: 730,000 kr a year, below the approval amount
        String acuteGrant = atCurrent(caseId, id).body(cheap).post(path(caseId, id) + "/grant").then().statusCode(200)
                .extract().path("grantId");
        // the acute tariff renegotiated from day ten: the acute grant has two parts
        long version = ((Number) given().get("/cases/" + caseId + "/grants").then().extract().jsonPath()
                .getMap("find { it.id == '" + acuteGrant + "' }").get("version")).longValue();
        String part = given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("from", TODAY.plusDays(10).toString(), "priceOre", 2_200_00L, "reason", "Ny akuttakst"))
                .post("/cases/" + caseId + "/grants/" + acuteGrant + "/changes").then().statusCode(201).extract().path("id");

        String quote = requestQuote(caseId, id, longTerm);
        answer(caseId, id, quote, offer("RECEIVED", 900_000_00L, "YEAR"));
        var from = TODAY.plusMonths(1);
        atCurrent(caseId, id).body(choice(from, from.plusYears(1))).post(path(caseId, id) + "/quotes/" + quote + "/choose").then()
                .statusCode(200).body("acuteGrantId", equalTo(acuteGrant));
        JsonPath grants = given().get("/cases/" + caseId + "/grants").then().statusCode(200).extract().jsonPath();
        assertEquals(TODAY.plusDays(10).toString(), grants.getString("find { it.id == '" + acuteGrant + "' }.to"));
        assertEquals(from.toString(), grants.getString("find { it.id == '" + part + "' }.to"), "the acute grant ends where the offer starts");
        assertEquals(TODAY.plusMonths(3).toString(), grants.getString("find { it.id == '" + part + "' }.grantedTo"));
    }

    @Test
    void changes_need_the_current_etag_and_the_case_workers_of_the_cases_department() {
        UUID caseId = registerCase(freshCpr()); // in MYN
        var created = plan(caseId, planned("PLANNED"));
        String id = created.path("id");
        Map<String, Object> change = Map.of("expectedStart", TODAY.plusMonths(4).toString(), "kind", "FOSTER_FAMILY",
                "annualEstimate", "650000", "reason", "Plejefamilie fundet i netværket");
        given().contentType(ContentType.JSON).body(change).put(path(caseId, id)).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(change).put(path(caseId, id)).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(change).put(path(caseId, id)).then()
                .statusCode(200).header("ETag", "\"1\"").body("kind", equalTo("FOSTER_FAMILY")).body("annualEstimate", equalTo("650000.00"));
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(change).put(path(caseId, id)).then()
                .statusCode(412); // the old version

        String cba = Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"));
        as(cba).get(path(caseId, id)).then().statusCode(404); // the case is MYN's
        as(cba).get("/cases/" + caseId + "/placements").then().statusCode(404);
        as(economy()).get(path(caseId, id)).then().statusCode(200).header("ETag", "\"1\"");
        as(economy()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).put(path(caseId, id)).then().statusCode(403);
        as(economy()).contentType(ContentType.JSON).body(planned("PLANNED")).post("/cases/" + caseId + "/placements").then().statusCode(403);
        given().get(path(caseId, UUID.randomUUID().toString())).then().statusCode(404);

        // a retry with the same key and body answers the first placement
        String key = "placement-" + UUID.randomUUID();
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(planned("PLANNED"))
                .post("/cases/" + caseId + "/placements").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(planned("PLANNED"))
                .post("/cases/" + caseId + "/placements").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(again));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", " "))
                .post(path(caseId, id) + "/cancel").then().statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "Barnet bliver hjemme med støtte"))
                .post(path(caseId, id) + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Barnet bliver hjemme med støtte"));
        given().get("/cases/" + caseId + "/placements").then().statusCode(200).body("id", hasItem(id)); // still readable
    }

    private static Map<String, Object> acute(String providerId) {
        return Map.of("providerId", providerId, "priceOre", 4_500_00L, "tariffPeriod", "DAY", "scope", 1,
                "from", TODAY.toString(), "to", TODAY.plusMonths(3).toString());
    }
}
