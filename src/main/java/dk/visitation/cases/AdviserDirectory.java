package dk.visitation.cases;

import dk.visitation.common.Department;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may be a case's adviser: implemented by the adviser register (feature {@code advisers}), which depends on
 * cases and not the other way round.
 */
public interface AdviserDirectory {

    /** Why {@code userId} cannot be the adviser of a case in {@code department} on {@code day}; empty when it can. */
    Optional<String> refusal(String userId, Department department, LocalDate day);
}
