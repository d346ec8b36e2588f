package dk.visitation.security;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.newCase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dk.visitation.support.Api;
import dk.visitation.support.Tasks;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The access policy, reviewed as a table: which roles may call each operation, and which operations
 * are scoped to the caller's department (out of scope answers 404, so a case's existence does not
 * leak). Every role × department × operation is called and checked against it.
 */
@QuarkusTest
class AccessPolicyTest {

    private static final String MYN_ADVISER = Role.MYN_ADVISER, CBA_ADVISER = Role.CBA_ADVISER,
            COMMITTEE_MEMBER = Role.COMMITTEE_MEMBER, LEADER = Role.LEADER, AUDITOR = Role.AUDITOR, SYSTEM = Role.SYSTEM;

    static final Set<String> MEETING_READERS = Set.of(COMMITTEE_MEMBER, MYN_ADVISER, CBA_ADVISER, LEADER);

    static final Set<String> PROVIDER_READERS = Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, Role.ECONOMY, LEADER, AUDITOR, SYSTEM);

    /** Placement planning follows the grants' policy: the case's advisers and LEADER write; ECONOMY and AUDITOR read too. */
    static final Set<String> PLACEMENT_WRITERS = Set.of(MYN_ADVISER, CBA_ADVISER, LEADER);
    static final Set<String> PLACEMENT_READERS = Set.of(MYN_ADVISER, CBA_ADVISER, Role.ECONOMY, LEADER, AUDITOR);

    static final Set<String> TASK_ROLES = Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, Role.ECONOMY, LEADER);

    /** operation → roles allowed. Everything else is 403 (authenticated) or 401 (not). */
    static final Map<String, Set<String>> ROLES_ALLOWED = Map.ofEntries(
            Map.entry("listTasks", TASK_ROLES),
            Map.entry("getTask", TASK_ROLES),
            Map.entry("claimTask", TASK_ROLES),
            Map.entry("unclaimTask", TASK_ROLES),
            Map.entry("reassignTask", TASK_ROLES),
            Map.entry("getTaskHistory", TASK_ROLES),
            Map.entry("completeTask", TASK_ROLES),
            Map.entry("registerCase", Set.of(MYN_ADVISER, CBA_ADVISER, SYSTEM)),
            Map.entry("getCase", Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, LEADER, AUDITOR)),
            Map.entry("getCaseHistory", Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, LEADER, AUDITOR)),
            Map.entry("listCases", Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, LEADER, AUDITOR, SYSTEM)),
            Map.entry("getCaseSummary", Set.of(SYSTEM, LEADER)),
            Map.entry("listCaseDocuments", Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, LEADER, AUDITOR)),
            Map.entry("searchCases", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("updateCase", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("getCaseAudit", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("getCaseInsight", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("listAccessLog", Set.of(AUDITOR)),
            Map.entry("searchAccessLogByChild", Set.of(AUDITOR)),
            Map.entry("recordAssessment", Set.of(MYN_ADVISER, LEADER)),
            Map.entry("getAssessment", Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, LEADER, AUDITOR)),
            Map.entry("listMeetings", MEETING_READERS),
            Map.entry("getMeeting", MEETING_READERS),
            Map.entry("getAgendaItem", MEETING_READERS),
            Map.entry("getMinutes", MEETING_READERS),
            Map.entry("scheduleMeeting", Set.of(COMMITTEE_MEMBER, LEADER)),
            Map.entry("addToAgenda", Set.of(MYN_ADVISER, COMMITTEE_MEMBER, LEADER)),
            Map.entry("removeFromAgenda", Set.of(MYN_ADVISER, COMMITTEE_MEMBER, LEADER)),
            Map.entry("recordAttendance", Set.of(COMMITTEE_MEMBER, LEADER)),
            Map.entry("recordDecision", Set.of(COMMITTEE_MEMBER)),
            Map.entry("getCommitteeStatistics", Set.of(COMMITTEE_MEMBER, LEADER, Role.ECONOMY, AUDITOR)),
            Map.entry("createGrant", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("listGrants", Set.of(MYN_ADVISER, CBA_ADVISER, Role.ECONOMY, LEADER, AUDITOR)),
            Map.entry("getPaymentResponsibility", Set.of(MYN_ADVISER, CBA_ADVISER, Role.ECONOMY, LEADER, AUDITOR)),
            Map.entry("switchPaymentResponsibility", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("getCommitmentAccount", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("getCommitmentAccountTotals", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("streamCaseTasks", Set.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, Role.ECONOMY, LEADER)),
            Map.entry("listCommitmentAccountLines", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("requestHandover", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("getHandover", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("withdrawHandover", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("endSharedArrangement", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("openWorkItem", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("listWorkItems", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("closeWorkItem", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("listPayingCases", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("getExpensiveCases", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("readEvents", Set.of(SYSTEM, LEADER, AUDITOR)),
            Map.entry("listEconomyReviews", Set.of(Role.ECONOMY, LEADER, AUDITOR)),
            Map.entry("listSettlements", Set.of(Role.ECONOMY, LEADER, AUDITOR)),
            Map.entry("getSettlement", Set.of(Role.ECONOMY, LEADER, AUDITOR)),
            Map.entry("computeSettlement", Set.of(Role.ECONOMY)),
            Map.entry("recordCasework", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("listCasework", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("listCaseDeadlines", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("listDeadlines", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("getQualityRadar", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("listQualityRadarCases", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("getSupervision", Set.of(LEADER, AUDITOR)),
            Map.entry("startGrant", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("endGrant", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("changeGrant", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("getForecast", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("listBudgets", Set.of(Role.ECONOMY, LEADER, Role.AUDITOR)),
            Map.entry("getBudget", Set.of(Role.ECONOMY, LEADER, Role.AUDITOR)),
            Map.entry("setBudget", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("listFirstMeetingWaits", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("listGrantWaits", Set.of(MYN_ADVISER, CBA_ADVISER, Role.ECONOMY, LEADER, AUDITOR)),
            Map.entry("createAdviser", Set.of(LEADER)),
            Map.entry("listAdvisers", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("getAdviser", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("replaceAdviser", Set.of(LEADER)),
            Map.entry("getCaseAdvisers", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("getCaseload", Set.of(LEADER, AUDITOR)),
            Map.entry("getMonthlyCaseload", Set.of(LEADER, AUDITOR)),
            Map.entry("getContinuity", Set.of(LEADER, AUDITOR)),
            Map.entry("createProvider", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("listProviders", PROVIDER_READERS),
            Map.entry("getProvider", PROVIDER_READERS),
            Map.entry("replaceProvider", Set.of(Role.ECONOMY, LEADER)),
            Map.entry("getCaseStatusNotes", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("agreeStatusNotes", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("receiveStatusNote", Set.of(SYSTEM)),
            Map.entry("listStatusNotes", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("getGrantGoals", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER, AUDITOR)),
            Map.entry("reviseGrantGoals", Set.of(MYN_ADVISER, CBA_ADVISER, LEADER)),
            Map.entry("createPlacement", PLACEMENT_WRITERS),
            Map.entry("listPlacements", PLACEMENT_READERS),
            Map.entry("getPlacement", PLACEMENT_READERS),
            Map.entry("changePlacement", PLACEMENT_WRITERS),
            Map.entry("cancelPlacement", PLACEMENT_WRITERS),
            Map.entry("requestPlacementQuote", PLACEMENT_WRITERS),
            Map.entry("answerPlacementQuote", PLACEMENT_WRITERS),
            Map.entry("choosePlacementQuote", PLACEMENT_WRITERS),
            Map.entry("grantAcutePlacement", PLACEMENT_WRITERS),
            Map.entry("createWebhook", Set.of(SYSTEM)),
            Map.entry("listWebhooks", Set.of(SYSTEM)),
            Map.entry("getWebhook", Set.of(SYSTEM)),
            Map.entry("deleteWebhook", Set.of(SYSTEM)),
            Map.entry("resumeWebhook", Set.of(SYSTEM)),
            Map.entry("listWebhookDeliveries", Set.of(SYSTEM)),
            Map.entry("redeliverWebhookDelivery", Set.of(SYSTEM)),
            Map.entry("createImport", Set.of(SYSTEM, LEADER)),
            Map.entry("listImports", Set.of(SYSTEM, LEADER)),
            Map.entry("getImport", Set.of(SYSTEM, LEADER)));

    /** Called on a random id: past the role gate they answer 404. */
    static final Set<String> NOT_FOUND_PROBES = Set.of("recordAssessment", "getAssessment", "getMeeting", "getAgendaItem", "getMinutes",
            "addToAgenda", "removeFromAgenda", "recordAttendance", "recordDecision", "createGrant", "listGrants",
            "getPaymentResponsibility", "switchPaymentResponsibility", "requestHandover", "getHandover", "withdrawHandover", "endSharedArrangement", "openWorkItem",
            "listWorkItems", "closeWorkItem", "listEconomyReviews", "getSettlement", "streamCaseTasks", "recordCasework", "listCasework",
            "listCaseDeadlines", "startGrant", "endGrant", "changeGrant", "getBudget", "agreeStatusNotes", "getGrantGoals", "reviseGrantGoals", "getAdviser", "replaceAdviser", "getProvider", "replaceProvider",
            "getWebhook", "deleteWebhook", "resumeWebhook", "listWebhookDeliveries", "redeliverWebhookDelivery",
            "createPlacement", "listPlacements", "getPlacement", "changePlacement", "cancelPlacement", "requestPlacementQuote",
            "answerPlacementQuote", "choosePlacementQuote", "grantAcutePlacement", "getImport");

    /** Only open to everyone in embedded mode; absent (404) in production. */
    static final Set<String> OPEN_OPERATIONS = Set.of("mintDevToken");

    /** Operations on one case: outside the caller's department(s) they answer 404, except for these roles. */
    static final Set<String> SCOPED = Set.of("getCase", "getCaseHistory", "updateCase", "getCaseAudit", "getCaseInsight", "getCaseAdvisers",
            "getCaseStatusNotes", "getCaseSummary", "listCaseDocuments");
    static final Set<String> SEE_ALL_CASES = Set.of(LEADER, AUDITOR);

    /** How each operation is called on the case under test (a case in MYN). */
    private String cprOfCase;
    private String mynTask;
    private final ThreadLocal<String> callerDepartment = new ThreadLocal<>();

    interface Call {
        Response apply(RequestSpecification as, String caseId, String etag);
    }

    private final Map<String, Call> calls = Map.ofEntries(
            Map.entry("listTasks", (as, id, etag) -> as.get("/tasks")),
            Map.entry("listSettlements", (as, id, etag) -> as.get("/settlements")),
            Map.entry("getSettlement", (as, id, etag) -> as.get("/settlements/" + UUID.randomUUID())),
            Map.entry("computeSettlement", (as, id, etag) -> as.contentType(ContentType.JSON)
                    .body(Map.of("department", "CBA", "periodFrom", "2013-01-01")).post("/settlements")),
            Map.entry("listEconomyReviews", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/economy-reviews")),
            Map.entry("readEvents", (as, id, etag) -> as.queryParam("limit", 1).get("/events")),
            Map.entry("listPayingCases", (as, id, etag) -> as.queryParam("department", "CBA").queryParam("from", "2040-01-01")
                    .queryParam("to", "2040-02-01").get("/economy/paying-cases")),
            Map.entry("getExpensiveCases", (as, id, etag) -> as.queryParam("year", 2040).queryParam("department", "CBA")
                    .get("/economy/expensive-cases")),
            Map.entry("requestHandover", (as, id, etag) -> as.contentType(ContentType.JSON)
                    .body(Map.of("toDepartment", "CBA", "reason", "x")).post("/cases/" + UUID.randomUUID() + "/handover")),
            Map.entry("getHandover", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/handover")),
            Map.entry("withdrawHandover", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .post("/cases/" + UUID.randomUUID() + "/handover/withdraw")),
            Map.entry("endSharedArrangement", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .post("/cases/" + UUID.randomUUID() + "/shared-arrangement/end")),
            Map.entry("openWorkItem", (as, id, etag) -> as.contentType(ContentType.JSON)
                    .body(Map.of("kind", "APPLICATION", "description", "x")).post("/cases/" + UUID.randomUUID() + "/work-items")),
            Map.entry("listWorkItems", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/work-items")),
            Map.entry("closeWorkItem", (as, id, etag) -> as.post("/cases/" + UUID.randomUUID() + "/work-items/"
                    + UUID.randomUUID() + "/close")),
            Map.entry("createGrant", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE",
                    "provider", "INTERNAL", "providerName", "Mellerup", "priceOre", 245050, "tariffPeriod", "DAY", "scope", 1,
                    "from", "2027-01-01", "to", "2027-02-01")).post("/cases/" + UUID.randomUUID() + "/grants")),
            Map.entry("listGrants", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/grants")),
            Map.entry("getPaymentResponsibility", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/payment-responsibility")),
            Map.entry("switchPaymentResponsibility", (as, id, etag) -> as.contentType(ContentType.JSON)
                    .body(Map.of("department", "CBA", "effectiveDate", "2027-01-01"))
                    .post("/cases/" + UUID.randomUUID() + "/payment-responsibility")),
            Map.entry("getCommitmentAccount", (as, id, etag) -> as.queryParam("year", 2027).queryParam("department", "CBA")
                    .get("/economy/commitment-account")),
            Map.entry("streamCaseTasks", (as, id, etag) -> as.accept("text/event-stream").queryParam("seconds", 1)
                    .get("/cases/" + UUID.randomUUID() + "/tasks/stream")),
            Map.entry("getCommitmentAccountTotals", (as, id, etag) -> as.queryParam("year", 2027).queryParam("department", "CBA")
                    .get("/economy/commitment-account/totals")),
            Map.entry("listCommitmentAccountLines", (as, id, etag) -> as.queryParam("year", 2027).queryParam("department", "CBA")
                    .get("/economy/commitment-account/lines")),
            // the assessment and the committee are checked on things that do not exist: the role gate answers first
            Map.entry("recordAssessment", (as, id, etag) -> as.contentType(ContentType.JSON)
                    .body(dk.visitation.support.Visitation.facts("NONE")).put("/cases/" + UUID.randomUUID() + "/assessment")),
            Map.entry("getAssessment", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/assessment")),
            Map.entry("listMeetings", (as, id, etag) -> as.get("/committee/meetings")),
            Map.entry("getMeeting", (as, id, etag) -> as.get("/committee/meetings/" + UUID.randomUUID())),
            Map.entry("getAgendaItem", (as, id, etag) -> as.get("/committee/meetings/" + UUID.randomUUID() + "/agenda/"
                    + UUID.randomUUID())),
            Map.entry("getMinutes", (as, id, etag) -> as.get("/committee/meetings/" + UUID.randomUUID() + "/minutes")),
            Map.entry("scheduleMeeting", (as, id, etag) -> as.contentType(ContentType.JSON)
                    .body(Map.of("startsAt", "2020-01-01T09:00:00+01:00")).post("/committee/meetings")),
            Map.entry("addToAgenda", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("caseId", id))
                    .post("/committee/meetings/" + UUID.randomUUID() + "/agenda")),
            Map.entry("removeFromAgenda", (as, id, etag) -> as.delete("/committee/meetings/" + UUID.randomUUID()
                    + "/agenda/" + UUID.randomUUID())),
            Map.entry("recordAttendance", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("members", List.of()))
                    .put("/committee/meetings/" + UUID.randomUUID() + "/attendance")),
            Map.entry("recordDecision", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("outcome", "CBA", "justification", "x", "decidedBy", List.of("x")))
                    .post("/committee/meetings/" + UUID.randomUUID() + "/agenda/" + UUID.randomUUID() + "/decision")),
            Map.entry("getCommitteeStatistics", (as, id, etag) -> as.queryParam("from", "2022-01-01").queryParam("to", "2022-07-01")
                    .get("/committee/statistics")),
            Map.entry("getTask", (as, id, etag) -> as.get("/tasks/" + mynTask)),
            Map.entry("getTaskHistory", (as, id, etag) -> as.get("/tasks/" + UUID.randomUUID() + "/history")),
            // changes to tasks are checked on a task that does not exist: the role gate answers first
            Map.entry("claimTask", (as, id, etag) -> as.post("/tasks/" + UUID.randomUUID() + "/claim")),
            Map.entry("unclaimTask", (as, id, etag) -> as.post("/tasks/" + UUID.randomUUID() + "/unclaim")),
            Map.entry("reassignTask", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("assignee", "x"))
                    .post("/tasks/" + UUID.randomUUID() + "/assignee")),
            Map.entry("completeTask", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of())
                    .post("/tasks/" + UUID.randomUUID() + "/complete")),
            Map.entry("registerCase", (as, id, etag) -> as.contentType(ContentType.JSON).body(newCaseIn(departmentOf(as))).post("/cases")),
            Map.entry("getCase", (as, id, etag) -> as.get("/cases/" + id)),
            Map.entry("getCaseHistory", (as, id, etag) -> as.get("/cases/" + id + "/history")),
            Map.entry("listCases", (as, id, etag) -> as.get("/cases")),
            Map.entry("getCaseSummary", (as, id, etag) -> as.get("/cases/" + id + "/summary")),
            Map.entry("listCaseDocuments", (as, id, etag) -> as.get("/cases/" + id + "/documents")),
            Map.entry("searchCases", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("cpr", cprOfCase)).post("/cases/search")),
            Map.entry("updateCase", (as, id, etag) -> as.contentType("application/merge-patch+json").header("If-Match", etag)
                    .body(Map.of("description", "Opdateret")).patch("/cases/" + id)),
            Map.entry("getCaseAudit", (as, id, etag) -> as.get("/cases/" + id + "/audit")),
            Map.entry("getCaseInsight", (as, id, etag) -> as.get("/cases/" + id + "/insight")),
            Map.entry("listAccessLog", (as, id, etag) -> as.get("/access-log")),
            Map.entry("recordCasework", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("kind", "INVESTIGATION_STARTED",
                    "occurredAt", "2026-01-05T10:00:00+01:00")).post("/cases/" + UUID.randomUUID() + "/casework")),
            Map.entry("listCasework", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/casework")),
            Map.entry("listCaseDeadlines", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/deadlines")),
            Map.entry("listDeadlines", (as, id, etag) -> as.queryParam("dueBefore", "2000-01-01").get("/deadlines")),
            Map.entry("getQualityRadar", (as, id, etag) -> as.queryParam("adviser", "nobody.here").get("/quality/radar")),
            Map.entry("listQualityRadarCases", (as, id, etag) -> as.queryParam("adviser", "nobody.here").queryParam("gap", "FOLLOW_UP")
                    .get("/quality/radar/cases")),
            Map.entry("getSupervision", (as, id, etag) -> as.queryParam("department", "CBA").get("/quality/supervision")),
            Map.entry("startGrant", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("startedOn", "2026-01-05")).post("/cases/" + UUID.randomUUID() + "/grants/" + UUID.randomUUID() + "/start")),
            Map.entry("endGrant", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("to", "2026-01-05", "reason", "Politik")).post("/cases/" + UUID.randomUUID() + "/grants/" + UUID.randomUUID() + "/end")),
            Map.entry("changeGrant", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("from", "2026-01-05", "priceOre", 100, "reason", "Politik"))
                    .post("/cases/" + UUID.randomUUID() + "/grants/" + UUID.randomUUID() + "/changes")),
            Map.entry("getForecast", (as, id, etag) -> as.queryParam("year", 2039).queryParam("department", "MYN").get("/economy/forecast")),
            Map.entry("listBudgets", (as, id, etag) -> as.queryParam("year", 2039).get("/economy/budgets")),
            Map.entry("getBudget", (as, id, etag) -> as.get("/economy/budgets/2039/MYN")),
            Map.entry("setBudget", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"999\"")
                    .body(Map.of("serviceFrameOre", -1, "outsideServiceFrameOre", 1)).put("/economy/budgets/2039/MYN")),
            Map.entry("listFirstMeetingWaits", (as, id, etag) -> as.queryParam("adviser", "nobody.here").get("/waiting/first-meeting")),
            Map.entry("listGrantWaits", (as, id, etag) -> as.queryParam("adviser", "nobody.here").get("/waiting/grants")),
            Map.entry("createAdviser", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("userId", "policy." + UUID.randomUUID(),
                    "name", "Politik", "department", "MYN", "fte", 1, "caseloadKind", "CHILDREN_AND_FAMILY", "activeFrom", "2026-01-01"))
                    .post("/advisers")),
            Map.entry("listAdvisers", (as, id, etag) -> as.queryParam("size", 1).get("/advisers")),
            Map.entry("getAdviser", (as, id, etag) -> as.get("/advisers/nobody." + UUID.randomUUID())),
            Map.entry("replaceAdviser", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("name", "Ingen", "department", "MYN", "fte", 1, "caseloadKind", "CHILDREN_AND_FAMILY",
                            "activeFrom", "2026-01-01")).put("/advisers/nobody." + UUID.randomUUID())),
            Map.entry("getCaseAdvisers", (as, id, etag) -> as.get("/cases/" + id + "/advisers")),
            Map.entry("createProvider", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("name", "Politik " + UUID.randomUUID(),
                    "kind", "INTERNAL", "services", List.of("RESPITE_CARE"))).post("/providers")),
            Map.entry("getGrantGoals", (as, id, etag) -> as.get("/cases/" + id + "/grants/" + UUID.randomUUID() + "/goals")),
            Map.entry("reviseGrantGoals", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("goals", List.of("Politik")))
                    .put("/cases/" + id + "/grants/" + UUID.randomUUID() + "/goals")),
            Map.entry("getCaseStatusNotes", (as, id, etag) -> as.get("/cases/" + id + "/status-notes")),
            Map.entry("agreeStatusNotes", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("cadence", "BEFORE_FOLLOW_UP"))
                    .put("/cases/" + id + "/status-notes/agreements/" + UUID.randomUUID())),
            Map.entry("receiveStatusNote", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("grantId", UUID.randomUUID().toString(),
                    "writtenOn", "2026-01-05", "document", Map.of("system", "SBSYS", "caseNumber", "27.24.00-G01-1-26", "documentId", "1")))
                    .post("/status-notes")),
            Map.entry("listStatusNotes", (as, id, etag) -> as.queryParam("provider", UUID.randomUUID().toString()).get("/status-notes")),
            Map.entry("listProviders", (as, id, etag) -> as.queryParam("size", 1).get("/providers")),
            Map.entry("getProvider", (as, id, etag) -> as.get("/providers/" + UUID.randomUUID())),
            Map.entry("replaceProvider", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("name", "Ingen", "kind", "INTERNAL", "services", List.of("RESPITE_CARE"))).put("/providers/" + UUID.randomUUID())),
            Map.entry("getCaseload", (as, id, etag) -> as.queryParam("department", "CBA").queryParam("on", "2000-01-01").get("/caseload")),
            Map.entry("getMonthlyCaseload", (as, id, etag) -> as.queryParam("from", "2000-01").queryParam("to", "2000-02")
                    .get("/caseload/monthly")),
            Map.entry("getContinuity", (as, id, etag) -> as.queryParam("from", "2000-01-01").queryParam("to", "2000-01-31")
                    .get("/caseload/continuity")),
            Map.entry("createWebhook", (as, id, etag) -> unsubscribed(as.contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:9/policy", "eventTypes", List.of("case.inactive"))).post("/webhooks"))),
            Map.entry("listWebhooks", (as, id, etag) -> as.queryParam("size", 1).get("/webhooks")),
            // a dry run of an empty batch: past the role gate it answers its (empty) report
            Map.entry("createImport", (as, id, etag) -> as.contentType(ContentType.JSON).queryParam("dryRun", true).body("[]").post("/imports")),
            Map.entry("listImports", (as, id, etag) -> as.queryParam("size", 1).get("/imports")),
            Map.entry("getImport", (as, id, etag) -> as.get("/imports/" + UUID.randomUUID())),
            Map.entry("getWebhook", (as, id, etag) -> as.get("/webhooks/" + UUID.randomUUID())),
            Map.entry("deleteWebhook", (as, id, etag) -> as.header("If-Match", "\"0\"").delete("/webhooks/" + UUID.randomUUID())),
            Map.entry("resumeWebhook", (as, id, etag) -> as.header("If-Match", "\"0\"").post("/webhooks/" + UUID.randomUUID() + "/resume")),
            Map.entry("listWebhookDeliveries", (as, id, etag) -> as.get("/webhooks/" + UUID.randomUUID() + "/deliveries")),
            Map.entry("redeliverWebhookDelivery", (as, id, etag) -> as.post("/webhooks/" + UUID.randomUUID() + "/deliveries/"
                    + UUID.randomUUID() + "/redeliver")),
            Map.entry("createPlacement", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("expectedStart", "2027-03-01",
                    "kind", "FOSTER_FAMILY", "annualEstimate", "650000.00", "urgency", "PLANNED", "reason", "Politik"))
                    .post("/cases/" + UUID.randomUUID() + "/placements")),
            Map.entry("listPlacements", (as, id, etag) -> as.get("/cases/" + UUID.randomUUID() + "/placements")),
            Map.entry("getPlacement", (as, id, etag) -> as.get(placement())),
            Map.entry("changePlacement", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("expectedStart", "2027-03-01", "kind", "FOSTER_FAMILY", "annualEstimate", "650000.00", "reason", "Politik"))
                    .put(placement())),
            Map.entry("cancelPlacement", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("reason", "Politik")).post(placement() + "/cancel")),
            Map.entry("requestPlacementQuote", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("providerId", UUID.randomUUID().toString())).post(placement() + "/quotes")),
            Map.entry("answerPlacementQuote", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("status", "DECLINED")).put(placement() + "/quotes/" + UUID.randomUUID())),
            Map.entry("choosePlacementQuote", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("professionalJustification", "Politik", "economicJustification", "Politik", "from", "2027-03-01",
                            "to", "2028-03-01", "scope", 1)).post(placement() + "/quotes/" + UUID.randomUUID() + "/choose")),
            Map.entry("grantAcutePlacement", (as, id, etag) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("providerId", UUID.randomUUID().toString(), "priceOre", 100_00L, "tariffPeriod", "DAY", "scope", 1,
                            "from", "2027-03-01", "to", "2027-04-01")).post(placement() + "/grant")),
            Map.entry("searchAccessLogByChild", (as, id, etag) -> as.contentType(ContentType.JSON).body(Map.of("cpr", cprOfCase)).post("/access-log/search")));

    @TestFactory
    Stream<DynamicTest> every_role_in_every_department_gets_the_answer_the_policy_table_gives() {
        cprOfCase = freshCpr();
        UUID registered = Api.registerCase(cprOfCase);
        String mynCase = registered.toString();
        mynTask = Tasks.awaitOpen(registered, "assess-target-group");
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : Role.ALL) {
            for (String department : List.of("MYN", "CBA")) {
                for (String operation : ROLES_ALLOWED.keySet().stream().sorted().toList()) {
                    int expected = expected(operation, role, department);
                    tests.add(dynamicTest(role + " in " + department + ": " + operation + " → " + expected, () -> {
                        callerDepartment.set(department);
                        RequestSpecification as = given().auth().oauth2(
                                Tokens.of(role.toLowerCase() + "." + department.toLowerCase(), Set.of(role), Set.of(department)));
                        String etag = operation.equals("updateCase") ? currentEtag(mynCase) : null;
                        Response response = calls.get(operation).apply(as, mynCase, etag);
                        assertEquals(expected, response.statusCode(), response.asString());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> without_a_token_every_operation_is_401_and_only_health_and_the_contract_are_open() {
        List<DynamicTest> tests = new ArrayList<>();
        String someCase = "00000000-0000-0000-0000-000000000001";
        for (String operation : ROLES_ALLOWED.keySet().stream().sorted().toList()) {
            tests.add(dynamicTest(operation + " without a token → 401", () -> {
                callerDepartment.set("MYN");
                cprOfCase = "0101154000";
                mynTask = someCase;
                Response response = calls.get(operation).apply(given(), someCase, "\"0\"");
                assertEquals(401, response.statusCode(), response.asString());
                assertEquals("application/problem+json", response.contentType());
            }));
        }
        for (String open : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi")) {
            tests.add(dynamicTest(open + " without a token → 200", () -> given().get(open).then().statusCode(200)));
        }
        tests.add(dynamicTest("a token signed by someone else → 401", () -> given().auth().oauth2(forgedToken())
                .get("/cases").then().statusCode(401)));
        return tests.stream();
    }

    static int expected(String operation, String role, String department) {
        if (!ROLES_ALLOWED.get(operation).contains(role)) {
            return 403;
        }
        if (operation.equals("getTask")) {
            return role.equals(MYN_ADVISER) || role.equals(LEADER) ? 200 : 404; // the task is MYN's
        }
        if (operation.endsWith("Task") || operation.equals("getTaskHistory") || NOT_FOUND_PROBES.contains(operation)) {
            return 404;
        }
        if (operation.equals("receiveStatusNote")) {
            return 422; // a grant without an agreement: refused after the role gate
        }
        if (operation.equals("setBudget")) {
            return 400; // a negative budget: refused after the role gate, so nothing is entered
        }
        if (operation.equals("scheduleMeeting")) {
            return 400; // a time in the past: refused after the role gate
        }
        if (operation.equals("listCases") && role.equals(SYSTEM)) {
            return 400; // another system finds a case by its DUBU id, and lists nothing without one
        }
        if (operation.equals("registerCase") || operation.equals("createAdviser") || operation.equals("createProvider")
                || operation.equals("createWebhook")) {
            return 201;
        }
        if (SCOPED.contains(operation) && !SEE_ALL_CASES.contains(role) && !department.equals("MYN")) {
            return 404;
        }
        return 200;
    }

    @org.junit.jupiter.api.Test
    void every_operation_of_the_contract_has_a_row_in_the_policy_table() throws Exception {
        var contract = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(java.nio.file.Path.of("openapi/openapi.yaml").toFile());
        List<String> missing = new ArrayList<>();
        contract.path("paths").forEach(path -> path.forEach(operation -> {
            String id = operation.path("operationId").asText();
            if (!id.isEmpty() && !ROLES_ALLOWED.containsKey(id) && !OPEN_OPERATIONS.contains(id)) {
                missing.add(id);
            }
        }));
        assertEquals(List.of(), missing, "operations without a policy row");
    }

    /** A placement of a case that does not exist. */
    private static String placement() {
        return "/cases/" + UUID.randomUUID() + "/placements/" + UUID.randomUUID();
    }

    /** A subscription made to check the gate is deleted again, so nothing is sent to it later in the suite. */
    private static Response unsubscribed(Response created) {
        if (created.statusCode() == 201) {
            given().auth().oauth2(Tokens.of("policy.cleaner", Set.of(SYSTEM), Set.of())).header("If-Match", created.header("ETag"))
                    .delete("/webhooks/" + created.path("id")).then().statusCode(204);
        }
        return created;
    }

    private Map<String, Object> newCaseIn(String department) {
        Map<String, Object> body = new HashMap<>(newCase(freshCpr()));
        body.put("department", department);
        return body;
    }

    private String departmentOf(RequestSpecification ignored) {
        return callerDepartment.get();
    }

    private static String currentEtag(String id) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT")));
        return Api.given().get("/cases/" + id).then().extract().header("ETag");
    }

    /** A well-formed token with the right issuer and audience, signed with a key the service does not trust. */
    private static String forgedToken() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return io.smallrye.jwt.build.Jwt.issuer(DevIdentityKeys.ISSUER).audience(DevIdentityKeys.AUDIENCE)
                .upn("mallory").groups(Set.of(LEADER)).sign(generator.generateKeyPair().getPrivate());
    }
}
