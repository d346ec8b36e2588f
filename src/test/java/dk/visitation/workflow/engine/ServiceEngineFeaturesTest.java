package dk.visitation.workflow.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every engine feature the service relies on, run on the service's own in-process engine
 * ({@code ServiceEngineFactory}: the engine's processors on the prefix-seeking store and the bounded log),
 * through the same client and gateway: a timer moved by {@code increaseTime}, a message caught by its
 * correlation key, a message start event, DMN through a business rule task and evaluated directly, a job
 * handed out again after its timeout, retries down to 0 raising an incident. This is the test that breaks
 * first when an engine upgrade changes what the factory wires.
 */
class ServiceEngineFeaturesTest {

    private static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="sizes" name="Sizes" namespace="http://visitation.dk/test">
              <decision id="size" name="Size">
                <decisionTable id="table" hitPolicy="FIRST">
                  <input id="in-x" label="x"><inputExpression id="expr-x" typeRef="number"><text>x</text></inputExpression></input>
                  <output id="out-size" name="size" typeRef="string"/>
                  <rule id="big"><inputEntry id="big-x"><text>&gt; 10</text></inputEntry><outputEntry id="big-out"><text>"big"</text></outputEntry></rule>
                  <rule id="small"><inputEntry id="small-x"><text>-</text></inputEntry><outputEntry id="small-out"><text>"small"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private InProcessEngine engine;
    private CamundaClient client;

    private void start(boolean keepFullLog) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        engine = InProcessEngine.start(port, keepFullLog);
        URI address = URI.create("http://localhost:" + port);
        client = CamundaClient.newClientBuilder().grpcAddress(address).restAddress(address).preferRestOverGrpc(false)
                .applyEnvironmentVariableOverrides(false).defaultJobWorkerStreamEnabled(true).build();
        client.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("timer").startEvent().intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
                        .serviceTask("after-timer", t -> t.zeebeJobType("f.after-timer")).endEvent().done(), "timer.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("catch").startEvent()
                        .intermediateCatchEvent("message", e -> e.message(m -> m.name("f.message").zeebeCorrelationKeyExpression("key")))
                        .serviceTask("after-message", t -> t.zeebeJobType("f.after-message")).endEvent().done(), "catch.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("started").startEvent().message("f.start")
                        .serviceTask("after-start", t -> t.zeebeJobType("f.after-start")).endEvent().done(), "started.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("decide").startEvent()
                        .businessRuleTask("rule", t -> t.zeebeCalledDecisionId("size").zeebeResultVariable("size"))
                        .serviceTask("after-rule", t -> t.zeebeJobType("f.after-rule")).endEvent().done(), "decide.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("work").startEvent()
                        .serviceTask("do-work", t -> t.zeebeJobType("f.work").zeebeJobRetries("3")).endEvent().done(), "work.bpmn")
                .addResourceStringUtf8(DMN, "sizes.dmn")
                .send().join();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (engine != null) {
            engine.stop();
        }
    }

    private List<ActivatedJob> activate(String type, Duration timeout) {
        return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(timeout)
                .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
    }

    private ActivatedJob awaitJob(String type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> activate(type, Duration.ofMinutes(5)), jobs -> !jobs.isEmpty()).getFirst();
    }

    private void create(String process, Map<String, Object> variables) {
        client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().variables(variables).send().join();
    }

    @Test
    void timers_messages_decisions_job_timeouts_and_incidents_work_on_the_service_engine() throws IOException {
        start(true);

        create("timer", Map.of());
        assertTrue(activate("f.after-timer", Duration.ofMinutes(5)).isEmpty(), "the timer has not fired yet");
        engine.increaseTime(Duration.ofHours(2));
        awaitJob("f.after-timer");

        create("catch", Map.of("key", "case-1"));
        create("catch", Map.of("key", "case-2"));
        client.newPublishMessageCommand().messageName("f.message").correlationKey("case-2").send().join();
        ActivatedJob caught = awaitJob("f.after-message");
        assertEquals("case-2", caught.getVariable("key"), "the message reached the instance of its correlation key only");
        client.newCompleteCommand(caught).send().join();

        client.newPublishMessageCommand().messageName("f.start").correlationKey("").variables(Map.of("caseId", "c-9")).send().join();
        assertEquals("c-9", awaitJob("f.after-start").getVariable("caseId"));

        create("decide", Map.of("x", 20));
        assertEquals("big", awaitJob("f.after-rule").getVariable("size"));
        assertEquals("\"small\"", client.newEvaluateDecisionCommand().decisionId("size").variables(Map.of("x", 3)).send().join()
                .getDecisionOutput());

        create("work", Map.of());
        ActivatedJob first = awaitJob("f.work"); // activated for 5 minutes, never answered: its worker died
        assertTrue(activate("f.work", Duration.ofMinutes(5)).isEmpty(), "an activated job is not handed out twice");
        engine.increaseTime(Duration.ofMinutes(6));
        ActivatedJob again = awaitJob("f.work");
        assertEquals(first.getKey(), again.getKey(), "the same job, handed out again after its timeout");

        client.newFailCommand(again).retries(0).errorMessage("technical failure").send().join();
        await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport.stream(engine.testEngine().getRecordStreamSource().getRecords()
                .spliterator(), false).anyMatch(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED));
    }

    /**
     * The log drops what the stream processor has passed: 200 instances of four steps each leave a handful of
     * blocks, and the state keeps only the instances still open. On the stock engine the log kept every record.
     */
    @Test
    void the_bounded_log_keeps_only_what_is_not_yet_processed_and_the_state_only_open_work() throws IOException {
        start(false);
        int stateAfterDeploy = engine.stateEntries();
        var worker = client.newWorker().jobType("f.work").handler((jobs, job) -> jobs.newCompleteCommand(job).send().join()).open();
        try {
            for (int round = 0; round < 10; round++) {
                List<java.util.concurrent.CompletableFuture<?>> inFlight = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    inFlight.add(client.newCreateInstanceCommand().bpmnProcessId("work").latestVersion().withResult().send().toCompletableFuture());
                }
                inFlight.forEach(java.util.concurrent.CompletableFuture::join);
            }
        } finally {
            worker.close();
        }
        assertTrue(engine.recordCount() > 1000, "records written: " + engine.recordCount());
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.logBlocks() < 20);
        create("timer", Map.of()); // one instance left open
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.stateEntries() > stateAfterDeploy);
        assertTrue(engine.stateEntries() < stateAfterDeploy + 100,
                "state grows with open work, not with the 200 instances done: " + stateAfterDeploy + " → " + engine.stateEntries());
        assertThrows(UnsupportedOperationException.class, () -> engine.testEngine().getRecordStreamSource().getRecords());
    }
}
