package dk.visitation.committee;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Visitation.member;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A committee member, through the API alone: the agenda, the decisions, pending cases and the minutes. */
@QuarkusTest
class CommitteeTest {

    private static final List<String> MEMBERS = List.of("mette.myn", "carl.cba");

    @Inject
    EmbeddedEngine engine;

    @Inject
    MeetingSchedule schedule;

    @Test
    void the_committee_decides_a_case_for_CBA_with_a_justification_and_the_case_process_moves_on() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        String[] item = Visitation.item(meeting, caseId);

        as(member("carl.cba")).get("/committee/meetings/" + meeting).then().statusCode(200)
                .body("agenda.find { it.caseId == '" + caseId + "' }.material.documents", hasItem("Udtalelse fra BUP"))
                .body("agenda.find { it.caseId == '" + caseId + "' }.material.familySituation", equalTo(true));
        as(member("mette.myn")).get("/cases/" + caseId).then().statusCode(200); // a member reads the case on the agenda
        as(member("carl.cba")).get("/cases/" + caseId).then().statusCode(200);
        decide(meeting, item, Map.of("outcome", "CBA", "justification", "Too early", "decidedBy", MEMBERS))
                .statusCode(409); // before the material deadline: the meeting has not been held

        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        decide(meeting, item, Map.of("outcome", "CBA",
                "justification", "Betydelig og varig nedsat funktionsevne er familiens hovedproblemstilling.", "decidedBy", MEMBERS))
                .statusCode(201)
                .body("outcome", equalTo("CBA"))
                .body("decidedBy", equalTo(MEMBERS))
                .body("appeal", containsString("kan ikke påklages"));

        Visitation.awaitStatus(caseId, "DECIDED_CBA");
        assertProcessEnded(caseId, "decided-cba");

