package dk.visitation.committee;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Visitation.member;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import dk.visitation.support.Visitation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 11, item 10 (b): the stored material deadline locks the agenda, whether or not the engine's timer has fired. */
@QuarkusTest
class AgendaDeadlineTest {

    @jakarta.inject.Inject
    dk.visitation.workflow.EmbeddedEngine engine;

    @Test
    void an_agenda_whose_stored_deadline_has_passed_is_locked_although_the_engine_timer_has_not_fired() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Visitation.awaitStatus(caseId, "PREPARING_COMMITTEE");
        // far ahead of both clocks: other tests move the engine's clock forward, and its timer must not fire here
        Instant later = (engine.now().isAfter(Instant.now()) ? engine.now() : Instant.now()).plus(300, ChronoUnit.DAYS);
        String meeting = as(member("mette.myn")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", later.atOffset(java.time.ZoneOffset.UTC).withNano(0).toString()))
                .post("/committee/meetings").then().statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        UUID other = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Visitation.awaitStatus(other, "PREPARING_COMMITTEE");
        given().contentType(ContentType.JSON).body(Map.of("caseId", other)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(201);
        String[] item = Visitation.item(meeting, other);

        // the deadline is past by the record; the engine's clock is not moved, so its timer (300 days ahead) has not fired,
        // as when the engine was down at the deadline
        Instant past = Instant.now().minus(1, ChronoUnit.MINUTES);
        QuarkusTransaction.requiringNew().run(() -> Meeting.update("materialDeadline = ?1 where id = ?2", past, UUID.fromString(meeting)));

        as(member("mette.myn")).get("/committee/meetings/" + meeting).then().body("status", equalTo("LOCKED"));
        as(member("mette.myn")).queryParam("status", "PLANNED").queryParam("size", 200).get("/committee/meetings").then()
                .body("items.id", not(hasItem(meeting)));
        given().contentType(ContentType.JSON).body(Map.of("caseId", caseId)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("urn:visitation:problem:conflict"));
        given().delete("/committee/meetings/" + meeting + "/agenda/" + item[0]).then().statusCode(409);
        Visitation.attend(meeting);
        as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", "MYN", "justification", "Sociale problemer fylder mest.",
                        "decidedBy", java.util.List.of("mette.myn", "carl.cba")))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);
    }
}
