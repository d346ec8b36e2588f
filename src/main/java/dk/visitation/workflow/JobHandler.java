package dk.visitation.workflow;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;

/**
 * One handler per job type (a CDI bean). Jobs come at least once: a handler records its effect
 * with the job's business key in the same transaction (see {@link JobLedger}) so a redelivered
 * job does nothing twice. {@link JobWorkers} completes the job explicitly with the returned
 * variables, turns a {@link BpmnError} into a BPMN error and anything else into a retry.
 */
public interface JobHandler {

    /** The BPMN job type, {@code <feature>.<verb>}. */
    String jobType();

    /**
     * Does the work; returns the variables to complete the job with (ids and outcomes only), or
     * {@link #LEAVE_OPEN} when the job is completed later (a person's task, through the outbox).
     */
    Map<String, Object> handle(ActivatedJob job) throws Exception;

    /** Returned by handlers whose job stays activated until a person completes it. */
    Map<String, Object> LEAVE_OPEN = java.util.Collections.unmodifiableMap(new java.util.HashMap<>());

    /** How long the engine leaves an activated job with this worker; empty for the configured default. */
    default java.util.Optional<java.time.Duration> timeout() {
        return java.util.Optional.empty();
    }

    /**
     * The common shape of a service task: read the id the process carries ({@code caseId},
     * {@code meetingId}), do an idempotent effect in a transaction of its own holding the id's {@link JobLock},
     * complete with no variables.
     * Features produce these as CDI beans, one per job type.
     */
    static JobHandler onId(String jobType, String idVariable, java.util.function.Consumer<java.util.UUID> effect) {
        return new JobHandler() {
            @Override
            public String jobType() {
                return jobType;
            }

            @Override
            public Map<String, Object> handle(ActivatedJob job) {
                java.util.UUID id = java.util.UUID.fromString(String.valueOf(job.getVariable(idVariable)));
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                    JobLock.hold(id);
                    effect.accept(id);
                });
                return Map.of();
            }
        };
    }

    /** A business failure the model handles with an error boundary event. */
    class BpmnError extends RuntimeException {
        private final String code;

        public BpmnError(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