        // the economy track: ECONOMY reviews the decision's cost consequence on its own task list
        String economy = dk.visitation.support.Tokens.of("erik.economy", java.util.Set.of("ECONOMY"), java.util.Set.of());
        String review = dk.visitation.support.Tasks.awaitOpen(caseId, "review-cost-consequence");
        as(economy).get("/tasks/" + review).then().statusCode(200).body("candidateGroup", equalTo("ECONOMY"));
        as(economy).contentType(ContentType.JSON).body(Map.of("annualCostOre", -1)).post("/tasks/" + review + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("costConsequence")).body("errors.field", hasItem("annualCostOre"));
        as(economy).contentType(ContentType.JSON).body(Map.of("costConsequence", "Aflastning i CBA, ca. 250.000 kr om året.",
                "annualCostOre", 25_000_000L)).post("/tasks/" + review + "/complete").then().statusCode(200);
        as(economy).get("/cases/" + caseId + "/economy-reviews").then().statusCode(200)
                .body("[0].trigger", equalTo("COMMITTEE_DECISION")).body("[0].status", equalTo("DONE"))
                .body("[0].reviewedBy", equalTo("erik.economy"));
        decide(meeting, item, Map.of("outcome", "MYN", "justification", "Again", "decidedBy", MEMBERS)).statusCode(412);
    }

    @Test
    void a_shared_case_gets_a_lead_and_a_contributing_department() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);
        decide(meeting, item, Map.of("outcome", "SHARED", "leadDepartment", "MYN", "justification", "Gråzone: begge afdelinger.",
                "decidedBy", MEMBERS)).statusCode(400).body("errors[0].field", equalTo("contributingDepartment"));
        decide(meeting, item, Map.of("outcome", "SHARED", "leadDepartment", "MYN", "contributingDepartment", "CBA",
                "justification", "Gråzone: begge afdelinger.", "decidedBy", MEMBERS)).statusCode(201);
        Visitation.awaitStatus(caseId, "SHARED");
        as(dk.visitation.support.Tokens.of("carl.cba.adviser", java.util.Set.of("CBA_ADVISER"), java.util.Set.of("CBA")))
                .get("/cases/" + caseId).then().statusCode(200).body("department", equalTo("MYN"));
        assertProcessEnded(caseId, "decided-shared");
    }

    @Test
    void a_pending_case_reappears_on_the_next_meetings_agenda_and_is_decided_there() {
        UUID caseId = Visitation.onAgenda();
        String first = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, first);
        Visitation.attend(first);
        decide(first, Visitation.item(first, caseId), Map.of("outcome", "PENDING", "justification", "Vi mangler oplysninger.",
                "decidedBy", MEMBERS)).statusCode(400).body("errors[0].field", equalTo("missingInformation"));
        decide(first, Visitation.item(first, caseId), Map.of("outcome", "PENDING", "justification", "Vi mangler oplysninger.",
                "missingInformation", "Udtalelse fra PPR", "decidedBy", MEMBERS)).statusCode(201);

        String next = Visitation.meetingOf(caseId);
        assertNotEquals(first, next);
        String firstItem = as(member("mette.myn")).get("/committee/meetings/" + first).then().extract()
                .path("agenda.find { it.caseId == '" + caseId + "' }.id");
        as(member("mette.myn")).get("/committee/meetings/" + next).then()
                .body("agenda.find { it.caseId == '" + caseId + "' }.rolledFrom", equalTo(firstItem));
        Visitation.awaitStatus(caseId, "ON_COMMITTEE_AGENDA");

        Visitation.passDeadline(engine, next);
        Visitation.attend(next);
        decide(next, Visitation.item(next, caseId), Map.of("outcome", "MYN", "justification", "PPR peger på sociale problemer.",
                "decidedBy", MEMBERS)).statusCode(201);
        Visitation.awaitStatus(caseId, "DECIDED_MYN");
        assertProcessEnded(caseId, "decided-myn");
    }

    @Test
    void a_pending_case_carries_what_is_missing_and_where_it_came_from_onto_the_next_agenda_and_into_both_minutes() {
        UUID caseId = Visitation.onAgenda();
        String first = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, first);
        Visitation.attend(first);
        String[] firstItem = Visitation.item(first, caseId);
        String decision = decide(first, firstItem, Map.of("outcome", "PENDING", "justification", "Vi mangler oplysninger.",
                "missingInformation", "Udtalelse fra PPR om skolegangen", "decidedBy", MEMBERS)).statusCode(201).extract().path("id");

        String next = Visitation.meetingOf(caseId);
        String pending = "agenda.find { it.caseId == '" + caseId + "' }.pending.";
        as(member("mette.myn")).get("/committee/meetings/" + next).then().statusCode(200)
                .body(pending + "missingInformation", equalTo("Udtalelse fra PPR om skolegangen"))
                .body(pending + "meetingId", equalTo(first))
                .body(pending + "decisionId", equalTo(decision))
                .body(pending + "agendaItemId", equalTo(firstItem[0]))
                .body(pending + "meetingStartsAt", org.hamcrest.Matchers.notNullValue());
        for (String meeting : List.of(first, next)) {
            String html = as(member("mette.myn")).accept("text/html").get("/committee/meetings/" + meeting + "/minutes")
                    .then().statusCode(200).extract().asString();
            assertTrue(html.contains("Udtalelse fra PPR om skolegangen"), "the minutes of " + meeting + " print what is missing");
        }
    }

    @Test
    void a_meeting_shows_an_adviser_only_the_cases_in_their_scope_and_every_view_is_in_the_childs_access_log() {
        UUID caseId = Visitation.onAgenda(); // a MYN case
        String meeting = Visitation.meetingOf(caseId);
        String cbaAdviser = dk.visitation.support.Tokens.of("cora.cba", java.util.Set.of("CBA_ADVISER"), java.util.Set.of("CBA"));
        String mynAdviser = dk.visitation.support.Tokens.of("mads.myn", java.util.Set.of("MYN_ADVISER"), java.util.Set.of("MYN"));
        as(cbaAdviser).get("/committee/meetings/" + meeting).then().statusCode(200)
                .body("agenda.caseId", org.hamcrest.Matchers.not(hasItem(caseId.toString())));
        as(cbaAdviser).get("/committee/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("agenda.caseId", org.hamcrest.Matchers.not(hasItem(caseId.toString())));
        as(mynAdviser).get("/committee/meetings/" + meeting).then().statusCode(200)
                .body("agenda.caseId", hasItem(caseId.toString()));
        as(member("carl.cba")).get("/committee/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("agenda.caseId", hasItem(caseId.toString()));

        String auditor = dk.visitation.support.Tokens.of("anne.auditor", java.util.Set.of("AUDITOR"), java.util.Set.of());
        String child = as(auditor).queryParam("caseId", caseId.toString()).queryParam("action", "CREATE").get("/access-log")
                .then().statusCode(200).extract().path("items[0].childIds[0]");
        as(auditor).queryParam("childId", child).queryParam("size", 200).get("/access-log").then().statusCode(200)
                .body("items.findAll { it.actor == 'mads.myn' }.what", hasItem("committee meeting"))
                .body("items.findAll { it.actor == 'carl.cba' }.what", hasItem("committee minutes"))
                .body("items.actor", org.hamcrest.Matchers.not(hasItem("cora.cba")));
    }

    @Test
    void decisions_need_a_quorum_present_members_a_justification_and_if_match() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        String[] item = Visitation.item(meeting, caseId);
        as(member("mette.myn")).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("member", "mette.myn", "department", "MYN"))))
                .put("/committee/meetings/" + meeting + "/attendance").then().statusCode(200).body("quorum", equalTo(false));
        decide(meeting, item, Map.of("outcome", "CBA", "justification", "Begrundelse.", "decidedBy", List.of("mette.myn")))
                .statusCode(422).body("type", equalTo("urn:visitation:problem:business-rule"));
        Visitation.attend(meeting);
        decide(meeting, item, Map.of("outcome", "CBA", "justification", "Begrundelse.", "decidedBy", List.of("olga.outsider")))
                .statusCode(400).body("errors[0].field", equalTo("decidedBy"));
        decide(meeting, item, Map.of("outcome", "CBA", "justification", " ", "decidedBy", MEMBERS)).statusCode(400);
        as(member("mette.myn")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "CBA", "justification", "Begrundelse.", "decidedBy", MEMBERS))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(428);
        as(dk.visitation.support.Tokens.of("mette.adviser", java.util.Set.of("MYN_ADVISER"), java.util.Set.of("MYN")))
                .contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", "CBA", "justification", "Begrundelse.", "decidedBy", MEMBERS))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(403);
    }

    @Test
    void the_agenda_can_change_until_the_material_deadline_and_is_locked_after() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Visitation.awaitStatus(caseId, "PREPARING_COMMITTEE");
        String meeting = as(member("mette.myn")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", OffsetDateTime.now().plusDays(200).withNano(0).toString()))
                .post("/committee/meetings").then().statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("caseId", caseId)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(201).body("agenda.caseId", hasItem(caseId.toString()));
        given().contentType(ContentType.JSON).body(Map.of("caseId", caseId)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(409);
        String[] item = Visitation.item(meeting, caseId);
        given().delete("/committee/meetings/" + meeting + "/agenda/" + item[0]).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("caseId", caseId)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(201);

        Visitation.passDeadline(engine, meeting);
        String[] again = Visitation.item(meeting, caseId);
        given().delete("/committee/meetings/" + meeting + "/agenda/" + again[0]).then().statusCode(409)
                .body("type", equalTo("urn:visitation:problem:conflict"));
        UUID other = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Visitation.awaitStatus(other, "PREPARING_COMMITTEE");
        given().contentType(ContentType.JSON).body(Map.of("caseId", other)).post("/committee/meetings/" + meeting + "/agenda")
                .then().statusCode(409);
    }

    @Test
    void the_minutes_list_attendance_decisions_and_say_the_placement_cannot_be_appealed() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        decide(meeting, Visitation.item(meeting, caseId), Map.of("outcome", "CBA", "justification", "Åbenlys CBA-sag efter drøftelse.",
                "decidedBy", MEMBERS)).statusCode(201);

        as(member("carl.cba")).get("/committee/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("attendance.member", hasItem("carl.cba"))
                .body("agenda.find { it.caseId == '" + caseId + "' }.decision.justification", equalTo("Åbenlys CBA-sag efter drøftelse."));
        String html = as(member("carl.cba")).accept("text/html").get("/committee/meetings/" + meeting + "/minutes").then()
                .statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertTrue(html.contains("Åbenlys CBA-sag efter drøftelse.") && html.contains("kan ikke påklages") && html.contains("carl.cba"));
        String insight = given().get("/cases/" + caseId + "/insight").then().statusCode(200).extract().asString();
        assertTrue(insight.contains("Begrundelse: Åbenlys CBA-sag efter drøftelse.") && insight.contains("R09-grey-zone-moderate"),
                "the family's document shows the decision with its justification and the assessment");
    }

    @Test
    void the_meeting_process_locks_the_agenda_at_the_deadline_and_records_the_meeting_held_at_its_time() {
        String meeting = as(member("mette.myn")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", OffsetDateTime.now().plusDays(400).withNano(0).toString()))
                .post("/committee/meetings").then().statusCode(201).extract().path("id");
        Visitation.passDeadline(engine, meeting);
        as(member("mette.myn")).get("/committee/meetings/" + meeting).then().body("status", equalTo("LOCKED"));
        OffsetDateTime startsAt = OffsetDateTime.parse(as(member("mette.myn")).get("/committee/meetings/" + meeting).then()
                .extract().path("startsAt"));
        engine.increaseTime(Duration.between(engine.now(), startsAt.toInstant()).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(member("mette.myn")).get("/committee/meetings/" + meeting)
                .then().body("status", equalTo("HELD")));
    }

    @Test
    void regular_meetings_keep_the_14_day_rhythm_with_the_deadline_three_working_days_before_at_noon() {
        List<Map<String, Object>> meetings = as(member("mette.myn")).queryParam("size", 200).get("/committee/meetings")
                .then().statusCode(200).extract().path("items");
        List<Map<String, Object>> regular = meetings.stream()
                .filter(m -> !(Boolean) m.get("extraordinary") && !(Boolean) m.get("historical")).toList();
        assertTrue(regular.size() >= 4, "planned ahead: " + regular.size());
        java.time.LocalDate first = java.time.LocalDate.parse("2026-01-07"); // visitation.committee.first-meeting
        for (Map<String, Object> meeting : regular) {
            OffsetDateTime startsAt = OffsetDateTime.parse((String) meeting.get("startsAt"));
            assertEquals(0, java.time.temporal.ChronoUnit.DAYS.between(first, startsAt.toLocalDate()) % 14, startsAt.toString());
            assertEquals(9, startsAt.getHour());
            OffsetDateTime deadline = OffsetDateTime.parse((String) meeting.get("materialDeadline"));
            assertEquals(12, deadline.getHour());
            var calendar = dk.visitation.common.WorkingDayCalendar.DANISH;
            assertTrue(calendar.isWorkingDay(deadline.toLocalDate()), deadline.toString());
            assertEquals(2, deadline.toLocalDate().plusDays(1).datesUntil(startsAt.toLocalDate()).filter(calendar::isWorkingDay).count(),
                    "three working days before " + startsAt + ": the deadline's own and two more");
        }
    }

    @Test
    void the_material_deadline_skips_public_holidays_as_well_as_weekends() {
        java.util.function.Function<String, String> deadlineOf = meeting -> java.time.LocalDateTime.ofInstant(schedule.materialDeadline(
                OffsetDateTime.parse(meeting).toInstant()), CommitteeApi.DENMARK).toString();
        assertEquals("2026-12-04T12:00", deadlineOf.apply("2026-12-09T09:00:00+01:00"), "an ordinary Wednesday: the Friday before");
        // Easter 2027: Maundy Thursday 25 March, Good Friday 26 March and Easter Monday 29 March are closed
        assertEquals("2027-03-23T12:00", deadlineOf.apply("2027-03-31T09:00:00+02:00"));
        // New Year's Day 2027 is a Friday: the Thursday before it
        assertEquals("2026-12-31T12:00", deadlineOf.apply("2027-01-06T09:00:00+01:00"));
    }

    private io.restassured.response.ValidatableResponse decide(String meeting, String[] item, Map<String, Object> body) {
        return as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(new HashMap<>(body)).post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then();
    }

    private void assertProcessEnded(UUID caseId, String endEvent) {
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        EngineRecords records = new EngineRecords(engine);
        // polled: on a loaded CI machine the decision's message reaches the process after a while, not at once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(
                records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains(endEvent)));
    }
}
