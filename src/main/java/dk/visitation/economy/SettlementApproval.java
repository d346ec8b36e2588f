package dk.visitation.economy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.tasks.TaskForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECONOMY's approval of a settlement statement ({@link Settlements} computes it and starts the approval task):
 * the version read is approved, after which the statement and its lines do not change.
 */
@ApplicationScoped
public class SettlementApproval implements TaskForm {

    private static final Set<String> FIELDS = Set.of("version", "note");

    @Override
    public String formKey() {
        return "settlement:approve";
    }

    /** "Godkend afregningsopgørelse": approves the version ECONOMY read; a statement computed again since is read again. */
    @Override
    public Map<String, Object> complete(CompletedTask task, JsonNode input) {
        List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
        JsonNode version = input.path("version");
        if (!version.canConvertToLong() || !version.isIntegralNumber()) {
            errors.add(new Problem.FieldError("version", "is required: the version of the statement that was read"));
        }
        JsonNode note = input.path("note");
        if (!note.isMissingNode() && !note.isNull() && (!note.isTextual() || note.asText().length() > 2000)) {
            errors.add(new Problem.FieldError("note", "must be text, at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The approval is not valid", errors);
        }
        Settlement statement = Settlement.findById(task.subjectId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (statement == null || statement.status != Settlement.Status.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "The statement is already approved");
        }
        if (statement.version != version.asLong()) {
            throw new ProblemException(ProblemType.CONFLICT, "The statement was computed again since version " + version.asLong()
                    + " (now " + statement.version + "); read it again before approving");
        }
        statement.status = Settlement.Status.APPROVED;
        statement.approvedBy = task.completedBy();
        statement.approvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        statement.approvalNote = note.isTextual() && !note.asText().isBlank() ? note.asText().strip() : null;
        return Map.of("approved", true);
    }
}
