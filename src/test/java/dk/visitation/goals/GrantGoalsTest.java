package dk.visitation.goals;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Times;
import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 16, goals per measure (opgavemål): the goals a grant's provider works toward, revised at follow-up, never overwritten. */
@QuarkusTest
class GrantGoalsTest {

    private static String grant(UUID caseId) {
        LocalDate today = LocalDate.now(Times.DENMARK);
        return given().contentType(ContentType.JSON).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                        "providerName", "Familiehuset", "priceOre", 100_000, "tariffPeriod", "MONTH", "scope", 1,
                        "from", today.minusMonths(3).toString(), "to", today.plusMonths(6).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse put(UUID caseId, String grantId, String etag, Map<String, Object> body) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.put("/cases/" + caseId + "/grants/" + grantId + "/goals").then();
    }

    private static String followUp(UUID caseId, String grantId) {
        return given().contentType(ContentType.JSON).body(Map.of("kind", "FOLLOW_UP", "occurredAt",
                        java.time.OffsetDateTime.now(Times.DENMARK).minusHours(1).toString(), "grantId", grantId))
                .post("/cases/" + caseId + "/casework").then().statusCode(201).extract().path("id");
    }

    @Test
    void goals_are_set_then_revised_at_a_follow_up_and_every_revision_stays_readable() {
        UUID caseId = Api.registerCase(freshCpr());
        String grantId = grant(caseId);
        given().get("/cases/" + caseId + "/grants/" + grantId + "/goals").then().statusCode(200).header("ETag", "\"0\"")
                .body("current", nullValue()).body("revisions.size()", equalTo(0));
        put(caseId, grantId, null, Map.of("goals", List.of("Barnet kommer i skole mindst fire dage om ugen"))).statusCode(200)
                .header("ETag", "\"1\"").body("current.revision", equalTo(1)).body("current.revisedBy", equalTo("test.adviser"));
        String followUp = followUp(caseId, grantId);
        put(caseId, grantId, null, Map.of("goals", List.of("Nyt mål"))).statusCode(428);
        put(caseId, grantId, "\"1\"", Map.of("goals", List.of("Barnet kommer i skole hver dag", "Forældrene deltager i netværksmøderne"),
                "reason", "Revideret ved opfølgningen", "followUpId", followUp)).statusCode(200).header("ETag", "\"2\"")
                .body("current.goals", contains("Barnet kommer i skole hver dag", "Forældrene deltager i netværksmøderne"))
                .body("current.followUpId", equalTo(followUp)).body("revisions.revision", contains(2, 1))
                .body("revisions[1].goals", contains("Barnet kommer i skole mindst fire dage om ugen"));
        put(caseId, grantId, "\"1\"", Map.of("goals", List.of("Forældet"))).statusCode(412);
        given().get("/cases/" + caseId + "/audit").then().body("findAll { it.field == 'grant goals' }.action", contains("ADD", "CHANGE"))
                .body("findAll { it.field == 'grant goals' }.reason", hasItem("Revideret ved opfølgningen"));
    }

    @Test
    void goals_that_are_not_valid_or_name_another_grants_follow_up_are_a_400_and_change_nothing() {
        UUID caseId = Api.registerCase(freshCpr());
        String grantId = grant(caseId);
        String other = grant(caseId);
        put(caseId, grantId, null, Map.of("goals", List.of())).statusCode(400).contentType("application/problem+json");
        put(caseId, grantId, null, Map.of("goals", List.of(" "))).statusCode(400);
        Map<String, Object> tooMany = new HashMap<>(Map.of("goals", java.util.Collections.nCopies(21, "Mål")));
        put(caseId, grantId, null, tooMany).statusCode(400);
        put(caseId, grantId, null, Map.of("goals", List.of("Mål"), "followUpId", followUp(caseId, other))).statusCode(400)
                .body("errors.field", hasItem("followUpId"));
        put(caseId, UUID.randomUUID().toString(), null, Map.of("goals", List.of("Mål"))).statusCode(404);
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).get("/cases/" + caseId + "/grants/" + grantId + "/goals")
                .then().statusCode(404);
        given().get("/cases/" + caseId + "/grants/" + grantId + "/goals").then().body("revisions.size()", equalTo(0));
    }

    @Test
    void of_ten_advisers_revising_the_same_revision_at_once_one_succeeds_and_nine_get_412() throws Exception {
        UUID caseId = Api.registerCase(freshCpr());
        String grantId = grant(caseId);
        put(caseId, grantId, null, Map.of("goals", List.of("Første mål"))).statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            answers.add(pool.submit(() -> put(caseId, grantId, "\"1\"", Map.of("goals", List.of("Mål " + n))).extract().statusCode()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            codes.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(9, codes.stream().filter(c -> c == 412).count(), codes.toString());
        given().get("/cases/" + caseId + "/grants/" + grantId + "/goals").then().body("revisions.revision", contains(2, 1));
    }
}
