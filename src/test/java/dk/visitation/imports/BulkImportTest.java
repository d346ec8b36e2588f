package dk.visitation.imports;

import static dk.visitation.imports.ImportLines.caseIds;
import static dk.visitation.imports.ImportLines.freshDubuId;
import static dk.visitation.imports.ImportLines.grant;
import static dk.visitation.imports.ImportLines.importNdjson;
import static dk.visitation.imports.ImportLines.line;
import static dk.visitation.imports.ImportLines.post;
import static dk.visitation.imports.ImportLines.system;
import static dk.visitation.imports.ImportLines.with;
import static dk.visitation.imports.ImportLines.write;
import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Advisers;
import dk.visitation.support.Tasks;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 17, bulk import of the open caseload: validation by line and field, the real run, its idempotency and its gates. */
@QuarkusTest
class BulkImportTest {

    private static final String NEXT_YEAR = LocalDate.now().plusYears(1).toString();

    private static long casesWithDubuId(String dubuCaseId) {
        return as(system()).queryParam("dubuCaseId", dubuCaseId).get("/cases").then().statusCode(200).extract().<Integer>path("total");
    }

    private static JsonPath problemsOf(JsonPath report, int line) {
        return new JsonPath(write(report.<List<Map<String, Object>>>get("problems.findAll { it.line == " + line + " }")));
    }

    @Test
    void a_dry_run_reports_every_bad_line_by_line_field_and_message_and_writes_no_case() {
        Advisers.usual();
        String good = freshDubuId();
        String badCpr = freshDubuId();
        Map<String, Object> notification = Map.of("kind", "NOTIFICATION", "occurredAt", "2025-09-01T10:00:00+02:00",
                "notifierKind", "PRIVATE", "urgent", false);
        List<Object> lines = List.of(
                with(line(good, freshCpr(), "AWAITING_ASSESSMENT"), "adviser", "mette.myn"),
                with(with(line(badCpr, "3202154321", "AWAITING_ASSESSMENT"), "status", null), "department", "CBB"),
                with(line(freshDubuId(), freshCpr(), "PREPARING_COMMITTEE"), "grants", List.of(
                        with(grant("2026-01-01", NEXT_YEAR), "priceOre", 0), grant(NEXT_YEAR, "2026-01-01"))),
                with(line(freshDubuId(), freshCpr(), "QUICK_SCREENED"), "adviser", "carl.cba"),
                "{\"dubuCaseId\": \"not json",
                line(good, freshCpr(), "RECEIVED"),
                with(line(freshDubuId(), freshCpr(), "AWAITING_ASSESSMENT"), "workItems", List.of(notification,
                        Map.of("kind", "RECEIPT_SENT", "occurredAt", "2025-09-02T10:00:00+02:00"),
                        Map.of("kind", "FOLLOW_UP", "occurredAt", "2025-09-03T10:00:00+02:00", "grant", 3))),
                with(line(freshDubuId(), freshCpr(), "AWAITING_ASSESSMENT"), "grants", List.of(
                        with(grant("2026-01-01", NEXT_YEAR), "priceOre", "many"))));

        JsonPath report = importNdjson(lines, true).statusCode(200)
                .body("dryRun", equalTo(true)).body("outcome", equalTo("VALIDATED"))
                .body("lines", equalTo(8)).body("valid", equalTo(1)).body("invalid", equalTo(7)).body("created", equalTo(0))
                .body("cases", hasSize(0)).extract().jsonPath();

        assertEquals(List.of(), problemsOf(report, 1).getList("field"));
        assertEquals(List.of("department"), problemsOf(report, 2).getList("field"), "an unknown department cannot be read: the line stops there");
        assertEquals(List.of("must be one of [MYN, CBA]"), problemsOf(report, 2).getList("message"));
        assertTrue(problemsOf(report, 3).getList("field").containsAll(List.of("grants[0].priceOre", "grants[1].to")),
                problemsOf(report, 3).prettify());
        assertEquals(List.of("adviser", "status"), problemsOf(report, 4).getList("field").stream().sorted().toList());
        assertEquals(List.of(""), problemsOf(report, 5).getList("field"));
        assertEquals(List.of("is not valid JSON"), problemsOf(report, 5).getList("message"));
        assertEquals(List.of("dubuCaseId"), problemsOf(report, 6).getList("field"));
        assertEquals(List.of("is also the DUBU case id of line 1"), problemsOf(report, 6).getList("message"));
        assertEquals(List.of("workItems[1].kind", "workItems[2].grant"), problemsOf(report, 7).getList("field"));
        assertEquals(List.of("grants[0].priceOre"), problemsOf(report, 8).getList("field"));
        assertEquals(List.of("must be a whole number"), problemsOf(report, 8).getList("message"));

        // a line whose only faults the validator finds (not the reader): every one of them is listed
        JsonPath second = importNdjson(List.of(with(with(line(badCpr, "3202154321", "AWAITING_ASSESSMENT"), "status", null),
                "receivedAt", null)), true).statusCode(200).extract().jsonPath();
        assertEquals(List.of("child.cpr", "receivedAt", "status"), second.getList("problems.field"));
        assertFalse(second.prettify().contains("3202154321"), "the report never echoes a CPR number");

        assertEquals(0, casesWithDubuId(good), "a dry run writes no case");
        assertEquals(0, casesWithDubuId(badCpr));
        given().auth().oauth2(system()).get("/imports/" + report.getString("id")).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("invalid", equalTo(7)).body("problems.line", hasItem(8));
    }

