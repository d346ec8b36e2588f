package dk.visitation.events;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Visitation.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.CprScanner;
import dk.visitation.support.Tokens;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17: the case's registration, the assessment's conclusion and the committee's decision reach the feed, facts only. */
@QuarkusTest
class LifecycleEventsTest {

    @Inject
    EmbeddedEngine engine;

    /** The case's events in the feed, oldest first, read page by page as another system reads them. */
    static List<Map<String, Object>> events(UUID caseId) {
        List<Map<String, Object>> mine = new ArrayList<>();
        long after = 0;
        while (true) {
            var page = as(Tokens.of("lifecycle.reader", Set.of("SYSTEM"), Set.of())).queryParam("limit", 1000).queryParam("after", after)
                    .get("/events").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            if (items.isEmpty()) {
                return mine;
            }
            items.stream().filter(e -> caseId.toString().equals(e.get("caseId"))).forEach(mine::add);
            after = ((Number) page.path("next")).longValue();
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> events, String type) {
        List<Map<String, Object>> of = events.stream().filter(e -> type.equals(e.get("type"))).toList();
        assertEquals(1, of.size(), type + " once: " + events);
        assertTrue(CprScanner.cprNumbersIn(of.toString()).isEmpty(), "no CPR number in " + type);
        assertTrue(!of.toString().contains("Emil"), "no name in " + type);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) of.getFirst().get("payload");
        return payload;
    }

    @Test
    void a_registration_is_announced_with_department_source_and_time() {
        UUID caseId = Api.registerCase(Api.freshCpr());
        Map<String, Object> payload = only(events(caseId), "case.registered");
        assertEquals(Map.of("department", "MYN", "source", "SCHOOL", "receivedAt", "2026-11-20T09:30+01:00"), payload);
    }

    @Test
    void a_concluded_assessment_is_announced_with_its_outcome_and_rule() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Visitation.awaitStatus(caseId, "PREPARING_COMMITTEE");
        Map<String, Object> payload = only(events(caseId), "assessment.concluded");
        assertEquals("COMMITTEE", payload.get("outcome"));
        assertEquals("COMMITTEE", payload.get("recommendation"));
        assertEquals(true, payload.get("followsRecommendation"));
        assertEquals(Set.of("assessmentId", "outcome", "recommendation", "rule", "followsRecommendation"), payload.keySet());
    }

    @Test
    void a_committee_decision_is_announced_without_its_justification() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);
        String decisionId = as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", "MYN", "justification", "Sociale problemer vejer tungest.", "decidedBy", List.of("mette.myn", "carl.cba")))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> events = events(caseId);
        Map<String, Object> payload = only(events, "committee.decided");
        assertEquals(decisionId, payload.get("decisionId"));
        assertEquals(meeting, payload.get("meetingId"));
        assertEquals("MYN", payload.get("outcome"));
        assertEquals("MYN", payload.get("leadDepartment"));
        assertTrue(!events.toString().contains("vejer tungest"), "the justification stays in the service");
        assertEquals(List.of("case.registered", "assessment.concluded", "committee.decided"),
                events.stream().map(e -> e.get("type")).toList(), "in the order they happened");
    }
}
