package dk.visitation.cases;

import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import java.util.List;
import java.util.UUID;

/**
 * The case's id in DUBU (the national case system for children's cases): optional, unique per municipality (one
 * service, one municipality), of letters, digits and {@code . _ / -}, at most 40 characters. Set at registration or by
 * the case's merge patch; a second case with the same id is a 409.
 */
public final class DubuCaseIds {

    public static final int MAX_LENGTH = 40;
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._/-]*$";
    public static final String MESSAGE = "must start with a letter or digit and hold only letters, digits and . _ / -";
    public static final String DESCRIPTION = "The case's id in DUBU (unique; 1-40 letters, digits and . _ / -, starting with a letter or digit)";

    private DubuCaseIds() {
    }

    /** A blank id is no id; otherwise stripped. */
    static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 409 when another case already carries the id (the unique key would refuse it too, without saying why). */
    static void requireFree(String dubuCaseId, UUID caseId) {
        if (dubuCaseId == null) {
            return;
        }
        ChildCase other = ChildCase.find("dubuCaseId", dubuCaseId).firstResult();
        if (other != null && !other.id.equals(caseId)) {
            throw new ProblemException(ProblemType.CONFLICT, "Another case already carries DUBU case id " + dubuCaseId,
                    List.of(new Problem.FieldError("dubuCaseId", "is already the DUBU id of another case")));
        }
    }
}
