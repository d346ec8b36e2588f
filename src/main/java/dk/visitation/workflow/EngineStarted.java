package dk.visitation.workflow;

/**
 * Fired once the models are deployed and before the workers and the outbox run. {@code empty} is
 * true when the engine holds no process state (the in-process engine after every start): each
 * feature then re-creates the processes of its open cases from the database, through the outbox.
 */
public record EngineStarted(boolean empty) {
}
