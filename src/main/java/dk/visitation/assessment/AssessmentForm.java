package dk.visitation.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.tasks.TaskForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The form of "Målgruppevurdering": {"outcome": "...", "reason": "..."} — the reason when disagreeing. */
@ApplicationScoped
class AssessmentForm implements TaskForm {

    private static final Set<String> FIELDS = Set.of("outcome", "reason");

    private final AssessmentService assessments;

    AssessmentForm(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public String formKey() {
        return "visitation:target-group-assessment";
    }

    @Override
    public Map<String, Object> complete(CompletedTask task, JsonNode input) {
        List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
        Assessment.Outcome outcome = null;
        String value = input.path("outcome").asText("");
        try {
            outcome = Assessment.Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("outcome", "must be one of " + Arrays.toString(Assessment.Outcome.values())));
        }
        JsonNode reason = input.path("reason");
        if (!reason.isMissingNode() && !reason.isNull() && (!reason.isTextual() || reason.asText().length() > 2000)) {
            errors.add(new Problem.FieldError("reason", "must be a text of at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The form is not valid", errors);
        }
        return assessments.variables(assessments.conclude(task.caseId(), outcome,
                reason.isTextual() ? reason.asText() : null, task.completedBy()));
    }
}
