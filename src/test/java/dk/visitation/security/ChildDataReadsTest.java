package dk.visitation.security;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.support.Api;
import dk.visitation.support.Tasks;
import dk.visitation.support.Tokens;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The access log is complete per child: every GET endpoint of the served contract is either a read of
 * a child's data, which the child's search (POST /access-log/search by CPR) must then find, or listed
 * here with why it carries no child's data. A new endpoint that is neither fails this test.
 */
@QuarkusTest
class ChildDataReadsTest {

    /** GET endpoints that return no child's data, and why. */
    private static final Map<String, String> NO_CHILD_DATA = Map.ofEntries(
            Map.entry("/economy/forecast", "figures of a department's year, no case named"),
            Map.entry("/economy/budgets", "a department's budget, no case"),
            Map.entry("/economy/budgets/{year}/{department}", "a department's budget, no case"),
            Map.entry("/committee/meetings", "meeting dates and a count of cases, no case"),
            Map.entry("/committee/statistics", "counts over a period, no case"),
            Map.entry("/settlements", "a department's totals per period, no case lines"),
            Map.entry("/tasks/{id}/history", "who held a task and when: user names, no case content"),
            Map.entry("/economy/commitment-account/totals", "sums per department, service type and target group, no case"),
            Map.entry("/quality/radar", "counts and shares per gap, no case (the cases behind them: /quality/radar/cases)"),
            Map.entry("/advisers", "the adviser register: employees and their count of cases, no case"),
            Map.entry("/advisers/{userId}", "one adviser of the register and a count of cases, no case"),
            Map.entry("/caseload", "counts of cases per adviser and department, no case"),
            Map.entry("/caseload/monthly", "counts of cases per adviser and month, no case"),
            Map.entry("/caseload/continuity", "counts and shares per department, no case (per case: /cases/{id}/advisers)"),
            Map.entry("/providers", "the provider register: organisations and their contact, no case"),
            Map.entry("/providers/{id}", "one provider of the register, no case"),
            Map.entry("/imports", "the imports with their counts: who sent them and when, no case"),
            Map.entry("/imports/{id}", "an import's report: line numbers, field paths, messages that never echo a value, DUBU and case ids; "
                    + "no child's data (the import logs the cases it created or found as it writes them)"),
            Map.entry("/webhooks", "subscriptions of other systems: URLs and event types, no case"),
            Map.entry("/webhooks/{id}", "one subscription: its URL and event types, no case"),
            Map.entry("/webhooks/{id}/deliveries", "ids and HTTP outcomes (event, type, case id), no facts of the case; the facts "
                    + "a delivery sends are logged as an EXPORT of the case when it is delivered"));

    private static final String YEAR = "2012";

    @Inject
    EmbeddedEngine engine;

    /** One caller with every role a reading endpoint admits, so each endpoint answers. */
    private static String walker() {
        return Tokens.of("walt.walker", Set.of("LEADER", "ECONOMY", "COMMITTEE_MEMBER", "AUDITOR", "MYN_ADVISER", "CBA_ADVISER"),
                Set.of("MYN", "CBA"));
    }

