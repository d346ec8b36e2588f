package dk.visitation.deadlines;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tasks;
import io.camunda.client.CamundaClient;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the watch over the record — a warning task before a deadline, the leader's escalation task and
 * deadline.missed when it is missed, deadline.met-late, each once; a met deadline's task leaves the list; a restart in
 * the middle of a watch neither loses nor doubles its task. Time is moved by scanning as at a chosen moment.
 */
@QuarkusTest
class DeadlineWatchTest {

    @org.junit.jupiter.api.BeforeEach
    void registerTheAdvisersNamedHere() {
        dk.visitation.support.Advisers.usual();
    }

    @Inject
    DeadlineWatches watches;

    @Inject
    CamundaClient client;

    private static String notification(UUID caseId, OffsetDateTime at) {
        return given().contentType(ContentType.JSON).body(Map.of("kind", "NOTIFICATION", "occurredAt", at.toString(),
                "notifierKind", "PRIVATE", "urgent", false)).post("/cases/" + caseId + "/casework").then().statusCode(201).extract().path("id");
    }

    private static void assessed(UUID caseId, String notification, OffsetDateTime at) {
        given().contentType(ContentType.JSON).body(Map.of("kind", "NOTIFICATION_ASSESSED", "occurredAt", at.toString(),
                "refersTo", notification)).post("/cases/" + caseId + "/casework").then().statusCode(201);
    }

    /** The case's open tasks as (element, group, due) — a leader sees every group. */
    private static List<List<Object>> openTasks(UUID caseId) {
        List<Map<String, Object>> items = as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(t -> ((String) t.get("elementId")).startsWith("deadline-"))
                .map(t -> List.<Object>of(t.get("elementId"), t.get("candidateGroup"), Instant.parse(OffsetDateTime.parse((String) t.get("dueAt"))
                        .toInstant().toString()))).toList();
    }

