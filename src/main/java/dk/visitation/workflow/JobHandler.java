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

    /** Does the work; returns the variables to complete the job with (ids and outcomes only). */
    Map<String, Object> handle(ActivatedJob job) throws Exception;

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
