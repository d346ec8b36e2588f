package dk.visitation.workflow;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.registerCase;
import static dk.visitation.support.Api.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tasks;
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
    void a_registered_case_passes_registration_waits_at_the_assessment_and_ends_when_it_is_done() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));
        EngineRecords records = new EngineRecords(engine);
        assertEquals(List.of(), records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).stream()
                .filter("assess-target-group"::equals).toList(), "the assessment waits for MYN");

        Tasks.complete(task, Map.of());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(
                List.of("case-received", "register-case", "assess-target-group", "visitation-ended", "visitation"),
                records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED)));
        given().get("/cases/" + caseId).then().statusCode(200);
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