    @Test
    void a_real_run_creates_each_case_in_its_status_with_adviser_grants_payment_history_and_casework_and_waits_at_its_step() {
        Advisers.usual();
        String awaiting = freshDubuId();
        Map<String, Object> first = with(with(with(with(line(awaiting, freshCpr(), "AWAITING_ASSESSMENT"), "adviser", "mette.myn"),
                "paymentResponsibility", List.of(Map.of("department", "MYN", "from", "2025-09-01"),
                        Map.of("department", "CBA", "from", "2026-01-01"))),
                "grants", List.of(grant("2025-10-01", NEXT_YEAR))),
                "workItems", List.of(Map.of("kind", "FOLLOW_UP", "occurredAt", "2025-12-01T10:00:00+01:00", "grant", 0),
                        Map.of("kind", "INVESTIGATION_STARTED", "occurredAt", "2025-09-05T10:00:00+02:00")));
        Map<String, Object> preparing = line(freshDubuId(), freshCpr(), "PREPARING_COMMITTEE");
        Map<String, Object> agenda = line(freshDubuId(), freshCpr(), "ON_COMMITTEE_AGENDA");
        Map<String, Object> settled = with(with(line(freshDubuId(), freshCpr(), "HANDED_OVER"), "department", "CBA"), "adviser", "carl.cba");

        var created = post(system(), "application/json", write(List.of(first, preparing, agenda, settled)), false).statusCode(201)
                .header("Location", notNullValue()).body("outcome", equalTo("COMPLETED")).body("created", equalTo(4))
                .body("unchanged", equalTo(0)).body("cases.outcome", everyItem(equalTo("CREATED")))
                .body("cases.line", contains(1, 2, 3, 4));
        List<String> ids = caseIds(created);
        String importId = created.extract().path("id");

        given().get("/cases/" + ids.get(0)).then().statusCode(200).body("status", equalTo("AWAITING_ASSESSMENT"))
                .body("department", equalTo("MYN")).body("adviser", equalTo("mette.myn")).body("dubuCaseId", equalTo(awaiting))
                .body("source", equalTo("SCHOOL"));
        given().get("/cases/" + ids.get(0) + "/grants").then().statusCode(200).body("", hasSize(1))
                .body("[0].serviceType", equalTo("RESPITE_CARE")).body("[0].priceOre", equalTo(250_000))
                .body("[0].approval", not(equalTo("PENDING"))).body("[0].startedOn", equalTo("2025-10-01"));
        given().get("/cases/" + ids.get(0) + "/payment-responsibility").then().statusCode(200)
                .body("periods.department", contains("MYN", "CBA")).body("periods[0].from", equalTo("2025-09-01"))
                .body("periods[1].from", equalTo("2026-01-01"));
        given().get("/cases/" + ids.get(0) + "/casework").then().statusCode(200)
                .body("kind", contains("INVESTIGATION_STARTED", "FOLLOW_UP")).body("[1].grantId", notNullValue())
                .body("recordedBy", everyItem(equalTo("dubu.import")));
        given().get("/cases/" + ids.get(0) + "/audit").then().statusCode(200)
                .body("find { it.action == 'IMPORT' }.actor", equalTo("dubu.import"))
                .body("find { it.action == 'IMPORT' }.newValue", equalTo(importId));
        given().get("/cases/" + ids.get(3)).then().statusCode(200).body("status", equalTo("HANDED_OVER"))
                .body("department", equalTo("CBA")).body("processInstanceKey", equalTo(null));

        // each case waits at the step of its status, started by the rebuild's path
        Tasks.awaitOpen(UUID.fromString(ids.get(0)), "assess-target-group");
        Tasks.awaitOpen(UUID.fromString(ids.get(1)), "prepare-committee-material");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + ids.get(2)).then()
                .body("processInstanceKey", notNullValue()).body("status", equalTo("ON_COMMITTEE_AGENDA")));
        // on no agenda in the service yet, the process puts it on the next open meeting's, where the committee decides it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> notNullValue().matches(dk.visitation.support.Visitation.meetingOf(
                UUID.fromString(ids.get(2)))));

        // other systems learn of the case: case.registered, marked as imported
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).queryParam("caseId", ids.get(0)).get("/access-log").then()
                .statusCode(200).body("items.find { it.what == 'case (bulk import)' }.actor", equalTo("dubu.import"));
        assertEquals(importId, registeredEventOf(ids.get(0)).get("importId"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> registeredEventOf(String caseId) {
        long after = 0;
        while (true) {
            JsonPath page = as(system()).queryParam("after", after).queryParam("limit", 1000).get("/events").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> event : items) {
                if (caseId.equals(event.get("caseId")) && "case.registered".equals(event.get("type"))) {
                    return (Map<String, Object>) event.get("payload");
                }
            }
            if (items.isEmpty()) {
                throw new AssertionError("no case.registered event for " + caseId);
            }
            after = page.getLong("next");
        }
    }

    @Test
    void re_running_a_batch_changes_nothing_and_reports_its_lines_unchanged() {
        List<Object> lines = List.of(line(freshDubuId(), freshCpr(), "AWAITING_ASSESSMENT"),
                with(line(freshDubuId(), freshCpr(), "STAYS_MYN"), "grants", List.of(grant("2025-10-01", NEXT_YEAR))));
        var first = importNdjson(lines, false).statusCode(201).body("created", equalTo(2));
        List<String> ids = caseIds(first);
        dk.visitation.support.Visitation.awaitStatus(UUID.fromString(ids.get(0)), "AWAITING_ASSESSMENT");
        String version = given().get("/cases/" + ids.get(0)).then().extract().header("ETag");
        int grants = given().get("/cases/" + ids.get(1) + "/grants").then().extract().path("size()");

        var again = importNdjson(lines, false).statusCode(201).body("created", equalTo(0)).body("unchanged", equalTo(2))
                .body("cases.outcome", everyItem(equalTo("UNCHANGED")));
        assertEquals(ids, caseIds(again));
        importNdjson(lines, true).statusCode(200).body("unchanged", equalTo(2)).body("invalid", equalTo(0));
        assertEquals(version, given().get("/cases/" + ids.get(0)).then().extract().header("ETag"));
        assertEquals(grants, (int) given().get("/cases/" + ids.get(1) + "/grants").then().extract().path("size()"));

        String againId = again.extract().path("id");
        as(system()).get("/imports/" + againId).then().statusCode(200).body("unchanged", equalTo(2))
                .body("cases.caseId", equalTo(ids));
        as(Tasks.leader()).queryParam("size", 200).get("/imports").then().statusCode(200)
                .body("items.id", hasItem(againId)).body("items[0].importedAt", notNullValue());
    }

    @Test
    void a_real_run_with_one_invalid_line_is_refused_whole_with_its_report() {
        String good = freshDubuId();
        List<Object> lines = List.of(line(good, freshCpr(), "AWAITING_ASSESSMENT"),
                with(line(freshDubuId(), freshCpr(), "AWAITING_ASSESSMENT"), "receivedAt", "2099-01-01T10:00:00+01:00"));
        importNdjson(lines, false).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:visitation:problem:business-rule")).body("report.outcome", equalTo("REFUSED"))
                .body("report.invalid", equalTo(1)).body("report.problems[0].line", equalTo(2))
                .body("report.problems[0].field", equalTo("receivedAt")).body("report.cases", hasSize(0));
        assertEquals(0, casesWithDubuId(good));
    }

    @Test
    void a_leader_imports_too_an_adviser_may_not_and_an_oversized_batch_is_refused() {
        String line = write(line(freshDubuId(), freshCpr(), "RECEIVED"));
        post(Tokens.adviser(), "application/x-ndjson", line, true).statusCode(403).contentType("application/problem+json");
        post(Tokens.of("lea.leader", Set.of("LEADER"), Set.of("CBA")), "application/x-ndjson", line, true).statusCode(200)
                .body("problems.field", contains("department"));
        post(system(), "application/x-ndjson", "{}\n".repeat(ImportApi.MAX_LINES + 1), true).statusCode(413)
                .contentType("application/problem+json");
        post(system(), "application/json", "[{}, " + "{},".repeat(ImportApi.MAX_LINES) + "{}]", true).statusCode(413);
        post(system(), "application/json", "{\"not\": \"an array\"}", true).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void no_cpr_number_of_an_imported_or_refused_line_reaches_the_log() throws IOException {
        String imported = freshCpr();
        String refused = "3202154321"; // no day 32: an invalid number, which the report must not echo either
        importNdjson(List.of(line(freshDubuId(), imported, "AWAITING_ASSESSMENT")), false).statusCode(201);
        importNdjson(List.of(line(freshDubuId(), refused, "AWAITING_ASSESSMENT"), "{\"child\": {\"cpr\": 1503154321"), true)
                .statusCode(200).body("invalid", equalTo(2)).body(not(containsString(refused))).body(not(containsString("1503154321")));
        try (Stream<Path> files = Files.list(Path.of("target/test-logs"))) {
            for (Path file : files.toList()) {
                String log = Files.readString(file);
                assertFalse(log.contains(imported) || log.contains(refused) || log.contains("1503154321"), file.toString());
            }
        }
    }
}
