package dk.visitation.quality;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.common.Rows;
import dk.visitation.common.Times;
import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Today's radar is counted from the snapshot table {@code case_quality}: these tests hold it to the derivation from the
 * record (the radar of any other day) and to the promise that no change to a record is lost or counted twice.
 */
@QuarkusTest
class QualitySnapshotTest {

    private static final LocalDate TODAY = LocalDate.now(Times.DENMARK);
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(3);

    @Inject
    QualitySnapshot snapshot;

    @Inject
    FlagDerivation derivation;

    @Inject
    EntityManager em;

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    private static UUID caseOf(String adviser) {
        Map<String, Object> intake = new HashMap<>(Api.newCase(freshCpr()));
        intake.put("adviser", adviser);
        return UUID.fromString(Api.register(intake).statusCode(201).extract().path("id"));
    }

    private static void grant(UUID caseId) {
        given().contentType(ContentType.JSON).body(Map.of("serviceType", "SUPPORTIVE_MEASURES", "provider", "INTERNAL",
                        "providerName", "Familiehuset", "priceOre", 100_000, "tariffPeriod", "MONTH", "scope", 1,
                        "from", TODAY.minusMonths(2).toString(), "to", TODAY.plusMonths(6).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201);
    }

    private static void conversationNow(UUID caseId) {
        given().contentType(ContentType.JSON).body(Map.of("kind", "CHILD_CONVERSATION_HELD",
                        "occurredAt", java.time.OffsetDateTime.now(Times.DENMARK).minusMinutes(1).toString()))
                .post("/cases/" + caseId + "/casework").then().statusCode(201);
    }

    private static Map<String, Object> conversationFigure(String adviser) {
        List<Map<String, Object>> figures = as(leader()).queryParam("adviser", adviser).get("/quality/radar").then().statusCode(200)
                .extract().path("figures");
        return figures.stream().filter(f -> f.get("gap").equals("CHILD_CONVERSATION")).findFirst().orElseThrow();
    }

    private static String leader() {
        return Tokens.of("lars.leader", Set.of("LEADER"), Set.of("MYN"));
    }

    /** A new MYN adviser in the register, so each test counts its own cases. */
    private static String adviser() {
        return dk.visitation.support.Advisers.ensure("snap." + UUID.randomUUID().toString().substring(0, 8), "MYN");
    }

    @Test
    void a_record_written_today_counts_in_todays_radar_at_once() {
        String adviser = adviser();
        UUID id = caseOf(adviser);
        grant(id);
        assertEquals(List.of(1, 0), List.of(conversationFigure(adviser).get("relevant"), conversationFigure(adviser).get("present")));

        conversationNow(id);

        assertEquals(List.of(1, 1), List.of(conversationFigure(adviser).get("relevant"), conversationFigure(adviser).get("present")));
    }

    @Test
    void a_case_given_to_another_adviser_is_counted_for_the_new_one_only() {
        String before = adviser();
        String after = adviser();
        UUID id = caseOf(before);
        grant(id);
        assertEquals(1, conversationFigure(before).get("relevant"));
        String etag = given().get("/cases/" + id).then().extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", etag).header("Change-Reason", "Omfordeling")
                .body(Map.of("adviser", after)).patch("/cases/" + id).then().statusCode(200);

        assertEquals(0, conversationFigure(before).get("relevant"));
        assertEquals(1, conversationFigure(after).get("relevant"));
        List<String> behind = as(leader()).queryParam("adviser", after).queryParam("gap", "CHILD_CONVERSATION").get("/quality/radar/cases")
                .then().statusCode(200).extract().path("items.caseId");
        assertEquals(List.of(id.toString()), behind);
    }

    @Test
    void an_adviser_counts_the_cases_of_their_own_department_only() {
        String adviser = adviser();
        grant(caseOf(adviser)); // a MYN case
        String myn = Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"));
        String cba = Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"));

        assertEquals(1, (Integer) as(myn).queryParam("adviser", adviser).get("/quality/radar").then().statusCode(200).extract().path("cases"));
        assertEquals(0, (Integer) as(cba).queryParam("adviser", adviser).get("/quality/radar").then().statusCode(200).extract().path("cases"));
        assertEquals(0, (Integer) as(cba).queryParam("adviser", adviser).queryParam("department", "MYN").get("/quality/radar").then()
                .statusCode(200).extract().path("cases"));
        assertEquals(List.of(), as(cba).queryParam("adviser", adviser).queryParam("gap", "CHILD_CONVERSATION").get("/quality/radar/cases")
                .then().statusCode(200).extract().path("items"));
    }

    @Test
    void every_row_of_the_snapshot_holds_what_the_derivation_finds_in_the_record_today() {
        caseOf(adviser()); // a case without record: no row
        String adviser = adviser();
        UUID id = caseOf(adviser);
        grant(id);
        conversationFigure(adviser); // brings the snapshot up to date

        record Row(UUID caseId, boolean counted, boolean investigationRelevant, boolean investigationPresent, String investigationWhy,
                boolean childConversationRelevant, boolean childConversationPresent, String childConversationWhy,
                boolean childPlanRelevant, boolean childPlanPresent, String childPlanWhy,
                boolean followUpRelevant, boolean followUpPresent, String followUpWhy,
                boolean inactivityRelevant, boolean inactivityPresent, String inactivityWhy) {

            List<Object> flags() {
                return List.of(investigationRelevant, investigationPresent, investigationWhy, childConversationRelevant, childConversationPresent,
                        childConversationWhy, childPlanRelevant, childPlanPresent, childPlanWhy, followUpRelevant, followUpPresent, followUpWhy,
                        inactivityRelevant, inactivityPresent, inactivityWhy);
            }
        }
        snapshot.refresh(TODAY, null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Row> rows = Rows.list(em.createNativeQuery("""
                    select case_id, counted, investigation_relevant, investigation_present, investigation_why,
                           child_conversation_relevant, child_conversation_present, child_conversation_why,
                           child_plan_relevant, child_plan_present, child_plan_why, follow_up_relevant, follow_up_present, follow_up_why,
                           inactivity_relevant, inactivity_present, inactivity_why
                    from case_quality where computed_on = :today and computed_change = record_change order by case_id""")
                    .setParameter("today", TODAY), Row.class);
            long all = Rows.convert(em.createNativeQuery("select count(*) from case_quality").getSingleResult(), Long.class);
            assertEquals(all, rows.size(), "every row is fresh after a refresh");
            assertTrue(rows.stream().anyMatch(r -> r.caseId().equals(id)));
            var derived = derivation.of(rows.stream().map(Row::caseId).toList(), TODAY);
            for (Row row : rows) {
                FlagDerivation.Derived d = derived.get(row.caseId());
                List<Object> expected = d.flags().stream().<Object>mapMulti((f, out) -> {
                    out.accept(f.relevant());
                    out.accept(f.present());
                    out.accept(f.why());
                }).toList();
                assertEquals(d.counted(), row.counted(), "counted, case " + row.caseId());
                assertEquals(expected, row.flags(), "flags, case " + row.caseId());
            }
        });
    }

