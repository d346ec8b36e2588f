package dk.visitation.quality;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Times;
import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the BDO review's cohort built through the API — 100 cases whose records make the four gaps relevant and
 * missing as the review found (75/40, 77/30, 70/24, 72/22) — read back as 53 %, 39 %, 34 %, 31 % with the cases by id.
 * No flag is set by hand: every figure is derived from notifications, grants, investigations, conversations, plans and
 * follow-ups.
 */
@QuarkusTest
class ReviewCohortTest {

    private static final LocalDate ON = LocalDate.now(Times.DENMARK);

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(10, 0).atZone(Times.DENMARK).toOffsetDateTime();
    }

    private static void record(UUID caseId, String kind, LocalDate day, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "occurredAt", at(day).toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/casework").then().statusCode(201);
    }

    private static String grant(UUID caseId, String serviceType, LocalDate from, LocalDate to) {
        return given().contentType(ContentType.JSON).body(Map.of("serviceType", serviceType, "provider", "INTERNAL",
                        "providerName", "Familiehuset", "priceOre", 100_000, "tariffPeriod", "MONTH", "scope", 1,
                        "from", from.toString(), "to", to.toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
    }

    @Test
    void the_review_cohort_of_100_cases_reads_back_53_39_34_and_31_percent_with_the_cases_behind_each_figure() {
        String adviser = dk.visitation.support.Advisers.ensure("bdo." + UUID.randomUUID().toString().substring(0, 8), "MYN");
        List<UUID> cohort = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> intake = new HashMap<>(Api.newCase(freshCpr()));
            intake.put("adviser", adviser);
            cohort.add(UUID.fromString(Api.register(intake).statusCode(201).extract().path("id")));
        }
        for (int i = 0; i < 100; i++) {
            UUID c = cohort.get(i);
            if (i < 77) { // a running measure: 0-69 support that needs a plan, 70-76 compensation for extra costs (no plan)
                LocalDate from = i < 72 ? ON.minusMonths(5) : ON.minusMonths(1); // 72-76: first follow-up not due yet
                String grant = grant(c, i < 70 ? "SUPPORTIVE_MEASURES" : "NECESSARY_EXTRA_COSTS", from, ON.plusMonths(7));
                if (i >= 22 && i < 72) {
                    record(c, "FOLLOW_UP", from.plusMonths(1), "grantId", grant); // on time; 0-21 have none
                }
                if (i >= 30) {
                    record(c, "CHILD_CONVERSATION_HELD", ON.minusMonths(1)); // 0-29 none in six months
                }
                if (i >= 24 && i < 70) {
                    record(c, "CHILD_PLAN_MADE", ON.minusMonths(4)); // 0-23 no plan
                }
                if (i >= 40 && i < 75) {
                    record(c, "INVESTIGATION_STARTED", ON.minusMonths(4)); // 0-39 none
                } else if (i >= 75) {
                    record(c, "INVESTIGATION_NOT_RELEVANT", ON.minusMonths(4), "reason", "Kompenserende ydelse alene (§ 86)");
                }
            } else { // 77-99: no measure and no notification — no gap is relevant
                record(c, "CHILD_CONVERSATION_HELD", ON.minusMonths(2));
            }
        }

        String leader = Tokens.of("lars.leader", Set.of("LEADER"), Set.of("MYN"));
        var radar = as(leader).queryParam("adviser", adviser).queryParam("on", ON.toString()).get("/quality/radar").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(100, radar.getInt("cases"));
        Map<String, List<Integer>> figures = radar.<Map<String, Object>>getList("figures").stream().collect(Collectors.toMap(
                f -> (String) f.get("gap"), f -> List.of((Integer) f.get("relevant"), (Integer) f.get("missing"), (Integer) f.get("percentMissing"))));
        assertEquals(List.of(75, 40, 53), figures.get("INVESTIGATION"));
        assertEquals(List.of(77, 30, 39), figures.get("CHILD_CONVERSATION"));
        assertEquals(List.of(70, 24, 34), figures.get("CHILD_PLAN"));
        assertEquals(List.of(72, 22, 31), figures.get("FOLLOW_UP"));
        // today's figures come from the snapshot; tomorrow's are derived from the record, and nothing here changes overnight
        assertEquals(radar.getList("figures"), as(leader).queryParam("adviser", adviser).queryParam("on", ON.plusDays(1).toString())
                .get("/quality/radar").then().statusCode(200).extract().jsonPath().getList("figures"));

        assertEquals(ids(cohort, 0, 40), missing(leader, adviser, "INVESTIGATION"));
        assertEquals(ids(cohort, 0, 30), missing(leader, adviser, "CHILD_CONVERSATION"));
        assertEquals(ids(cohort, 0, 24), missing(leader, adviser, "CHILD_PLAN"));
        assertEquals(ids(cohort, 0, 22), missing(leader, adviser, "FOLLOW_UP"));

        as(leader).accept("text/csv").queryParam("adviser", adviser).queryParam("on", ON.toString()).get("/quality/radar").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("gap;title;legalBasis;relevant;present;missing;percentMissing"))
                .body(containsString("INVESTIGATION;"))
                .body(containsString(";75;35;40;53\n"))
                .body(containsString(";72;50;22;31\n"));

        // the leaders' supervision: the cohort's adviser has overdue deadlines (missing follow-ups, plans, conversations)
        List<Map<String, Object>> advisers = as(leader).queryParam("department", "MYN").get("/quality/supervision").then().statusCode(200)
                .extract().path("advisers");
        Map<String, Object> line = advisers.stream().filter(a -> adviser.equals(a.get("adviser"))).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(((Integer) line.get("overdue")) >= 22, line.toString());
    }

    private static Set<String> ids(List<UUID> cohort, int from, int to) {
        return cohort.subList(from, to).stream().map(UUID::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> missing(String token, String adviser, String gap) {
        List<String> ids = as(token).queryParam("adviser", adviser).queryParam("on", ON.toString()).queryParam("gap", gap)
                .queryParam("size", 50).get("/quality/radar/cases").then().statusCode(200).extract().path("items.caseId");
        return new TreeSet<>(ids);
    }
}