    private static String auditor() {
        return Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of());
    }

    @Test
    void every_get_endpoint_that_returns_a_childs_data_is_found_by_the_childs_access_log_search() throws Exception {
        String cpr = freshCpr();
        Map<String, Object> intake = new HashMap<>(Api.newCase(cpr));
        intake.put("receivedAt", YEAR + "-01-01T09:00:00+01:00");
        UUID caseId = UUID.fromString(Api.register(intake).statusCode(201).extract().path("id"));
        String assessment = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.greyZone()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(assessment, Map.of("outcome", "COMMITTEE"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "NOTIFICATION", "occurredAt", YEAR + "-01-01T09:00:00+01:00",
                "notifierKind", "PROFESSIONAL", "urgent", false)).post("/cases/" + caseId + "/casework").then().statusCode(201);
        Tasks.complete(Tasks.awaitOpen(caseId, "prepare-committee-material"), Visitation.material());
        Visitation.awaitStatus(caseId, "ON_COMMITTEE_AGENDA");
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "PLACEMENT", "provider", "EXTERNAL",
                "providerName", "Opholdssted", "priceOre", 1_200_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                "from", YEAR + "-01-01", "to", "2013-01-01")).post("/cases/" + caseId + "/grants").then().statusCode(201);
        // below the approval amount, so the settlement charges it whatever ECONOMY says about the expensive one
        String internal = given().contentType(ContentType.JSON).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                "providerName", "Familiehuset", "priceOre", 730_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                "from", YEAR + "-01-01", "to", "2013-01-01")).post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("cadence", "EVERY_MONTHS", "everyMonths", 3))
                .put("/cases/" + caseId + "/status-notes/agreements/" + internal).then().statusCode(201);
        String placement = given().contentType(ContentType.JSON).body(Map.of("expectedStart", YEAR + "-06-01", "kind", "FOSTER_FAMILY",
                "annualEstimate", "650000.00", "urgency", "PLANNED", "reason", "Plejefamilie i netværket"))
                .post("/cases/" + caseId + "/placements").then().statusCode(201).extract().path("id");
        // a second case of the child, named by its adviser, so the waiting lists find it among every other test's cases
        Map<String, Object> waiting = new HashMap<>(Api.newCase(cpr));
        waiting.put("receivedAt", YEAR + "-02-01T09:00:00+01:00");
        waiting.put("adviser", dk.visitation.support.Advisers.ensure("walt.waiting", "MYN"));
        UUID waitingCase = UUID.fromString(Api.register(waiting).statusCode(201).extract().path("id"));
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE", "provider", "EXTERNAL",
                "providerName", "Aflastningsfamilie", "priceOre", 100_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                "from", YEAR + "-02-01", "to", "2013-01-01")).post("/cases/" + waitingCase + "/grants").then().statusCode(201);
        String settlement = as(walker()).contentType(ContentType.JSON).body(Map.of("department", "MYN", "periodFrom", YEAR + "-01-01"))
                .post("/settlements").then().statusCode(200).extract().path("statement.id");
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);
        as(Visitation.member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", "CBA", "justification", "Betydelig og varig nedsat funktionsevne.",
                        "decidedBy", List.of("mette.myn", "carl.cba")))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201);
        Visitation.awaitStatus(caseId, "DECIDED_CBA");

        String department = given().get("/cases/" + caseId).then().statusCode(200).extract().path("department");
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>(); // path -> query parameters
        List<String> unclassified = new ArrayList<>();
        for (String path : getPaths()) {
            if (NO_CHILD_DATA.containsKey(path) || path.startsWith("/dev/")) {
                continue;
            }
            Map<String, Object> query = switch (path) {
                case "/cases" -> Map.of("receivedFrom", YEAR + "-01-01T00:00:00+01:00", "receivedTo", YEAR + "-01-02T00:00:00+01:00",
                        "size", 200);
                case "/access-log" -> Map.of("caseId", caseId.toString());
                case "/committee/meetings/{id}", "/committee/meetings/{id}/minutes" -> Map.of();
                case "/economy/commitment-account", "/economy/commitment-account/lines", "/economy/expensive-cases" ->
                        Map.of("year", YEAR, "department", "MYN");
                case "/committee/meetings/{id}/agenda/{itemId}" -> Map.of();
                case "/cases/{id}/tasks/stream" -> Map.of("seconds", 1);
                case "/economy/paying-cases" -> Map.of("department", "MYN", "from", YEAR + "-01-01", "to", YEAR + "-04-01");
                case "/events" -> Map.of("limit", 1000, "after", firstEventOf(caseId));
                case "/settlements/{id}" -> Map.of();
                case "/tasks" -> Map.of("caseId", caseId.toString(), "status", "COMPLETED");
                case "/tasks/{id}" -> Map.of();
                case "/deadlines" -> Map.of("dueBefore", "2013-01-01", "size", 200);
                case "/quality/radar/cases" -> Map.of("on", YEAR + "-06-01", "gap", "INVESTIGATION", "size", 200);
                case "/quality/supervision" -> Map.of("department", department); // the case has no adviser: it is named
                case "/waiting/first-meeting", "/waiting/grants" -> Map.of("adviser", "walt.waiting", "size", 200);
                case "/status-notes" -> Map.of("department", department, "size", 200); // its 2012 notes come first
                default -> path.startsWith("/cases/{id}") ? Map.of() : null;
            };
            if (query == null) {
                unclassified.add(path);
            } else {
                calls.put(path, query);
            }
        }
        assertEquals(List.of(), unclassified,
                "GET endpoints neither walked here as reads of a child's data nor listed in NO_CHILD_DATA with a reason");

        List<String> missed = new ArrayList<>();
        for (var call : calls.entrySet()) {
            String id = switch (call.getKey()) {
                case "/committee/meetings/{id}", "/committee/meetings/{id}/minutes", "/committee/meetings/{id}/agenda/{itemId}" -> meeting;
                case "/settlements/{id}" -> settlement;
                case "/tasks/{id}" -> assessment;
                default -> caseId.toString();
            };
            String url = call.getKey().replace("{id}", id).replace("{itemId}", item[0]).replace("{grantId}", internal)
                    .replace("{placementId}", placement);
            long before = newestWalkerEntry(cpr);
            String accept = url.endsWith("/stream") ? "text/event-stream" : "application/json, text/html;q=0.5";
            int status = as(walker()).accept(accept).queryParams(call.getValue()).get(url)
                    .then().extract().statusCode();
            assertEquals(200, status, "GET " + url + " answers");
            if (newestWalkerEntry(cpr) <= before) {
                missed.add(call.getKey());
            }
        }
        assertEquals(List.of(), missed, "reads of the child's data that the child's access-log search does not find");
        assertTrue(calls.size() >= 15, "the walk covers the child's endpoints: " + calls.keySet());
    }

    /** The id of the walker's newest entry the child's search answers (newest first), 0 for none. */
    private static long newestWalkerEntry(String cpr) {
        List<Map<String, Object>> items = as(auditor()).contentType(ContentType.JSON).body(Map.of("cpr", cpr))
                .queryParam("size", 200).post("/access-log/search").then().statusCode(200).extract().path("items");
        return items.stream().filter(e -> "walt.walker".equals(e.get("actor"))).mapToLong(e -> ((Number) e.get("id")).longValue())
                .max().orElse(0);
    }

    /** The sequence number just before the case's first event, so one page of the feed holds it. */
    private static long firstEventOf(UUID caseId) {
        long after = 0;
        while (true) {
            var page = as(walker()).queryParam("limit", 1000).queryParam("after", after).get("/events").then().statusCode(200).extract();
            List<Map<String, Object>> events = page.path("items");
            if (events.isEmpty()) {
                return fail("the case has no event");
            }
            for (Map<String, Object> event : events) {
                if (caseId.toString().equals(event.get("caseId"))) {
                    return ((Number) event.get("seq")).longValue() - 1;
                }
            }
            after = ((Number) page.path("next")).longValue();
        }
    }

    private static List<String> getPaths() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).path("paths");
        List<String> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getValue().has("get")) {
                found.add(entry.getKey());
            }
        }
        return found;
    }
}
