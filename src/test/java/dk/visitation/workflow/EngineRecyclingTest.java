package dk.visitation.workflow;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import dk.visitation.tasks.Task;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The in-process engine is replaced by a fresh one several times while cases keep coming in and advisers
 * keep completing tasks: every case ends where it should, with each task once — none lost, none doubled.
 */
@QuarkusTest
class EngineRecyclingTest {

    @Inject
    EngineRecycler recycler;

    @Inject
    EmbeddedEngine engine;

    @Test
    void three_recycles_under_load_lose_no_case_and_double_no_task() throws Exception {
        List<UUID> waiting = new ArrayList<>(); // cases whose assessment is done by the adviser during the recycles
        for (int i = 0; i < 4; i++) {
            waiting.add(registerCase(freshCpr()));
        }
        List<String> assessments = waiting.stream().map(id -> Tasks.awaitOpen(id, "assess-target-group")).toList();

        List<UUID> incoming = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread intake = Thread.ofPlatform().name("intake-during-recycles").start(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                while (!stop.get()) {
                    incoming.add(registerCase(freshCpr())); // 201 every time: writes wait in the outbox
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });

        int before = recycler.recycles();
        for (int round = 0; round < 3; round++) {
            assertTrue(recycler.recycleAbove(0), "the log always holds records: a low limit recycles");
            given().get("/cases?size=5").then().statusCode(200); // reads answer throughout
            UUID caseId = waiting.get(round);
            given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment")
                    .then().statusCode(200);
            Tasks.complete(assessments.get(round), Map.of("outcome", "QUICK_SCREEN_CBA")); // its job may be from an engine gone
        }
        stop.set(true);
        intake.join(Duration.ofSeconds(30).toMillis());
        assertEquals(null, failure.get(), "intake kept answering during the recycles");
        assertEquals(before + 3, recycler.recycles());
        assertTrue(incoming.size() > 3, "cases came in during the recycles: " + incoming.size());

        for (int round = 0; round < 3; round++) {
            UUID caseId = waiting.get(round);
            awaitStatus(caseId, "QUICK_SCREENED");
            awaitOpenTasksExactly(caseId, List.of("write-handover-summary"));
        }
        awaitOpenTasksExactly(waiting.get(3), List.of("assess-target-group"));
        for (UUID caseId : incoming) {
            awaitOpenTasksExactly(caseId, List.of("assess-target-group"));
            Api.given().get("/cases/" + caseId).then().statusCode(200);
        }
        assertTrue(engine.recordCount() > 0);
    }

    @Test
    void while_the_engine_is_unreachable_reads_answer_writes_wait_in_the_outbox_and_drain_when_it_is_back() {
        UUID known = registerCase(freshCpr());
        Tasks.awaitOpen(known, "assess-target-group");
        engine.stopEngine(); // an outage: workers and the outbox keep trying
        try {
            given().get("/cases/" + known).then().statusCode(200);
            as(Tasks.leader()).queryParam("caseId", known.toString()).get("/tasks").then().statusCode(200);
            io.restassured.RestAssured.when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'process-engine' }.data.state", org.hamcrest.Matchers.equalTo("unreachable"));
            // the assessment asks the engine's rules directly: a clear 503 to try again, and nothing saved
            given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + known + "/assessment")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("urn:visitation:problem:unavailable"));
            given().get("/cases/" + known + "/assessment").then().statusCode(404);
            UUID queued = registerCase(freshCpr());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                OutboxCommand start = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        OutboxCommand.<OutboxCommand>find("messageId", "case-received:" + queued).firstResult());
                assertEquals(OutboxCommand.Status.PENDING, start.status);
                assertTrue(start.attempts >= 1 && start.lastError != null, "the publisher tried and keeps the command");
            });
            given().get("/cases/" + queued).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RECEIVED"));
        } finally {
            recycler.recycle(); // the in-process engine comes back empty: the open work is rebuilt
        }
        UUID last = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> OutboxCommand.<OutboxCommand>find(
                "messageName = 'visitation.case-received' order by createdAt desc").firstResult().id);
        await().atMost(Duration.ofSeconds(60)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                OutboxCommand.<OutboxCommand>findById(last).status) == OutboxCommand.Status.PUBLISHED);
        awaitOpenTasksExactly(known, List.of("assess-target-group"));
    }

    @Test
    void a_task_completed_while_the_engine_was_gone_is_never_sent_to_the_next_engine_and_still_counts() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment")
                .then().statusCode(200);
        engine.stopEngine();
        UUID completion;
        try {
            Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA")); // its job key belongs to the engine that is gone
            completion = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    Task.<Task>findById(UUID.fromString(task)).completionCommandId);
        } finally {
            recycler.recycle(); // the next engine counts its keys from the start again: the old key may be another job
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            OutboxCommand old = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    OutboxCommand.<OutboxCommand>findById(completion));
            assertEquals(OutboxCommand.Status.DISCARDED, old.status);
            assertEquals("job of an engine that is gone", old.lastError);
        });
        awaitStatus(caseId, "QUICK_SCREENED"); // the rebuilt step's new job got the adviser's outcome
        awaitOpenTasksExactly(caseId, List.of("write-handover-summary"));
    }

    /**
     * A recycle rebuilds every open case of the database, and the suite leaves hundreds: the rebuilt steps take
     * longer to come back than one step of one case, so these waits allow a minute.
     */
    private static void awaitStatus(UUID caseId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/cases/" + caseId).then()
                .body("status", org.hamcrest.Matchers.equalTo(status)));
    }

    /** The case's open tasks, by BPMN element, are exactly {@code elements}, each once. */
    private static void awaitOpenTasksExactly(UUID caseId, List<String> elements) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> open = as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then().statusCode(200)
                    .extract().path("items.elementId");
            assertEquals(elements, open.stream().sorted().collect(Collectors.toList()), "open tasks of " + caseId);
        });
    }
}
