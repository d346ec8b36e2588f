package dk.visitation.cases;

import dk.visitation.common.Department;
import java.time.LocalDate;
import java.util.UUID;

/** Fired in the registering transaction: other features start what a new case needs (e.g. who pays). */
public record CaseRegistered(UUID caseId, Department department, LocalDate receivedOn) {
}
