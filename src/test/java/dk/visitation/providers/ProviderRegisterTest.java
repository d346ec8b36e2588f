package dk.visitation.providers;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Issue 16, providers: the register kept by ECONOMY and LEADER, and a grant that names its provider from it. */
@QuarkusTest
class ProviderRegisterTest {

    private static RequestSpecification economy() {
        return as(Tokens.of("economy.providers", Set.of("ECONOMY"), Set.of()));
    }

    /** A Tilbudsportalen id no other test uses (the register holds each offer once). */
    private static String offerId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> external(String name, String offer, List<String> services) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", "EXTERNAL", "tilbudsportalenId", offer, "services", services));
        body.put("contact", Map.of("name", "Lone Holm", "email", "kontakt@solsikken.dk", "phone", "+45 89 40 12 34"));
        return body;
    }

    private static String create(Map<String, Object> body) {
        return economy().contentType(ContentType.JSON).body(body).post("/providers").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> grantNaming(String providerId, String serviceType) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceType", serviceType, "priceOre", 50_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                "from", LocalDate.now().toString(), "to", LocalDate.now().plusMonths(9).toString()));
        if (providerId != null) {
            body.put("providerId", providerId);
        }
        return body;
    }

    @Test
    void economy_registers_an_external_provider_with_its_offer_and_reads_it_back_with_an_etag() {
        String offer = offerId();
        String name = "Opholdssted Solsikken " + tag();
        var created = economy().contentType(ContentType.JSON).header("Idempotency-Key", "provider-" + offer)
                .body(external(name, offer, List.of("RESPITE_CARE", "PLACEMENT"))).post("/providers").then().statusCode(201)
                .header("Location", containsString("/providers/")).body("kind", equalTo("EXTERNAL"))
                .body("tilbudsportalenId", equalTo(offer)).body("services", contains("PLACEMENT", "RESPITE_CARE"))
                .body("contact.email", equalTo("kontakt@solsikken.dk")).body("active", equalTo(true))
                .body("updatedBy", equalTo("economy.providers")).extract();
        String id = created.path("id");
        given().get("/providers/" + id).then().statusCode(200).header("ETag", created.header("ETag")).body("name", equalTo(name));
        // a retry with the same key and body answers the first entry, and registers nothing twice
        economy().contentType(ContentType.JSON).header("Idempotency-Key", "provider-" + offer)
                .body(external(name, offer, List.of("RESPITE_CARE", "PLACEMENT"))).post("/providers").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        // the same offer under another key is a second entry for one offer
        economy().contentType(ContentType.JSON).body(external("Solsikken igen", offer, List.of("PLACEMENT"))).post("/providers").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void an_entry_that_is_not_valid_is_a_400_problem_naming_the_field_and_registers_nothing() {
        String name = "Ugyldig " + tag();
        Map<String, Object> noOffer = external(name, offerId(), List.of("PLACEMENT"));
        noOffer.remove("tilbudsportalenId");
        economy().contentType(ContentType.JSON).body(noOffer).post("/providers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("tilbudsportalenId"));
        Map<String, Object> letters = external(name, "TP-4711", List.of("PLACEMENT"));
        economy().contentType(ContentType.JSON).body(letters).post("/providers").then().statusCode(400)
                .body("errors.field", hasItem("tilbudsportalenId"));
        economy().contentType(ContentType.JSON).body(external(name, offerId(), List.of())).post("/providers").then().statusCode(400)
                .body("errors.field", hasItem("services"));
        economy().contentType(ContentType.JSON).body(external(name, offerId(), List.of("HAIRCUT"))).post("/providers").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> badMail = external(name, offerId(), List.of("PLACEMENT"));
        badMail.put("contact", Map.of("email", "not a mail"));
        economy().contentType(ContentType.JSON).body(badMail).post("/providers").then().statusCode(400)
                .body("errors.field", hasItem(containsString("email")));
        economy().queryParam("name", name).get("/providers").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void an_internal_provider_needs_no_offer_and_only_economy_and_leaders_keep_the_register() {
        Map<String, Object> internal = new HashMap<>(Map.of("name", "Familiehuset " + tag(), "kind", "INTERNAL",
                "services", List.of("SUPPORTIVE_MEASURES")));
        String id = create(internal);
        economy().get("/providers/" + id).then().statusCode(200).body("tilbudsportalenId", nullValue())
                .body("contact.name", nullValue());
        as(Tokens.adviser()).contentType(ContentType.JSON).body(internal).post("/providers").then().statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.of("auditor.providers", Set.of("AUDITOR"), Set.of()))
                .get("/providers/" + id).then().statusCode(200);
    }

    @Test
    void the_list_filters_by_kind_service_name_and_use_and_pages_by_name() {
        String tag = tag();
        String a = create(external("B-sted " + tag, offerId(), List.of("PLACEMENT")));
        String b = create(external("A-sted " + tag, offerId(), List.of("PLACEMENT", "RESPITE_CARE")));
        String c = create(new HashMap<>(Map.of("name", "C-hus " + tag, "kind", "INTERNAL", "services", List.of("RESPITE_CARE"))));
        given().queryParam("name", tag).get("/providers").then().statusCode(200).body("total", equalTo(3))
                .body("items.id", contains(b, a, c));
        given().queryParam("name", tag).queryParam("serviceType", "RESPITE_CARE").get("/providers").then()
                .body("items.id", contains(b, c));
        given().queryParam("name", tag.toUpperCase()).queryParam("kind", "EXTERNAL").queryParam("size", 1).queryParam("page", 1)
                .get("/providers").then().body("total", equalTo(2)).body("items.id", contains(a));
        given().queryParam("name", "%").get("/providers").then().statusCode(200).body("items.name", everyItem(containsString("%")));
        given().queryParam("kind", "SOMETIMES").get("/providers").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_change_needs_the_current_etag_and_a_provider_taken_out_of_use_stays_readable() {
        String offer = offerId();
        Map<String, Object> entry = external("Skift " + tag(), offer, List.of("PLACEMENT"));
        var created = economy().contentType(ContentType.JSON).body(entry).post("/providers").then().statusCode(201).extract();
        String id = created.path("id");
        entry.put("active", false);
        economy().contentType(ContentType.JSON).body(entry).put("/providers/" + id).then().statusCode(428);
        String etag = economy().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(entry)
                .put("/providers/" + id).then().statusCode(200).body("active", equalTo(false)).extract().header("ETag");
        economy().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(entry)
                .put("/providers/" + id).then().statusCode(412);
        assertEquals(false, given().get("/providers/" + id).then().header("ETag", etag).extract().path("active"));
        given().queryParam("active", true).queryParam("name", entry.get("name")).get("/providers").then().body("total", equalTo(0));
        given().get("/providers/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_grant_naming_a_provider_takes_its_kind_and_name_from_the_register_and_keeps_them_after_a_rename() {
        String name = "Aflastning Hansen " + tag();
        Map<String, Object> entry = external(name, offerId(), List.of("RESPITE_CARE"));
        var created = economy().contentType(ContentType.JSON).body(entry).post("/providers").then().statusCode(201).extract();
        String providerId = created.path("id");
        UUID caseId = Api.registerCase(freshCpr());
        String grantId = given().contentType(ContentType.JSON).body(grantNaming(providerId, "RESPITE_CARE"))
                .post("/cases/" + caseId + "/grants").then().statusCode(201)
                .body("providerId", equalTo(providerId)).body("provider", equalTo("EXTERNAL")).body("providerName", equalTo(name))
                .extract().path("id");
        entry.put("name", "Aflastningsfamilien Hansen " + tag());
        economy().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(entry).put("/providers/" + providerId)
                .then().statusCode(200);
        given().get("/cases/" + caseId + "/grants").then().statusCode(200)
                .body("find { it.id == '" + grantId + "' }.providerName", equalTo(name));
        // the free text of a provider not yet in the register stays possible, with no id
        Map<String, Object> freeText = grantNaming(null, "RESPITE_CARE");
        freeText.put("provider", "INTERNAL");
        freeText.put("providerName", "Familiehuset");
        given().contentType(ContentType.JSON).body(freeText).post("/cases/" + caseId + "/grants").then().statusCode(201)
                .body("providerId", nullValue()).body("providerName", equalTo("Familiehuset"));
    }

    @Test
    void a_grant_cannot_name_a_provider_that_is_unknown_out_of_use_not_offering_the_service_or_named_otherwise() {
        Map<String, Object> entry = external("Kun anbringelse " + tag(), offerId(), List.of("PLACEMENT"));
        var created = economy().contentType(ContentType.JSON).body(entry).post("/providers").then().statusCode(201).extract();
        String providerId = created.path("id");
        UUID caseId = Api.registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(grantNaming(providerId, "RESPITE_CARE")).post("/cases/" + caseId + "/grants").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("providerId"))
                .body("errors.message", hasItem(containsString("does not offer RESPITE_CARE")));
        given().contentType(ContentType.JSON).body(grantNaming(UUID.randomUUID().toString(), "PLACEMENT"))
                .post("/cases/" + caseId + "/grants").then().statusCode(400).body("errors.field", hasItem("providerId"));
        Map<String, Object> otherName = grantNaming(providerId, "PLACEMENT");
        otherName.put("providerName", "Et andet sted");
        given().contentType(ContentType.JSON).body(otherName).post("/cases/" + caseId + "/grants").then().statusCode(400)
                .body("errors.field", hasItem("providerName"));
        Map<String, Object> otherKind = grantNaming(providerId, "PLACEMENT");
        otherKind.put("provider", "INTERNAL");
        given().contentType(ContentType.JSON).body(otherKind).post("/cases/" + caseId + "/grants").then().statusCode(400)
                .body("errors.field", hasItem("provider"));
        given().contentType(ContentType.JSON).body(grantNaming(null, "PLACEMENT")).post("/cases/" + caseId + "/grants").then()
                .statusCode(400).body("errors.field", hasItem("provider"));
        entry.put("active", false);
        economy().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(entry).put("/providers/" + providerId)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(grantNaming(providerId, "PLACEMENT")).post("/cases/" + caseId + "/grants").then()
                .statusCode(400).body("errors.message", hasItem(containsString("out of use")));
        given().get("/cases/" + caseId + "/grants").then().statusCode(200).body("size()", equalTo(0))
                .body("providerId", not(hasItem(providerId)));
    }
}
