package dk.visitation.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;

/**
 * What completing a task with a given form key means. Each feature implements the forms of its own
 * tasks (a CDI bean per form key): it validates the input — throwing a 400 problem with the field
 * errors, so nothing is completed — records its effect in the same transaction, and returns the
 * process variables (outcomes and ids only, never personal data).
 */
public interface TaskForm {

    String formKey();

    Map<String, Object> complete(CompletedTask task, JsonNode input);

    /** The task being completed and by whom. */
    record CompletedTask(UUID taskId, UUID caseId, String elementId, String completedBy) {
    }
}