    private static List<String> events(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "select type || ' ' || (select string_agg(k, ',' order by k) from jsonb_object_keys(payload) k) from integration_event "
                                + "where case_id = :case and type like 'deadline.%' order by seq", String.class)
                .setParameter("case", caseId).getResultList());
    }

    @Test
    void a_deadline_due_soon_gives_one_warning_task_and_when_missed_one_escalation_task_for_the_leader_and_one_event() {
        UUID caseId = registerCase(freshCpr());
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(20).truncatedTo(ChronoUnit.SECONDS);
        String notification = notification(caseId, received);
        Instant due = received.plusHours(24).toInstant();
        Instant now = Instant.now();

        assertEquals(1, watches.scan(now, List.of(caseId)).warnings());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(List.of(List.of("deadline-due-soon", "MYN", due)), openTasks(caseId)));
        assertEquals(0, watches.scan(now, List.of(caseId)).warnings(), "a second scan fires nothing");

        DeadlineWatches.Scan missed = watches.scan(due.plusSeconds(60), List.of(caseId));
        assertEquals(1, missed.escalations());
        assertEquals(1, missed.ended(), "the warning ends when the escalation takes over");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(List.of(List.of("deadline-missed", "LEADER-MYN", due)), openTasks(caseId)));
        assertEquals(0, watches.scan(due.plusSeconds(120), List.of(caseId)).escalations());
        assertEquals(List.of("deadline.missed deadlineKey,dueAt,rule"), events(caseId), "once, with ids and facts only");

        assessed(caseId, notification, OffsetDateTime.now(ZoneOffset.UTC)); // in time after all: the record meets it
        assertEquals(1, watches.scan(Instant.now(), List.of(caseId)).ended());
        assertEquals(List.of(), openTasks(caseId), "a met deadline's task leaves the task list");
    }

    @Test
    void a_grant_running_out_gives_a_renewal_task_due_the_notice_before_its_end_which_the_renewal_decision_ends() {
        UUID caseId = registerCase(freshCpr());
        java.time.LocalDate today = java.time.LocalDate.now(dk.visitation.common.Times.DENMARK);
        String grantId = given().contentType(ContentType.JSON).body(Map.of("serviceType", "NECESSARY_EXTRA_COSTS", "provider", "INTERNAL",
                        "providerName", "Kommunen", "priceOre", 1_200_000, "tariffPeriod", "MONTH", "scope", 1,
                        "from", today.minusDays(60).toString(), "to", today.plusDays(31).toString()))
                .post("/cases/" + caseId + "/grants").then().statusCode(201).extract().path("id");
        Instant due = RuleContext.endOf(today.plusDays(1)); // 30 days before the grant runs out

        watches.scan(Instant.now(), List.of(caseId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of(List.of("deadline-due-soon", "MYN", due)),
                openTasks(caseId).stream().filter(t -> due.equals(t.get(2))).toList()));

        given().contentType(ContentType.JSON).body(Map.of("kind", "RENEWAL_DECIDED", "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                "grantId", grantId, "reason", "Forlænget i 12 måneder")).post("/cases/" + caseId + "/casework").then().statusCode(201);
        assertTrue(watches.scan(Instant.now(), List.of(caseId)).ended() >= 1);
        assertEquals(List.of(), openTasks(caseId).stream().filter(t -> due.equals(t.get(2))).toList(), "decided: the task leaves the list");
        given().contentType(ContentType.JSON).body(Map.of("kind", "RENEWAL_DECIDED", "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                "grantId", grantId)).post("/cases/" + caseId + "/casework").then().statusCode(400); // what was decided is required
    }

    @Test
    void the_warning_goes_to_the_cases_adviser_and_the_escalation_to_no_one_in_particular() {
        Map<String, Object> intake = new java.util.HashMap<>(dk.visitation.support.Api.newCase(freshCpr()));
        intake.put("adviser", "mette.myn");
        UUID caseId = UUID.fromString(dk.visitation.support.Api.register(intake).statusCode(201).extract().path("id"));
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(20).truncatedTo(ChronoUnit.SECONDS);
        notification(caseId, received);

        watches.scan(Instant.now(), List.of(caseId));
        String mette = dk.visitation.support.Tokens.of("mette.myn", java.util.Set.of("MYN_ADVISER"), java.util.Set.of("MYN"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("deadline-due-soon"),
                as(mette).queryParam("assignee", "me").queryParam("caseId", caseId.toString()).get("/tasks").then().statusCode(200)
                        .extract().path("items.elementId")));
        assertEquals(List.of(List.of("deadline-due-soon", "MYN", received.plusHours(24).toInstant())), openTasks(caseId),
                "in the department's group as well, so a colleague sees it when she is away");

        watches.scan(received.plusHours(25).toInstant(), List.of(caseId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(java.util.Collections.singletonList(null),
                as(Tasks.leader()).queryParam("caseId", caseId.toString()).queryParam("candidateGroup", "LEADER-MYN").get("/tasks")
                        .then().statusCode(200).extract().path("items.assignee")));
    }

    @Test
    void an_assessment_after_the_24_hours_is_met_late_once() {
        UUID caseId = registerCase(freshCpr());
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(30).truncatedTo(ChronoUnit.SECONDS);
        assessed(caseId, notification(caseId, received), OffsetDateTime.now(ZoneOffset.UTC));
        assertEquals(1, watches.scan(Instant.now(), List.of(caseId)).metLate());
        assertEquals(0, watches.scan(Instant.now(), List.of(caseId)).metLate());
        assertEquals(List.of("deadline.met-late deadlineKey,dueAt,rule"), events(caseId));
        assertEquals(List.of(), openTasks(caseId));
    }

    @Test
    void an_engine_that_forgot_a_watch_gets_it_again_with_the_same_single_task() {
        UUID caseId = registerCase(freshCpr());
        notification(caseId, OffsetDateTime.now(ZoneOffset.UTC).minusHours(20));
        watches.scan(Instant.now(), List.of(caseId));
        await().atMost(Duration.ofSeconds(20)).until(() -> openTasks(caseId).size() == 1);
        Object[] watch = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery(
                        "select w.id, t.process_instance_key, w.due_at from deadline_watch w join task t on t.subject_id = w.id "
                                + "where w.case_id = :case and t.status = 'OPEN'")
                .setParameter("case", caseId).getSingleResult());
        UUID watchId = (UUID) watch[0];
        client.newCancelInstanceCommand(((Number) watch[1]).longValue()).send().join(); // forgotten, as after a restart
        Instant due = watch[2] instanceof Instant i ? i : ((OffsetDateTime) watch[2]).toInstant();
        // what the restart rebuild publishes (a fresh engine knows no earlier message id; this one does, hence another id)
        client.newPublishMessageCommand().messageName(DeadlineWatches.OPENED).correlationKey(watchId.toString())
                .messageId("rebuild-test:" + watchId).variables(DeadlineWatches.variables(watchId, caseId, "WARNING", "MYN", null, due))
                .send().join();
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from task where subject_id = :w and status = 'OPEN' and process_instance_key <> :old")
                .setParameter("w", watchId).setParameter("old", ((Number) watch[1]).longValue()).getSingleResult()).longValue() == 1));
        assertEquals(1, openTasks(caseId).size(), "re-linked, not doubled");
        assertEquals(0, watches.scan(Instant.now(), List.of(caseId)).warnings(), "and the watch is not fired again");
        assertTrue(events(caseId).isEmpty());
    }

    @Test
    void an_adviser_who_completes_the_warning_task_ends_its_process_and_the_watch_is_not_fired_again() {
        UUID caseId = registerCase(freshCpr());
        notification(caseId, OffsetDateTime.now(ZoneOffset.UTC).minusHours(20));
        watches.scan(Instant.now(), List.of(caseId));
        Tasks.complete(Tasks.awaitOpen(caseId, "deadline-due-soon"), Map.of());
        assertEquals(List.of(), openTasks(caseId));
        assertEquals(0, watches.scan(Instant.now(), List.of(caseId)).warnings());
        assertEquals(List.of(), openTasks(caseId));
    }
}
