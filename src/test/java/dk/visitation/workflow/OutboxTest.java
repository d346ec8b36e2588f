package dk.visitation.workflow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    private static final String PROBE = "outbox.probe";

    @Inject
    Outbox outbox;

    @Inject
    EmbeddedEngine engine;

    @Inject
    CamundaClient client;

    @Inject
    EngineGeneration generation;

    /** A process of its own, so these tests touch no case: a message start event and an end. */
    @BeforeEach
    void deployProbe() {
        client.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("outbox-probe")
                        .startEvent("probe-received").message(PROBE)
                        .endEvent().done(), "outbox-probe.bpmn")
                .send().join();
    }

    @Test
    void a_command_written_in_a_transaction_is_published_after_commit() {
        UUID caseId = UUID.randomUUID();
        UUID row = QuarkusTransaction.requiringNew().call(() -> {
            outbox.publishMessage(PROBE, caseId.toString(), "outbox-test:" + caseId,
                    Map.of("caseId", caseId.toString()));
            return lastRow();
        });
        awaitStatus(row, OutboxCommand.Status.PUBLISHED);
    }

    @Test
    void a_rolled_back_transaction_sends_nothing() {
        UUID caseId = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publishMessage(PROBE, caseId.toString(), "rollback:" + caseId,
                        Map.of("caseId", caseId.toString()));
                throw new IllegalStateException("the business transaction fails");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(
                () -> OutboxCommand.count("messageId", "rollback:" + caseId)));
    }

    @Test
    void the_same_message_sent_twice_counts_as_published_and_starts_one_process() {
        UUID caseId = UUID.randomUUID();
        String messageId = "twice:" + caseId;
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publishMessage(PROBE, caseId.toString(), messageId, Map.of("caseId", caseId.toString()));
            outbox.publishMessage(PROBE, caseId.toString(), messageId, Map.of("caseId", caseId.toString()));
        });
        for (UUID row : QuarkusTransaction.requiringNew().call(() -> OutboxCommand.<OutboxCommand>list("messageId", messageId)
                .stream().map(c -> c.id).toList())) {
            awaitStatus(row, OutboxCommand.Status.PUBLISHED);
        }
        EngineRecords records = new EngineRecords(engine);
        long started = records.ofType(io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE).stream()
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .map(r -> (io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue) r.getValue())
                .filter(v -> v.getElementId().equals("probe-received"))
                .map(v -> v.getProcessInstanceKey())
                .filter(key -> caseId.toString().equals(variableCaseId(records, key)))
                .count();
        assertEquals(1, started);
    }

    @Test
    void the_same_message_published_twice_to_a_waiting_process_is_correlated_once() {
        String key = UUID.randomUUID().toString();
        client.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("outbox-waiter")
                        .startEvent().intermediateCatchEvent("wait-for-probe").message(m -> m.name(PROBE + ".waiting")
                                .zeebeCorrelationKeyExpression("key"))
                        .endEvent().done(), "outbox-waiter.bpmn")
                .send().join();
        // two instances wait for the same message: a second correlation would reach the second one
        List<Long> waiting = List.of(startWaiter(key), startWaiter(key));
        String messageId = "waiting-twice:" + key;
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publishMessage(PROBE + ".waiting", key, messageId, Map.of());
            outbox.publishMessage(PROBE + ".waiting", key, messageId, Map.of());
        });
        for (UUID row : QuarkusTransaction.requiringNew().call(() -> OutboxCommand.<OutboxCommand>list("messageId", messageId)
                .stream().map(c -> c.id).toList())) {
            awaitStatus(row, OutboxCommand.Status.PUBLISHED);
        }
        EngineRecords records = new EngineRecords(engine);
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream()
                .filter(instance -> records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("wait-for-probe"))
                .count() == 1);
        assertEquals(1, records.ofType(io.camunda.zeebe.protocol.record.ValueType.MESSAGE).stream()
                .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.MessageIntent.PUBLISHED)
                .filter(r -> messageId.equals(((io.camunda.zeebe.protocol.record.value.MessageRecordValue) r.getValue()).getMessageId()))
                .count(), "the second publication was refused as ALREADY_EXISTS");
    }

    private long startWaiter(String key) {
        return client.newCreateInstanceCommand().bpmnProcessId("outbox-waiter").latestVersion()
                .variables(Map.of("key", key)).send().join().getProcessInstanceKey();
    }

    @Test
    void completing_a_job_that_no_longer_exists_is_discarded_not_retried_forever() {
        UUID row = QuarkusTransaction.requiringNew().call(() -> {
            outbox.completeJob(123_456_789L, generation.current(), Map.of());
            return lastRow();
        });
        awaitStatus(row, OutboxCommand.Status.DISCARDED);
    }

    private static String variableCaseId(EngineRecords records, long processInstanceKey) {
        return records.ofType(io.camunda.zeebe.protocol.record.ValueType.VARIABLE).stream()
                .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getName().equals("caseId"))
                .map(v -> v.getValue().replace("\"", ""))
                .findFirst().orElse(null);
    }

    private static UUID lastRow() {
        return OutboxCommand.<OutboxCommand>find("order by createdAt desc").firstResult().id;
    }

    private static void awaitStatus(UUID row, OutboxCommand.Status expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            OutboxCommand command = QuarkusTransaction.requiringNew().call(() -> OutboxCommand.<OutboxCommand>findById(row));
            assertEquals(expected, command.status, "last error: " + command.lastError);
        });
    }
}
