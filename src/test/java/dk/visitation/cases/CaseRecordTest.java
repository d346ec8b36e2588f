package dk.visitation.cases;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.newCase;
import static dk.visitation.support.Api.register;
import static dk.visitation.support.Api.registerCase;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseRecordTest {

    @org.junit.jupiter.api.BeforeEach
    void registerTheAdvisersNamedHere() {
        dk.visitation.support.Advisers.usual();
    }

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void reading_with_the_current_etag_answers_304_without_a_body() {
        UUID id = registerCase(freshCpr());
        String etag = settled(id);
        given().header("If-None-Match", etag).get("/cases/" + id).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"999\"").get("/cases/" + id).then().statusCode(200);
    }

    @Test
    void an_unknown_case_is_a_404_problem() {
        given().get("/cases/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:visitation:problem:not-found"));
        given().get("/cases/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void patching_without_if_match_is_428_and_changes_nothing() {
        UUID id = registerCase(freshCpr());
        given().contentType(MERGE_PATCH).body(Map.of("adviser", "mette.myn")).patch("/cases/" + id).then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:visitation:problem:precondition-required"));
        given().get("/cases/" + id).then().body("adviser", nullValue());
    }

    @Test
    void patching_a_stale_version_is_412_and_changes_nothing() {
        UUID id = registerCase(freshCpr());
        String etag = settled(id);
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("adviser", "mette.myn"))
                .patch("/cases/" + id).then().statusCode(200);
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("adviser", "lars.myn"))
                .patch("/cases/" + id).then()
                .statusCode(412)
                .body("type", equalTo("urn:visitation:problem:precondition-failed"));
        given().get("/cases/" + id).then().body("adviser", equalTo("mette.myn"));
    }

    @Test
    void a_merge_patch_changes_the_named_fields_clears_nulls_and_returns_a_new_etag() {
        UUID id = registerCase(freshCpr());
        String etag = settled(id);
        String next = given().contentType(MERGE_PATCH).header("If-Match", etag)
                .body(Map.of("adviser", "mette.myn", "description", "Opdateret beskrivelse", "source", "HOSPITAL"))
                .patch("/cases/" + id).then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("adviser", equalTo("mette.myn"))
                .body("description", equalTo("Opdateret beskrivelse"))
                .body("source", equalTo("HOSPITAL"))
                .extract().header("ETag");
        Map<String, Object> clear = new HashMap<>();
        clear.put("adviser", null);
        given().contentType(MERGE_PATCH).header("If-Match", next).body(clear).patch("/cases/" + id).then()
                .statusCode(200).body("adviser", nullValue()).body("description", equalTo("Opdateret beskrivelse"));
    }

    @Test
    void a_patch_of_fields_that_are_not_editable_or_not_valid_is_400_listing_each_and_changes_nothing() {
        UUID id = registerCase(freshCpr());
        String etag = settled(id);
        given().contentType(MERGE_PATCH).header("If-Match", etag)
                .body(Map.of("department", "CBA", "status", "RECEIVED", "adviser", "x"))
                .patch("/cases/" + id).then()
                .statusCode(400)
                .body("errors.field", hasItem("department"))
                .body("errors.field", hasItem("status"));
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("description", "");
        invalid.put("source", "CARRIER_PIGEON");
        invalid.put("receivedAt", "yesterday");
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(invalid)
                .patch("/cases/" + id).then()
                .statusCode(400)
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("source"))
                .body("errors.field", hasItem("receivedAt"));
        given().get("/cases/" + id).then().header("ETag", etag).body("adviser", nullValue()).body("department", equalTo("MYN"));
    }

    @Test
    void the_list_pages_with_a_total_and_masks_cpr_numbers() {
        String adviser = dk.visitation.support.Advisers.ensure("pager-" + UUID.randomUUID(), "MYN");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
            body.put("adviser", adviser);
            register(body).statusCode(201);
        }
        given().queryParam("adviser", adviser).queryParam("size", 2).queryParam("page", 2).get("/cases").then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(2))
                .body("size", equalTo(2))
                .body("items", hasSize(1))
                .body("items.child.cpr", everyItem(containsString("-XXXX")));
    }

    @Test
    void the_list_filters_by_department_status_and_received_period() {
        // an adviser works in one department: the MYN case and the CBA case each have their own
        String tag = "filter-" + UUID.randomUUID();
        String mynAdviser = dk.visitation.support.Advisers.ensure(tag + ".myn", "MYN");
        String cbaAdviser = dk.visitation.support.Advisers.ensure(tag + ".cba", "CBA");
        Map<String, Object> january = new HashMap<>(newCase(freshCpr()));
        january.put("adviser", mynAdviser);
        january.put("receivedAt", "2026-01-15T10:00:00+01:00");
        register(january).statusCode(201);
        Map<String, Object> june = new HashMap<>(january);
        june.put("child", Map.of("cpr", freshCpr(), "name", "Ida Hansen"));
        june.put("receivedAt", "2026-06-15T10:00:00+02:00");
        june.put("department", "CBA");
        june.put("adviser", cbaAdviser);
        register(june).statusCode(201);

        for (String adviser : java.util.List.of(mynAdviser, cbaAdviser)) {
            given().queryParam("adviser", adviser).queryParam("receivedFrom", "2026-01-01T00:00:00+01:00")
                    .queryParam("receivedTo", "2026-02-01T00:00:00+01:00").get("/cases").then()
                    .statusCode(200).body("total", equalTo(adviser.equals(mynAdviser) ? 1 : 0));
            given().queryParam("adviser", adviser).queryParam("department", "CBA").get("/cases").then()
                    .body("total", equalTo(adviser.equals(cbaAdviser) ? 1 : 0));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("adviser", adviser)
                    .queryParam("status", "AWAITING_ASSESSMENT").get("/cases").then().body("total", equalTo(1)));
        }
        given().queryParam("adviser", mynAdviser).queryParam("receivedFrom", "2026-01-01T00:00:00+01:00")
                .queryParam("receivedTo", "2026-02-01T00:00:00+01:00").get("/cases").then()
                .body("items[0].child.name", equalTo("Emil Jensen"));
        given().queryParam("adviser", cbaAdviser).queryParam("department", "CBA").get("/cases").then()
                .body("items[0].child.name", equalTo("Ida Hansen"));
    }

    @Test
    void bad_paging_and_filters_are_400_problems_naming_the_parameter() {
        given().queryParam("size", 0).get("/cases").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("size", 201).get("/cases").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).get("/cases").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("department", "XYZ").get("/cases").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("receivedFrom", "2026-02-01T00:00:00+01:00").queryParam("receivedTo", "2026-01-01T00:00:00+01:00")
                .get("/cases").then().statusCode(400).body("errors[0].field", equalTo("receivedTo"));
    }

    @Test
    void searching_by_cpr_finds_the_childs_cases_and_an_invalid_number_is_400() {
        String cpr = freshCpr();
        UUID id = registerCase(cpr);
        given().contentType(ContentType.JSON).body(Map.of("cpr", cpr)).post("/cases/search").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id.toString()))
                .body("items[0].child.cpr", startsWith(cpr.substring(0, 6)));
        given().contentType(ContentType.JSON).body(Map.of("cpr", "3102154321")).post("/cases/search").then()
                .statusCode(400).body("errors[0].field", equalTo("cpr"))
                .body(not(containsString("3102154321")));
    }

    @Test
    void the_history_of_an_unknown_case_is_404() {
        given().get("/cases/" + UUID.randomUUID() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Waits until the process has linked the case, so the ETag read is the one a patch must name. */
    private static String settled(UUID id) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT")));
        return given().get("/cases/" + id).then().extract().header("ETag");
    }
}
