package dk.visitation.committee;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Visitation.member;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Tasks;
import dk.visitation.support.Tokens;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 9: the lead department of a shared case works it and pays for it. A shared decision that names the other
 * department as lead is a handover (summary, receipt, payment switch on the effective date, events); ending the shared
 * arrangement leaves the lead department alone with the case and its payment.
 */
@QuarkusTest
class LeadDepartmentTest {

    @org.junit.jupiter.api.BeforeEach
    void registerTheAdvisersNamedHere() {
        dk.visitation.support.Advisers.usual();
    }

    private static final List<String> MEMBERS = List.of("mette.myn", "carl.cba");

    @Inject
    EmbeddedEngine engine;

    /** The case's events in the feed, oldest first, read page by page as another system reads them. */
    private static List<Map<String, Object>> events(UUID caseId) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            var page = as(Tokens.of("fagsystem", Set.of("SYSTEM"), Set.of())).queryParam("limit", 1000).queryParam("after", after)
                    .get("/events").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            if (items.isEmpty()) {
                return all.stream().filter(e -> caseId.toString().equals(e.get("caseId"))).toList();
            }
            all.addAll(items);
            after = ((Number) page.path("next")).longValue();
        }
    }

    @Test
    void a_shared_decision_with_the_other_department_as_lead_hands_the_case_over_and_payment_follows_on_the_effective_date() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);
        as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", "SHARED", "leadDepartment", "CBA", "contributingDepartment", "MYN",
                        "justification", "Handicappet fylder mest; MYN bidrager med familiebehandling.", "decidedBy", MEMBERS))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);

        // decided, not yet handed over: MYN still works and pays for the case, and nothing is announced
        given().get("/cases/" + caseId).then().body("status", equalTo("SHARED")).body("department", equalTo("MYN"));
        given().get("/cases/" + caseId + "/handover").then().statusCode(200).body("fromDepartment", equalTo("MYN"))
                .body("toDepartment", equalTo("CBA"));
        given().get("/cases/" + caseId + "/payment-responsibility").then().body("periods.department", equalTo(List.of("MYN")));
        assertEquals(List.of(), events(caseId).stream().filter(e -> "case.transferred".equals(e.get("type"))).toList());

        Tasks.complete(Tasks.awaitOpen(caseId, "write-handover-summary"), Map.of("lastInvestigationOn", "2026-10-01",
                "lastMeetingOn", "2026-11-15", "agreements", "MYN fortsætter familiebehandlingen."));
        Tasks.complete(Tasks.awaitOpen(caseId, "receive-case"), Map.of("receivingAdviser", "carl.cba", "effectiveDate", "2027-02-01"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/cases/" + caseId + "/handover").then().body("status", equalTo("COMPLETED")));

        // the case, its payment periods and the feed agree: CBA leads and pays from the effective date, MYN contributes
        given().get("/cases/" + caseId).then().body("status", equalTo("SHARED")).body("department", equalTo("CBA"))
                .body("contributingDepartment", equalTo("MYN")).body("adviser", equalTo("carl.cba"));
        given().get("/cases/" + caseId + "/payment-responsibility?date=2027-02-01").then()
                .body("periods.department", equalTo(List.of("MYN", "CBA"))).body("periods[1].from", equalTo("2027-02-01"))
                .body("payer", equalTo("CBA"));
        List<Map<String, Object>> events = events(caseId).stream().filter(e -> MOVES.contains(e.get("type"))).toList();
        assertEquals(List.of("payment-responsibility.changed", "case.transferred", "case.lead-changed"),
                events.stream().map(e -> (String) e.get("type")).toList());
        assertEquals(leadChange("LEAD_HANDED_OVER", "CBA", "MYN", "MYN", null), events.get(2).get("payload"));
        assertEquals(Map.of("department", "CBA", "effectiveDate", "2027-02-01"), events.get(0).get("payload"));
        assertEquals("CBA", ((Map<?, ?>) events.get(1).get("payload")).get("to"));

        // the shared arrangement ends: CBA alone, payment unchanged, no transfer
        given().contentType(ContentType.JSON).body(Map.of("reason", " ")).post("/cases/" + caseId + "/shared-arrangement/end")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Familiebehandlingen er afsluttet."))
                .post("/cases/" + caseId + "/shared-arrangement/end").then().statusCode(204);
        given().get("/cases/" + caseId).then().body("department", equalTo("CBA")).body("contributingDepartment", nullValue());
        given().get("/cases/" + caseId + "/history").then().body("reason[-1]", org.hamcrest.Matchers.containsString("Familiebehandlingen"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Igen"))
                .post("/cases/" + caseId + "/shared-arrangement/end").then().statusCode(409);
        given().get("/cases/" + caseId + "/payment-responsibility?date=2027-02-01").then().body("payer", equalTo("CBA"));
        List<Map<String, Object>> after = events(caseId).stream().filter(e -> MOVES.contains(e.get("type"))).toList();
        assertEquals(4, after.size(), "no transfer, no payment switch: the arrangement's end only");
        assertEquals(leadChange("SHARED_ENDED", "CBA", null, "CBA", "MYN"), after.get(3).get("payload"));
    }

    @Test
    void a_shared_decision_that_keeps_the_lead_where_the_case_is_moves_nothing() {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);
        as(member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", "SHARED", "leadDepartment", "MYN", "contributingDepartment", "CBA",
                        "justification", "Gråzone: begge afdelinger.", "decidedBy", MEMBERS))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);
        given().get("/cases/" + caseId).then().body("status", equalTo("SHARED")).body("department", equalTo("MYN"))
                .body("contributingDepartment", equalTo("CBA"));
        given().get("/cases/" + caseId + "/handover").then().statusCode(404);
        given().get("/cases/" + caseId + "/payment-responsibility").then().body("periods.department", equalTo(List.of("MYN")));
        List<Map<String, Object>> events = events(caseId).stream().filter(e -> MOVES.contains(e.get("type"))).toList();
        assertEquals(List.of("case.lead-changed"), events.stream().map(e -> e.get("type")).toList(), "no transfer, no payment switch");
        assertEquals(leadChange("SHARED", "MYN", "CBA", "MYN", null), events.getFirst().get("payload"));
    }

    /** The events about who works and pays for the case (the others: registration, assessment, decision, grants). */
    private static final Set<String> MOVES = Set.of("payment-responsibility.changed", "case.transferred", "case.lead-changed");

    private static Map<String, Object> leadChange(String change, String lead, String contributing, String previousLead,
            String previousContributing) {
        Map<String, Object> payload = new java.util.HashMap<>();
        payload.put("change", change);
        payload.put("lead", lead);
        payload.put("contributing", contributing);
        payload.put("previousLead", previousLead);
        payload.put("previousContributing", previousContributing);
        return payload;
    }
}
