package dk.visitation.workflow;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Jobs come at least once: the same job handed out again does its work once. */
@QuarkusTest
class JobRedeliveryTest {

    @Inject
    JobWorkers workers;

    @Inject
    EmbeddedEngine engine;

    @Inject
    EngineSettings settings;

    @Test
    void a_job_handed_out_again_after_its_worker_died_past_the_commit_registers_the_quick_screening_once() {
        workers.loseNextCompletion("assessment.register-quick-screening");
        UUID caseId = Visitation.assessed(Visitation.obviousCba(), "QUICK_SCREEN_CBA");
        Visitation.awaitStatus(caseId, "QUICK_SCREENED"); // recorded with the conclusion, before any worker runs
        // the first delivery did its work and lost its completion: only a job already handed out can time out
        await().atMost(Duration.ofSeconds(30)).until(() -> !workers.losesNextCompletion("assessment.register-quick-screening"));
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey").toString());
        // jobIntents reads the engine's whole record stream, which late in the suite holds every test's records: one
        // reading can take seconds there, so these waits allow for a few slow readings rather than a slow engine
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jobIntents(instance).contains(JobIntent.CREATED));
        assertFalse(jobIntents(instance).contains(JobIntent.COMPLETED), "the completion was lost: the engine still holds the job");

        engine.increaseTime(settings.jobTimeout().plusMinutes(1)); // the job's timeout passes: the engine hands it out again
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jobIntents(instance).containsAll(List.of(JobIntent.TIMED_OUT, JobIntent.COMPLETED)));

        List<String> history = given().get("/cases/" + caseId + "/history").then().extract().path("status");
        assertEquals(1, history.stream().filter("QUICK_SCREENED"::equals).count(), history.toString());
        given().get("/cases/" + caseId + "/handover").then().statusCode(200).body("toDepartment", org.hamcrest.Matchers.equalTo("CBA"));
        Tasks.awaitOpen(caseId, "write-handover-summary");
        List<String> open = as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then()
                .statusCode(200).extract().path("items.elementId");
        assertEquals(List.of("write-handover-summary"), open, "one handover, one summary task");
    }

    /** What happened to the quick-screening job of one process instance, in order. */
    private List<Intent> jobIntents(long processInstanceKey) {
        return new EngineRecords(engine).ofType(ValueType.JOB).stream()
                .filter(r -> r.getValue() instanceof JobRecordValue job && job.getProcessInstanceKey() == processInstanceKey
                        && job.getElementId().equals("register-quick-screening"))
                .map(r -> r.getIntent()).toList();
    }
}