    @Test
    void the_tally_holds_the_sums_of_the_rows_for_every_department_and_adviser() {
        String adviser = adviser();
        UUID id = caseOf(adviser);
        grant(id);
        conversationNow(id);
        snapshot.refresh(TODAY, null, null);
        String sums = """
                 cases, investigation_relevant, investigation_present, child_conversation_relevant, child_conversation_present,
                 child_plan_relevant, child_plan_present, follow_up_relevant, follow_up_present, inactivity_relevant, inactivity_present""";
        String fromRows = """
                select department, coalesce(adviser, ''), count(*),
                       count(*) filter (where investigation_relevant), count(*) filter (where investigation_relevant and investigation_present),
                       count(*) filter (where child_conversation_relevant), count(*) filter (where child_conversation_relevant and child_conversation_present),
                       count(*) filter (where child_plan_relevant), count(*) filter (where child_plan_relevant and child_plan_present),
                       count(*) filter (where follow_up_relevant), count(*) filter (where follow_up_relevant and follow_up_present),
                       count(*) filter (where inactivity_relevant), count(*) filter (where inactivity_relevant and inactivity_present)
                from case_quality where counted group by 1, 2 order by 1, 2""";
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> expected = em.createNativeQuery(fromRows).getResultList().stream().map(r -> List.of((Object[]) r).toString()).toList();
            List<?> tally = em.createNativeQuery("select department, adviser," + sums + " from case_quality_tally where cases <> 0 order by 1, 2")
                    .getResultList().stream().map(r -> List.of((Object[]) r).toString()).toList();
            assertEquals(expected, tally);
            assertTrue(expected.stream().anyMatch(r -> r.toString().contains(adviser)));
        });
    }

    @Test
    void at_a_new_day_every_case_is_computed_once_even_by_two_refreshers_at_the_same_time() throws Exception {
        String adviser = adviser();
        grant(caseOf(adviser));
        snapshot.refresh(TODAY, null, null);
        int rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update case_quality set computed_on = computed_on - 1")
                .executeUpdate()); // as the day turns: every row was computed yesterday

        Future<Integer> one = THREADS.submit(() -> snapshot.refresh(TODAY, null, null));
        Future<Integer> other = THREADS.submit(() -> snapshot.refresh(TODAY, null, null));

        assertEquals(rows, one.get(60, TimeUnit.SECONDS) + other.get(60, TimeUnit.SECONDS));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Rows.convert(em.createNativeQuery(
                "select count(*) from case_quality where computed_on <> :today or computed_change <> record_change")
                .setParameter("today", TODAY).getSingleResult(), Long.class)));
    }

    @Test
    void a_record_written_while_a_refresher_holds_its_case_is_computed_again_after_it() throws Exception {
        String adviser = adviser();
        UUID id = caseOf(adviser);
        grant(id);
        assertEquals(0, conversationFigure(adviser).get("present"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A refresher's batch: holds the case's row as refreshBatch does, and marks it computed from what it read before.
        Future<?> refresher = THREADS.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select case_id from case_quality where case_id = :id for update").setParameter("id", id).getResultList();
            locked.countDown();
            try {
                assertTrue(release.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            em.createNativeQuery("update case_quality set computed_change = record_change, computed_on = :today where case_id = :id")
                    .setParameter("today", TODAY).setParameter("id", id).executeUpdate();
        }));
        assertTrue(locked.await(30, TimeUnit.SECONDS));

        Future<?> writer = THREADS.submit(() -> conversationNow(id)); // its trigger waits for the refresher's row
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> Rows.convert(em.createNativeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into casework_entry%'")
                .getSingleResult(), Long.class)) > 0);
        release.countDown();
        refresher.get(30, TimeUnit.SECONDS);
        writer.get(30, TimeUnit.SECONDS);

        assertEquals(1, conversationFigure(adviser).get("present"), "the conversation written behind the refresher counts");
    }
}
