package dk.visitation.common;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.newCase;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of error is application/problem+json with a stable type, never a stack trace. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void an_unknown_route_is_a_404_problem() {
        given().get("/no/such/thing").then()
                .statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:visitation:problem:not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().delete("/cases").then()
                .statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("urn:visitation:problem:method-not-allowed"));
        given().get("/cases/search").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void a_wrong_media_type_is_a_415_problem() {
        given().contentType(ContentType.XML).body("<case/>").post("/cases").then()
                .statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:visitation:problem:unsupported-media-type"));
    }

    @Test
    void an_unacceptable_accept_header_is_a_406_problem() {
        given().accept("text/csv").get("/cases").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void malformed_json_is_a_400_problem_without_internals() {
        given().contentType(ContentType.JSON).body("{\"child\": {").post("/cases").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:visitation:problem:malformed-request"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at com.")));
    }

    @Test
    void an_empty_body_is_a_400_problem() {
        given().contentType(ContentType.JSON).post("/cases").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void missing_fields_are_each_listed() {
        given().contentType(ContentType.JSON).body(Map.of("child", Map.of())).post("/cases").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:visitation:problem:validation"))
                .body("errors.field", hasItems("child.cpr", "child.name", "source", "receivedAt", "description"));
    }

    @Test
    void a_wrong_enum_value_or_date_names_the_field() {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("source", "CARRIER_PIGEON");
        given().contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("source"));
        body.put("source", "SCHOOL");
        body.put("receivedAt", "last tuesday");
        given().contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(400).body("errors.field", hasItem("receivedAt"));
    }

    @Test
    void an_unknown_field_is_refused_rather_than_silently_dropped() {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("priority", "HIGH");
        given().contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("priority"));
    }

    @Test
    void a_received_date_in_the_future_is_refused() {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("receivedAt", "2999-01-01T00:00:00+01:00");
        given().contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(400).body("errors.field", hasItem("receivedAt"));
    }

    @Test
    void an_invalid_cpr_number_is_named_but_never_echoed() {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("child", Map.of("cpr", "3002154321", "name", "Emil Jensen"));
        given().contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("child.cpr"))
                .body(not(containsString("3002154321")));
    }

    @Test
    void a_path_with_characters_a_uri_may_not_hold_is_a_404_problem_not_a_500() {
        // found by ApiFuzzTest: the decoded path ("/cases/{id}", "/tasks/ /claim") went into the problem's instance as is
        for (String path : new String[] {"/cases/%7Bid%7D", "/tasks/%20/claim", "/cases/%27%3B%20drop%20table%20cases%3B--/insight",
                "/committee/meetings/%00/agenda"}) {
            String method = path.endsWith("/claim") || path.endsWith("/agenda") ? "POST" : "GET";
            given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}").request(method, path).then()
                    .statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo("urn:visitation:problem:not-found"))
                    .body("status", equalTo(404));
        }
        given().urlEncodingEnabled(false).get("/cases/%7Bid%7D").then().body("instance", equalTo("/cases/%7Bid%7D"));
    }

    @Test
    void a_query_date_beyond_four_digit_years_is_a_400_naming_the_parameter() {
        // found by ApiFuzzTest: java.time parsed it, and binding it to the query overflowed (a 500)
        given().urlEncodingEnabled(false).queryParam("dueBefore", "-999999999-01-01T00:00:00Z").get("/tasks").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("dueBefore"));
        given().urlEncodingEnabled(false).queryParam("receivedFrom", "%2B999999999-12-31T00:00:00Z").get("/cases").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("receivedFrom"));
        given().queryParam("dueBefore", "9999-12-31T00:00:00Z").get("/tasks").then().statusCode(200);
    }

    @Test
    void a_change_reason_that_is_not_percent_encoded_utf8_is_a_400_naming_the_header() {
        // found by ApiFuzzTest: URLDecoder's IllegalArgumentException on "%ZZ" was a 500
        String id = dk.visitation.support.Api.registerCase(freshCpr()).toString();
        String etag = given().get("/cases/" + id).then().extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", etag).header("Change-Reason", "%ZZ")
                .body(Map.of("description", "Opdateret")).patch("/cases/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("Change-Reason"));
        given().contentType(ContentType.JSON).header("Change-Reason", "50%").body(newCase(freshCpr())).post("/cases").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("Change-Reason"));
    }

    @Test
    void a_change_reason_longer_than_the_audit_trail_keeps_is_a_400_naming_the_header() {
        // found by ApiFuzzTest: 5000 characters reached the varchar(1000) column of case_audit (a 500)
        given().contentType(ContentType.JSON).header("Change-Reason", "r".repeat(1001)).body(newCase(freshCpr())).post("/cases")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("Change-Reason"));
        given().contentType(ContentType.JSON).header("Change-Reason", "%C3%A6".repeat(500) + "r".repeat(500)).body(newCase(freshCpr()))
                .post("/cases").then().statusCode(201);
    }

    @Test
    void text_with_a_nul_character_is_a_400_wherever_it_comes_in() {
        // found by ApiFuzzTest: PostgreSQL refuses U+0000 in text ("invalid byte sequence"), which was a 500
        String auditor = dk.visitation.support.Tokens.of("nul.auditor", java.util.Set.of("AUDITOR"), java.util.Set.of());
        dk.visitation.support.Api.as(auditor).urlEncodingEnabled(false).get("/access-log?actor=a%00b").then()
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:visitation:problem:validation"));
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("description", "Skolen\u0000beskriver");
        given().contentType(ContentType.JSON).body(body).post("/cases").then().statusCode(400).contentType(PROBLEM);
        java.util.UUID registered = dk.visitation.support.Api.registerCase(freshCpr());
        dk.visitation.support.Visitation.awaitStatus(registered, "AWAITING_ASSESSMENT"); // the engine's start changes the version
        String id = registered.toString();
        String etag = given().get("/cases/" + id).then().extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"description\": \"a\\u0000b\"}")
                .patch("/cases/" + id).then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/merge-patch+json").header("If-Match", etag).header("Change-Reason", "a%00b")
                .body(Map.of("adviser", "mette.myn")).patch("/cases/" + id).then().statusCode(400).contentType(PROBLEM);
    }
}
