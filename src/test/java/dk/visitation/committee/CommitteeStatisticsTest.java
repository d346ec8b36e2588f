package dk.visitation.committee;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Visitation.member;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The seeds' first half of 2022 — 68 cases on the agenda, 52 placed in CBA, 9 in MYN, 7 still pending —
 * built through the API (requests received in January 2022, a meeting held in March 2022 recorded as
 * historical) and read back from the statistics for that half-year.
 */
@QuarkusTest
class CommitteeStatisticsTest {

    private static final List<String> MEMBERS = List.of("mette.myn", "carl.cba");
    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2022-01-10T10:00:00+01:00");

    @Test
    void the_committees_half_year_from_the_seeds_is_counted_exactly() throws Exception {
        OffsetDateTime startsAt = OffsetDateTime.parse("2022-03-02T09:00:00+01:00");
        as(member("mette.myn")).contentType(ContentType.JSON).body(Map.of("startsAt", startsAt.toString(), "historical", true))
                .post("/committee/meetings").then().statusCode(403); // only a leader records the past
        as(Tasks.leader()).contentType(ContentType.JSON).body(Map.of("startsAt", "2099-01-07T09:00:00+01:00", "historical", true))
                .post("/committee/meetings").then().statusCode(400);
        String meeting = as(Tasks.leader()).contentType(ContentType.JSON).body(Map.of("startsAt", startsAt.toString(), "historical", true))
                .post("/committee/meetings").then().statusCode(201).body("historical", equalTo(true)).extract().path("id");

        ClassLoader loader = Thread.currentThread().getContextClassLoader(); // the test's, for REST Assured's Jackson
        var pool = Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work);
            thread.setContextClassLoader(loader);
            return thread;
        });
        List<Future<UUID>> preparing = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            preparing.add(pool.submit(() -> prepared(meeting, RECEIVED)));
        }
        List<UUID> cases = new ArrayList<>();
        for (Future<UUID> future : preparing) {
            cases.add(future.get());
        }
        pool.shutdown();

        Visitation.attend(meeting);
        for (int i = 0; i < cases.size(); i++) {
            String outcome = i < 52 ? "CBA" : i < 61 ? "MYN" : "PENDING";
            String[] item = Visitation.item(meeting, cases.get(i));
            as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                    .body(Map.of("outcome", outcome, "justification", "Drøftet på mødet.", "decidedBy", MEMBERS,
                            "missingInformation", "Udtalelse fra PPR"))
                    .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);
        }

        long days = ChronoUnit.DAYS.between(RECEIVED, startsAt); // 50 whole days from intake to the meeting
        as(Tasks.leader()).queryParam("from", "2022-01-01").queryParam("to", "2022-07-01")
                .get("/committee/statistics").then().statusCode(200)
                .body("onAgenda", equalTo(68))
                .body("decidedCba", equalTo(52))
                .body("decidedMyn", equalTo(9))
                .body("shared", equalTo(0))
                .body("pendingAtEnd", equalTo(7))
                .body("medianDaysIntakeToDecision", equalTo((float) days));
        assertEquals(61, cases.stream().filter(c -> !given().get("/cases/" + c).then().extract().<String>path("status")
                .equals("ON_COMMITTEE_AGENDA")).count(), "61 placed, 7 back on the next agenda");
    }

    @Test
    void a_shared_decision_is_counted_as_shared_and_a_quick_screening_in_the_period_it_was_made() {
        String meeting = as(Tasks.leader()).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2021-09-01T09:00:00+02:00", "historical", true))
                .post("/committee/meetings").then().statusCode(201).extract().path("id");
        OffsetDateTime received = OffsetDateTime.parse("2021-08-02T10:00:00+02:00");
        List<UUID> cases = List.of(prepared(meeting, received), prepared(meeting, received), prepared(meeting, received));
        Visitation.attend(meeting);
        List<Map<String, Object>> decisions = List.of(
                Map.of("outcome", "SHARED", "leadDepartment", "CBA", "contributingDepartment", "MYN"),
                Map.of("outcome", "CBA"), Map.of("outcome", "MYN"));
        for (int i = 0; i < cases.size(); i++) {
            String[] item = Visitation.item(meeting, cases.get(i));
            Map<String, Object> body = new java.util.HashMap<>(decisions.get(i));
            body.put("justification", "Drøftet på mødet.");
            body.put("decidedBy", MEMBERS);
            as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"").body(body)
                    .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);
        }
        as(Tasks.leader()).queryParam("from", "2021-07-01").queryParam("to", "2022-01-01")
                .get("/committee/statistics").then().statusCode(200)
                .body("onAgenda", equalTo(3)).body("decidedCba", equalTo(1)).body("decidedMyn", equalTo(1))
                .body("shared", equalTo(1)).body("pendingAtEnd", equalTo(0))
                .body("quickScreened", equalTo(0)); // a quick screening counts when it is made, and none was made in 2021

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        var period = Map.of("from", today.toString(), "to", today.plusDays(1).toString());
        int before = as(Tasks.leader()).queryParams(period).get("/committee/statistics").then().statusCode(200).extract().path("quickScreened");
        for (int i = 0; i < 2; i++) {
            Visitation.awaitStatus(Visitation.assessed(Visitation.obviousCba(), "QUICK_SCREEN_CBA"), "QUICK_SCREENED");
        }
        as(Tasks.leader()).queryParams(period).get("/committee/statistics").then().statusCode(200)
                .body("quickScreened", equalTo(before + 2));
    }

    @Test
    void statistics_need_a_period() {
        as(Tasks.leader()).get("/committee/statistics").then().statusCode(400).contentType("application/problem+json");
        as(Tasks.leader()).queryParam("from", "2022-07-01").queryParam("to", "2022-01-01").get("/committee/statistics")
                .then().statusCode(400);
        as(Tasks.leader()).queryParam("from", "2021-01-01").queryParam("to", "2021-07-01").get("/committee/statistics")
                .then().statusCode(200).body("onAgenda", equalTo(0));
    }

    /** A request received at {@code received} assessed for the committee, put on {@code meeting}'s agenda, its material prepared. */
    private static UUID prepared(String meeting, OffsetDateTime received) {
        Map<String, Object> request = new java.util.HashMap<>(dk.visitation.support.Api.newCase(dk.visitation.support.Api.freshCpr()));
        request.put("receivedAt", received.toString());
        UUID caseId = UUID.fromString(dk.visitation.support.Api.register(request).statusCode(201).extract().path("id"));
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.greyZone()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", "COMMITTEE"));
        Visitation.awaitStatus(caseId, "PREPARING_COMMITTEE");
        given().contentType(ContentType.JSON).body(Map.of("caseId", caseId)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(201);
        Tasks.complete(Tasks.awaitOpen(caseId, "prepare-committee-material"), Visitation.material());
        return caseId;
    }
}
