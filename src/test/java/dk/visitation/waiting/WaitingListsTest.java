package dk.visitation.waiting;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Times;
import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the waiting lists: the cases waiting for their first meeting with the family, counted in working days against
 * the quality standard (10 by default), and the grants in force whose service has not started (omsætningslisten). Each
 * test's cases get an adviser of their own, so the lists are read with that filter and other tests' cases do not count.
 */
@QuarkusTest
class WaitingListsTest {

    private static final AtomicInteger ADVISERS = new AtomicInteger();

    /** Wednesday before Easter 2026: Maundy Thursday 2 April, Good Friday 3 April and Easter Monday 6 April are holidays. */
    private static final String BEFORE_EASTER = "2026-04-01T10:00:00+02:00";

    @Inject
    EntityManager em;

    private static String adviser() {
        return "waiting.adviser." + ADVISERS.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID registerCase(String adviser, String receivedAt, String department) {
        Map<String, Object> body = new HashMap<>(Api.newCase(freshCpr()));
        body.put("adviser", dk.visitation.support.Advisers.ensure(adviser, department));
        body.put("receivedAt", receivedAt);
        body.put("department", department);
        return UUID.fromString(Api.register(body).statusCode(201).extract().path("id"));
    }

    private static io.restassured.response.ValidatableResponse firstMeetings(String adviser, String on) {
        return given().queryParam("adviser", adviser).queryParam("on", on).get("/waiting/first-meeting").then().statusCode(200);
    }

    private static String grant(UUID caseId) {
        return given().contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE", "provider", "EXTERNAL",
                        "providerName", "Aflastningsfamilie Hansen", "priceOre", 100_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                        "from", today().toString(), "to", today().plusYears(1).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
    }

    private static LocalDate today() {
        return LocalDate.now(Times.DENMARK);
    }

    @Test
    void a_case_waits_for_its_first_meeting_until_one_is_recorded_even_on_a_public_holiday() {
        String adviser = adviser();
        UUID caseId = registerCase(adviser, BEFORE_EASTER, "MYN");

        firstMeetings(adviser, "2026-04-06").body("total", equalTo(1))
                .body("standardWorkingDays", equalTo(10))
                .body("items[0].caseId", equalTo(caseId.toString()))
                .body("items[0].adviser", equalTo(adviser))
                .body("items[0].receivedOn", equalTo("2026-04-01"))
                .body("items[0].workingDaysWaited", equalTo(0)) // Maundy Thursday, Good Friday, the weekend, Easter Monday
                .body("items[0].daysWaited", equalTo(5))
                .body("items[0].standardDue", equalTo("2026-04-20"))
                .body("items[0].exceeded", equalTo(false));

        given().contentType(ContentType.JSON).body(Map.of("kind", "FIRST_MEETING_HELD", "occurredAt", "2026-04-06T10:00:00+02:00"))
                .post("/cases/" + caseId + "/casework").then().statusCode(201)
                .body("kind", equalTo("FIRST_MEETING_HELD"))
                .body("recordedBy", equalTo("test.adviser"));

        firstMeetings(adviser, "2026-04-06").body("total", equalTo(0)).body("items", empty())
                .body("longestWorkingDaysWaited", nullValue()).body("oldestReceivedOn", nullValue());
        firstMeetings(adviser, "2026-04-03").body("total", equalTo(1)); // the day before the meeting it still waited
        firstMeetings(adviser, today().toString()).body("total", equalTo(0));
        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("findAll { it.field == 'casework' }.newValue", hasItem(containsString("FIRST_MEETING_HELD")));
    }

    @Test
    void the_standard_is_kept_at_ten_working_days_and_exceeded_at_eleven() {
        String adviser = adviser();
        UUID caseId = registerCase(adviser, BEFORE_EASTER, "MYN");

        // 7–10 April and 13–17 April are nine working days after the Easter holidays; Monday 20 April is the tenth
        firstMeetings(adviser, "2026-04-20").body("total", equalTo(1)).body("exceeded", equalTo(0))
                .body("items[0].workingDaysWaited", equalTo(10)).body("items[0].exceeded", equalTo(false))
                .body("longestWorkingDaysWaited", equalTo(10)).body("oldestReceivedOn", equalTo("2026-04-01"));
        firstMeetings(adviser, "2026-04-21").body("total", equalTo(1)).body("exceeded", equalTo(1))
                .body("items[0].caseId", equalTo(caseId.toString()))
                .body("items[0].workingDaysWaited", equalTo(11)).body("items[0].exceeded", equalTo(true))
                .body("longestWorkingDaysWaited", equalTo(11));
    }

    @Test
    void the_list_is_oldest_first_and_paged_with_its_figures_over_every_page() {
        String adviser = adviser();
        UUID newest = registerCase(adviser, "2026-04-14T09:00:00+02:00", "MYN");
        UUID oldest = registerCase(adviser, "2026-03-02T09:00:00+01:00", "MYN");
        UUID middle = registerCase(adviser, "2026-04-01T09:00:00+02:00", "MYN"); // an adviser works in one department

        firstMeetings(adviser, "2026-04-21").body("items.caseId", contains(oldest.toString(), middle.toString(), newest.toString()))
                .body("exceeded", equalTo(2));
        given().queryParam("adviser", adviser).queryParam("on", "2026-04-21").queryParam("size", 1).queryParam("page", 1)
                .get("/waiting/first-meeting").then().statusCode(200)
                .body("items.caseId", contains(middle.toString())).body("total", equalTo(3)).body("exceeded", equalTo(2))
                .body("oldestReceivedOn", equalTo("2026-03-02"));
        given().queryParam("adviser", adviser).queryParam("on", "2026-04-21").queryParam("department", "CBA")
                .get("/waiting/first-meeting").then().statusCode(200)
                .body("department", equalTo("CBA")).body("items", hasSize(0)).body("total", equalTo(0));
        given().queryParam("adviser", adviser).queryParam("on", "2026-04-21").queryParam("department", "MYN")
                .get("/waiting/first-meeting").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void a_caller_of_the_other_department_does_not_see_the_case_on_either_list() {
        String adviser = adviser();
        UUID caseId = registerCase(adviser, BEFORE_EASTER, "MYN");
        grant(caseId);
        String cba = Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"));
        String myn = Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"));

        as(cba).queryParam("adviser", adviser).queryParam("on", "2026-04-21").get("/waiting/first-meeting").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        as(cba).queryParam("adviser", adviser).queryParam("department", "MYN").get("/waiting/grants").then().statusCode(200)
                .body("total", equalTo(0)).body("longestDaysSinceGrant", nullValue());
        as(myn).queryParam("adviser", adviser).queryParam("on", "2026-04-21").get("/waiting/first-meeting").then().statusCode(200)
                .body("items.caseId", contains(caseId.toString()));
        as(myn).queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200)
                .body("items.caseId", contains(caseId.toString()));
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).queryParam("caseId", caseId.toString()).get("/access-log").then()
                .statusCode(200).body("items.what", hasItem("first meeting waiting list"))
                .body("items.what", hasItem("grants not started list"));
    }

