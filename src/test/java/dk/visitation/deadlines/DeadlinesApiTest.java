package dk.visitation.deadlines;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 13: a case's deadlines derived from its record, and the scoped list a leader and an adviser work from. */
@QuarkusTest
class DeadlinesApiTest {

    private static String record(UUID caseId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/casework").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void a_notification_gives_its_assessment_and_receipt_deadlines_and_the_assessment_meets_the_first() {
        UUID caseId = registerCase(freshCpr());
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(30).truncatedTo(ChronoUnit.SECONDS);
        String notification = record(caseId, Map.of("kind", "NOTIFICATION", "occurredAt", received.toString(),
                "notifierKind", "PROFESSIONAL", "urgent", true));
        given().get("/cases/" + caseId + "/deadlines").then().statusCode(200)
                .body("rule", contains("barnets-lov-136-notification-assessment", "barnets-lov-137-receipt-to-notifier"))
                .body("[0].status", equalTo("OVERDUE"))
                .body("[0].legalBasis", equalTo("Barnets Lov § 136"))
                .body("[0].key", equalTo("bl-136:" + notification));
        String assessed = record(caseId, Map.of("kind", "NOTIFICATION_ASSESSED", "occurredAt", received.plusHours(2).toString()));
        given().get("/cases/" + caseId + "/deadlines").then().statusCode(200)
                .body("[0].status", equalTo("MET"))
                .body("[0].metBy", equalTo(assessed))
                .body("[0].metByKind", equalTo("NOTIFICATION_ASSESSED"));
    }

    @Test
    void the_list_filters_by_status_and_department_and_shows_no_case_outside_the_callers_scope() {
        UUID caseId = registerCase(freshCpr()); // MYN
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(5);
        record(caseId, Map.of("kind", "INVESTIGATION_STARTED", "occurredAt", started.toString()));
        String key = "bl-20:" + given().get("/cases/" + caseId + "/casework").then().extract().path("[0].id");
        as(Tokens.of("lars.leader", Set.of("LEADER"), Set.of("MYN"))).queryParam("department", "MYN").queryParam("status", "OVERDUE")
                .queryParam("size", 200).queryParam("dueBefore", started.plusMonths(4).plusDays(2).toLocalDate().toString())
                .get("/deadlines").then().statusCode(200)
                .body("items.key", hasItem(key))
                .body("items.status", everyItem(equalTo("OVERDUE")))
                .body("items.department", everyItem(equalTo("MYN")));
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).queryParam("size", 200).get("/deadlines").then().statusCode(200)
                .body("items.caseId", not(hasItem(caseId.toString())));
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).get("/cases/" + caseId + "/deadlines").then().statusCode(404);
    }

    @Test
    void a_bad_status_filter_is_a_problem() {
        given().queryParam("status", "LATE").get("/deadlines").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("dueBefore", "tomorrow").get("/deadlines").then().statusCode(400);
        List.of();
    }
}
