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

    /**
     * Whether the step is still to be done by the feature's record. A job for a step that is not (its work was done while
     * the engine had yet to move on) is never listed as a task; the engine leaves the step by itself.
     */
    default boolean stillToDo(UUID caseId, UUID subjectId) {
        return true;
    }

    /** A field error for every input field the form does not have. */
    static java.util.List<dk.visitation.common.Problem.FieldError> unknownFields(JsonNode input, java.util.Set<String> fields) {
        java.util.List<dk.visitation.common.Problem.FieldError> errors = new java.util.ArrayList<>();
        input.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                errors.add(new dk.visitation.common.Problem.FieldError(name, "is not a field of this form"));
            }
        });
        return errors;
    }

    /** The task being completed and by whom; {@code subjectId} is the review or statement it is about, if any. */
    record CompletedTask(UUID taskId, UUID caseId, UUID subjectId, String elementId, String completedBy) {
    }
}
