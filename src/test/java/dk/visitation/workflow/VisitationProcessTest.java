package dk.visitation.workflow;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.registerCase;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tasks;
import io.restassured.http.ContentType;
import dk.visitation.support.Visitation;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Walks every path of visitation.bpmn on the real engine with the service's own workers. */
@QuarkusTest
class VisitationProcessTest {

    @Inject
    CamundaClient client;

    @Inject
    EmbeddedEngine engine;

    @Inject
    Outbox outbox;

    @Inject
    ModelDeployer deployer;

    @Inject
    EngineSettings settings;

    @Test
    void a_registered_case_passes_registration_and_waits_at_the_assessment() {
        UUID caseId = registerCase(freshCpr());
        Tasks.awaitOpen(caseId, "assess-target-group");
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        EngineRecords records = new EngineRecords(engine);
        assertEquals(List.of("case-received", "register-case", "resume-gateway"),
                records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED), "the assessment waits for MYN");
    }

    /** After an engine restart the process is started again at the element the database names (ProcessRebuild). */
    @Test
    void a_restarted_process_resumes_at_the_committee_material() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Tasks.awaitOpen(caseId, "prepare-committee-material");
        long resumed = forgetAndResume(caseId, "prepare-committee-material");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(
                List.of("visitation", "case-received", "register-case", "resume-gateway", "prepare-committee-material"),
                new EngineRecords(engine).elements(resumed, ProcessInstanceIntent.ELEMENT_ACTIVATED)));
        Tasks.complete(Tasks.awaitOpen(caseId, "prepare-committee-material"), Visitation.material());
        Visitation.awaitStatus(caseId, "ON_COMMITTEE_AGENDA");
    }

    @Test
    void a_restarted_process_resumes_waiting_for_the_committee() {
        UUID caseId = Visitation.onAgenda();
        long resumed = forgetAndResume(caseId, "await-committee-decision");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(new EngineRecords(engine)
                .elements(resumed, ProcessInstanceIntent.ELEMENT_ACTIVATED).contains("await-committee-decision")));
        given().get("/cases/" + caseId + "/history").then().body("status.findAll { it == 'ON_COMMITTEE_AGENDA' }.size()", equalTo(1));
    }

    /** An imported case on the committee's agenda elsewhere is on none here: it starts at "Sæt på dagsordenen". */
    @Test
    void a_case_imported_on_the_committee_agenda_is_put_on_the_next_meeting_and_waits_for_the_decision() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        Tasks.awaitOpen(caseId, "prepare-committee-material");
        long resumed = forgetAndResume(caseId, "add-to-agenda");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(
                List.of("visitation", "case-received", "register-case", "resume-gateway", "add-to-agenda", "await-committee-decision"),
                new EngineRecords(engine).elements(resumed, ProcessInstanceIntent.ELEMENT_ACTIVATED)));
        Visitation.awaitStatus(caseId, "ON_COMMITTEE_AGENDA");
        assertTrue(Visitation.meetingOf(caseId) != null);
    }

    @Test
    void a_task_completed_while_the_engine_had_forgotten_its_instance_is_not_asked_again_after_the_rebuild() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        long old = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        client.newCancelInstanceCommand(old).send().join(); // the engine forgets; the adviser does not notice
        given().contentType(ContentType.JSON).body(Visitation.obviousCba()).put("/cases/" + caseId + "/assessment")
                .then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", "QUICK_SCREEN_CBA")); // its completion cannot reach the engine

        long resumed = resume(caseId, "assess-target-group");
        Visitation.awaitStatus(caseId, "QUICK_SCREENED");
        assertTrue(new EngineRecords(engine).elements(resumed, ProcessInstanceIntent.ELEMENT_COMPLETED)
                .contains("assess-target-group"), "the step is completed with the outcome the adviser gave");
        List<Map<String, Object>> tasks = dk.visitation.support.Api.as(Tasks.leader()).queryParam("caseId", caseId.toString())
                .queryParam("status", "COMPLETED").get("/tasks").then().extract().path("items");
        assertEquals(1, tasks.stream().filter(t -> "assess-target-group".equals(t.get("elementId"))).count(),
                "one task, done once");
        dk.visitation.support.Api.as(Tasks.leader()).queryParam("caseId", caseId.toString()).get("/tasks").then()
                .body("items.findAll { it.elementId == 'assess-target-group' }.size()", equalTo(0));
    }

    /** Cancels the case's instance (the engine "forgot" it) and starts it again as ProcessRebuild would. */
    private long forgetAndResume(UUID caseId, String resumeAt) {
        long old = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        client.newCancelInstanceCommand(old).send().join();
        return resume(caseId, resumeAt);
    }

    /** Starts the case's process again as ProcessRebuild does; returns the new instance once the case links it. */
    private long resume(UUID caseId, String resumeAt) {
        long old = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        client.newPublishMessageCommand().messageName("visitation.case-received").correlationKey(caseId.toString())
                .messageId("resume-test:" + caseId).variables(Map.of("caseId", caseId.toString(), "resumeAt", resumeAt))
                .send().join();
        return await().atMost(Duration.ofSeconds(20)).until(() -> Long.parseLong(given().get("/cases/" + caseId).then()
                .extract().path("processInstanceKey")), key -> key != old);
    }

    @Test
    void a_start_for_a_case_that_does_not_exist_is_retried_and_then_raises_an_incident() {
        UUID unknown = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publishMessage("visitation.case-received",
                unknown.toString(), "case-received:" + unknown, Map.of("caseId", unknown.toString())));
        EngineRecords records = new EngineRecords(engine);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(records.ofType(ValueType.INCIDENT).stream()
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .map(r -> (IncidentRecordValue) r.getValue())
                .anyMatch(incident -> incident.getElementId().equals("register-case")
                        && incident.getErrorMessage().contains(unknown.toString()))));
    }

    @Test
    void redeploying_unchanged_models_keeps_their_versions() {
        Map<String, Integer> first = deployer.deploy();
        assertEquals(first, deployer.deploy());
        assertEquals(1, first.get("visitation"));
    }

    @Test
    void every_model_in_the_bpmn_folder_is_deployed() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("bpmn"))) {
            assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                    settings.models().stream().sorted().toList());
        }
    }
}
