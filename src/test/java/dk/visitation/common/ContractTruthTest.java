package dk.visitation.common;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Visitation.member;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.ContractValidation;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract says the truth about answers (issue 11): validated answers, ETags, errors before the application. */
@QuarkusTest
class ContractTruthTest {

    @Inject
    EmbeddedEngine engine;

    @Test
    void every_rest_test_request_goes_through_the_contract_check() {
        assertTrue(RestAssured.filters().contains(ContractValidation.INSTANCE), RestAssured.filters().toString());
    }

    @Test
    void an_answer_off_its_operations_schema_or_with_an_undocumented_status_is_reported() {
        UUID caseId = Api.registerCase(Api.freshCpr());
        Response aCase = given().get("/cases/" + caseId).then().statusCode(200).extract().response();
        // the same answer, as if the meeting read had given it: off the Meeting schema
        List<String> broken = ContractValidation.INSTANCE.judge("get", "/committee/meetings/" + caseId, aCase);
        assertTrue(broken.stream().anyMatch(p -> p.contains("$.startsAt")), broken.toString());
        // a 404 where the operation documents none
        Response notFound = given().get("/cases/" + UUID.randomUUID()).then().statusCode(404).extract().response();
        List<String> undocumented = ContractValidation.INSTANCE.judge("get", "/committee/statistics", notFound);
        assertTrue(undocumented.stream().anyMatch(p -> p.startsWith("status 404 is not documented")), undocumented.toString());
        assertEquals(List.of(), ContractValidation.INSTANCE.judge("get", "/cases/" + caseId, aCase));
    }

    @Test
    void an_agenda_item_answers_with_its_etag_and_the_decision_takes_that_etag() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        String[] item = Visitation.item(meeting, caseId);
        String etag = as(member("mette.myn")).get("/committee/meetings/" + meeting + "/agenda/" + item[0]).then()
                .statusCode(200).body("version", equalTo(Integer.parseInt(item[1]))).extract().header("ETag");
        assertEquals("\"" + item[1] + "\"", etag, "the ETag is the version the agenda lists, quoted");
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("outcome", "CBA", "justification", "Betydelig og varig nedsat funktionsevne.",
                        "decidedBy", List.of("mette.myn", "carl.cba")))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);
        as(member("mette.myn")).get("/committee/meetings/" + meeting + "/agenda/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void a_list_of_cases_carries_each_cases_version_for_if_match() {
        String cpr = Api.freshCpr();
        UUID caseId = Api.registerCase(cpr);
        // the case changes once more by itself when the engine has started its process: compare one moment's reads
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String etag = given().get("/cases/" + caseId).then().statusCode(200).extract().header("ETag");
            given().contentType(ContentType.JSON).body(Map.of("cpr", cpr)).post("/cases/search").then().statusCode(200)
                    .body("items[0].id", equalTo(caseId.toString()))
                    .body("items[0].version", equalTo(Integer.parseInt(etag.replace("\"", ""))));
        });
    }

    @Test
    void an_unquoted_if_match_is_refused_with_a_problem_that_says_to_quote_it() {
        UUID caseId = Api.registerCase(Api.freshCpr());
        String version = given().get("/cases/" + caseId).then().extract().header("ETag").replace("\"", "");
        given().contentType("application/merge-patch+json").header("If-Match", version).body(Map.of("adviser", "mette.myn"))
                .patch("/cases/" + caseId).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("If-Match"))
                .body("errors.message", hasItem(containsString("If-Match: \"" + version + "\"")));
        given().get("/cases/" + caseId).then().body("adviser", equalTo(null)); // nothing changed
    }

    @Test
    void a_request_line_over_the_limit_is_a_414_problem() {
        String longQuery = "x".repeat(5000);
        given().queryParam("q", longQuery).get("/cases").then().statusCode(414).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:visitation:problem:uri-too-long")).body("status", equalTo(414))
                .body("detail", containsString("4096"));
    }

    @Test
    void headers_over_the_limit_are_a_431_problem() {
        given().header("X-Padding", "y".repeat(30_000)).get("/cases").then().statusCode(431).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:visitation:problem:headers-too-large")).body("status", equalTo(431));
    }

    @Test
    void html_answers_say_their_charset() {
        UUID caseId = Api.registerCase(Api.freshCpr());
        given().accept("text/html").get("/cases/" + caseId + "/insight").then().statusCode(200)
                .header("Content-Type", startsWith("text/html")).header("Content-Type", containsString("charset=UTF-8"));
        UUID onAgenda = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(onAgenda);
        as(member("carl.cba")).accept("text/html").get("/committee/meetings/" + meeting + "/minutes").then().statusCode(200)
                .header("Content-Type", startsWith("text/html")).header("Content-Type", containsString("charset=UTF-8"));
        assertFalse(meeting.isEmpty());
    }
}
