package dk.visitation.committee;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Visitation.member;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Tokens;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Concurrent writers on one agenda item: the ETag decides, nothing is decided twice. */
@QuarkusTest
class ConcurrentDecisionTest {

    @org.junit.jupiter.api.BeforeEach
    void registerTheAdvisersNamedHere() {
        java.util.stream.IntStream.range(0, 20).forEach(i -> dk.visitation.support.Advisers.ensure("adviser-" + i, "MYN"));
    }

    @Inject
    EmbeddedEngine engine;

    @Test
    void twenty_decisions_sent_at_once_on_one_case_one_succeeds_and_the_rest_get_412() throws Exception {
        UUID caseId = Visitation.onAgenda();
        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);

        Map<Integer, Long> counted = race(20, i -> as(member("mette.myn")).contentType(ContentType.JSON)
                .header("If-Match", "\"" + item[1] + "\"")
                .body(Map.of("outcome", i % 2 == 0 ? "CBA" : "MYN", "justification", "Afgjort på mødet.",
                        "decidedBy", List.of("mette.myn", "carl.cba")))
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").statusCode());
        assertEquals(Map.of(201, 1L, 412, 19L), counted);

        // one decision reached the case and the economy track
        await().atMost(Duration.ofSeconds(20)).until(() -> !"ON_COMMITTEE_AGENDA".equals(
                given().get("/cases/" + caseId).then().extract().path("status")));
        List<String> history = given().get("/cases/" + caseId + "/history").then().extract().path("status");
        assertEquals(1, history.stream().filter(s -> s.startsWith("DECIDED_")).count(), history.toString());
        List<Map<String, Object>> reviews = await().atMost(Duration.ofSeconds(20)).until(() -> as(Tokens.of("erik.economy",
                        Set.of("ECONOMY"), Set.of())).get("/cases/" + caseId + "/economy-reviews").then().extract()
                .<List<Map<String, Object>>>path("$"), r -> !r.isEmpty());
        assertEquals(1, reviews.size());
    }

    @Test
    void twenty_edits_of_one_case_with_the_same_etag_one_is_applied_and_the_rest_get_412() throws Exception {
        UUID caseId = dk.visitation.support.Api.registerCase(dk.visitation.support.Api.freshCpr());
        // the engine's start of the visitation bumps the version too: race on the case once it has settled
        Visitation.awaitStatus(caseId, "AWAITING_ASSESSMENT");
        dk.visitation.support.Tasks.awaitOpen(caseId, "assess-target-group");
        String etag = given().get("/cases/" + caseId).then().extract().header("ETag");
        Map<Integer, Long> counted = race(20, i -> given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("adviser", "adviser-" + i)).patch("/cases/" + caseId).statusCode());
        assertEquals(Map.of(200, 1L, 412, 19L), counted);
    }

    /** Sends {@code n} requests at the same moment; the count of each status. */
    private static Map<Integer, Long> race(int n, java.util.function.IntFunction<Integer> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