    @Test
    void both_lists_are_offered_as_csv_for_the_spreadsheet() {
        String adviser = adviser();
        UUID caseId = registerCase(adviser, BEFORE_EASTER, "MYN");
        String grantId = grant(caseId);

        String firstMeeting = given().accept("text/csv").queryParam("adviser", adviser).queryParam("on", "2026-04-21")
                .get("/waiting/first-meeting").then().statusCode(200).contentType(containsString("text/csv"))
                .header("X-Total-Count", "1")
                .header("Content-Disposition", containsString("venter-foerstegangssamtale-2026-04-21.csv"))
                .extract().asString();
        assertEquals(List.of("caseId;department;status;adviser;receivedOn;workingDaysWaited;daysWaited;standardDue;exceeded",
                caseId + ";MYN;" + firstMeeting.lines().toList().get(1).split(";")[2] + ";" + adviser + ";2026-04-01;11;20;2026-04-20;true"),
                firstMeeting.lines().toList());

        String grants = given().accept("text/csv").queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200)
                .contentType(containsString("text/csv")).header("X-Total-Count", "1").extract().asString();
        assertEquals(List.of("grantId;caseId;department;adviser;serviceType;provider;providerName;grantedOn;daysSinceGrant;"
                        + "expectedStart;daysPastExpectedStart",
                grantId + ";" + caseId + ";MYN;" + adviser + ";RESPITE_CARE;EXTERNAL;Aflastningsfamilie Hansen;" + today() + ";0;"
                        + today() + ";0"), grants.lines().toList());
    }

    @Test
    void a_grant_started_on_the_day_it_was_granted_leaves_the_list_with_no_days_waited() {
        String adviser = adviser();
        UUID caseId = registerCase(adviser, BEFORE_EASTER, "MYN");
        String grantId = grant(caseId);

        given().queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200)
                .body("total", equalTo(1)).body("cases", equalTo(1))
                .body("items[0].grantId", equalTo(grantId))
                .body("items[0].provider", equalTo("EXTERNAL"))
                .body("items[0].providerName", equalTo("Aflastningsfamilie Hansen"))
                .body("items[0].grantedOn", equalTo(today().toString()))
                .body("items[0].daysSinceGrant", equalTo(0))
                .body("items[0].expectedStart", equalTo(today().toString()))
                .body("longestDaysSinceGrant", equalTo(0));

        String start = "/cases/" + caseId + "/grants/" + grantId + "/start";
        Map<String, String> sameDay = Map.of("startedOn", today().toString());
        given().contentType(ContentType.JSON).body(sameDay).post(start).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(sameDay).post(start).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("startedOn", today().plusDays(1).toString()))
                .post(start).then().statusCode(400).body("errors.field", hasItem("startedOn"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(sameDay).post(start).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .header("Idempotent-Replayed", nullValue())
                .body("startedOn", equalTo(today().toString()))
                .body("grantedOn", equalTo(today().toString()))
                .body("daysToStart", equalTo(0));
        // a retry after a lost answer, with the ETag it had: the same start, not a conflict
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(sameDay).post(start).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).body("version", equalTo(1));

        given().queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        // the day before, the grant did not exist yet; on its own day it had started
        given().queryParam("adviser", adviser).queryParam("on", today().minusDays(1).toString()).get("/waiting/grants").then()
                .statusCode(200).body("total", equalTo(0));
        given().get("/cases/" + caseId + "/grants").then().statusCode(200).body("[0].startedOn", equalTo(today().toString()));
        given().get("/cases/" + caseId + "/audit").then().statusCode(200)
                .body("findAll { it.field == 'grant start' }.newValue", contains(grantId + ": started on " + today()));
    }

    @Test
    void a_grant_of_another_case_or_awaiting_approval_cannot_be_started() {
        String adviser = adviser();
        UUID caseId = registerCase(adviser, BEFORE_EASTER, "MYN");
        UUID other = registerCase(adviser, BEFORE_EASTER, "MYN");
        String grantId = grant(caseId);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("startedOn", today().toString()))
                .post("/cases/" + other + "/grants/" + grantId + "/start").then().statusCode(404);

        String expensive = given().contentType(ContentType.JSON).body(Map.of("serviceType", "PLACEMENT", "provider", "EXTERNAL",
                        "providerName", "Opholdssted Solsikken", "priceOre", 1_200_000_00L, "tariffPeriod", "YEAR", "scope", 1,
                        "from", today().toString(), "to", today().plusYears(1).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).body("approval", equalTo("PENDING"))
                .body("grantedOn", nullValue()).extract().path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("startedOn", today().toString()))
                .post("/cases/" + caseId + "/grants/" + expensive + "/start").then().statusCode(422);
        given().queryParam("adviser", adviser).get("/waiting/grants").then().statusCode(200)
                .body("items.grantId", contains(grantId)).body("items.grantId", not(hasItem(expensive)));
    }

    @Test
    void forty_grants_waiting_with_the_longest_at_six_months_read_back_as_such() {
        String adviser = adviser();
        LocalDate sixMonthsAgo = today().minusMonths(6);
        long longest = java.time.temporal.ChronoUnit.DAYS.between(sixMonthsAgo, today());
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            grants.add(grant(registerCase(adviser, "2026-01-05T09:00:00+01:00", "MYN")));
        }
        // the grants were decided from six months ago up to today, one about every four and a half days
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < grants.size(); i++) {
                long daysAgo = longest * (grants.size() - 1 - i) / (grants.size() - 1);
                em.createNativeQuery("update grant_award set created_at = :at where id = :id")
                        .setParameter("at", today().minusDays(daysAgo).atTime(10, 0).atZone(Times.DENMARK).toOffsetDateTime())
                        .setParameter("id", UUID.fromString(grants.get(i))).executeUpdate();
            }
        });

        given().queryParam("adviser", adviser).queryParam("size", 15).get("/waiting/grants").then().statusCode(200)
                .body("total", equalTo(40))
                .body("cases", equalTo(40))
                .body("longestDaysSinceGrant", equalTo((int) longest))
                .body("oldestGrantedOn", equalTo(sixMonthsAgo.toString()))
                .body("items", hasSize(15))
                .body("items[0].grantId", equalTo(grants.get(0)))
                .body("items[0].daysSinceGrant", equalTo((int) longest))
                .body("items[14].grantId", equalTo(grants.get(14)));
        given().queryParam("adviser", adviser).queryParam("size", 15).queryParam("page", 2).get("/waiting/grants").then()
                .statusCode(200).body("items", hasSize(10)).body("items[9].grantId", equalTo(grants.get(39)))
                .body("items[9].daysSinceGrant", equalTo(0));
        given().queryParam("adviser", adviser).queryParam("department", "CBA").get("/waiting/grants").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("adviser", adviser).queryParam("department", "MYN").get("/waiting/grants").then().statusCode(200)
                .body("total", equalTo(40));
    }
}
