package dk.visitation.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The only way the service commands the engine from a business transaction: the command is a row
 * in the same transaction, and {@link OutboxPublisher} sends it after commit until the engine
 * acknowledges it. No transaction spans the database and the engine.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when a command was written; the publisher wakes after the transaction commits. */
    public record Written() {
    }

    private final Event<Written> written;

    Outbox(Event<Written> written) {
        this.written = written;
    }

    /**
     * Publishes a message correlated by {@code correlationKey}. {@code messageId} must be derived from
     * the business fact (e.g. "case-received:{caseId}") so a retry is recognised as the same message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishMessage(String name, String correlationKey, String messageId, Map<String, Object> variables) {
        OutboxCommand command = newCommand(OutboxCommand.Kind.PUBLISH_MESSAGE, variables);
        command.messageName = name;
        command.correlationKey = correlationKey;
        command.messageId = messageId;
        save(command);
    }

    /**
     * Completes a job (e.g. a user task) with its outcome; returns the command's id, to learn later whether it
     * arrived. {@code generation} is the engine generation that issued the job ({@link EngineGeneration}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID completeJob(long jobKey, String generation, Map<String, Object> variables) {
        OutboxCommand command = newCommand(OutboxCommand.Kind.COMPLETE_JOB, variables);
        command.jobKey = jobKey;
        command.engineGeneration = generation;
        save(command);
        return command.id;
    }

    /** Ends a job with a BPMN error that the model catches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void throwError(long jobKey, String generation, String errorCode, Map<String, Object> variables) {
        OutboxCommand command = newCommand(OutboxCommand.Kind.THROW_ERROR, variables);
        command.jobKey = jobKey;
        command.engineGeneration = generation;
        command.errorCode = errorCode;
        save(command);
    }

    private static OutboxCommand newCommand(OutboxCommand.Kind kind, Map<String, Object> variables) {
        OutboxCommand command = new OutboxCommand();
        command.id = UUID.randomUUID();
        command.kind = kind;
        command.variables = Map.copyOf(variables);
        command.status = OutboxCommand.Status.PENDING;
        command.createdAt = Instant.now();
        command.nextAttemptAt = command.createdAt;
        return command;
    }

    private void save(OutboxCommand command) {
        command.persist();
        written.fire(new Written());
    }
}
