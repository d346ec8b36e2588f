package dk.visitation.cases;

import dk.visitation.common.Department;
import java.time.Instant;
import java.util.UUID;

/**
 * What other features may know of a case: its id, child, place, stage, adviser (a user name) and its id in DUBU — no
 * personal data.
 */
public record CaseRef(UUID id, UUID childId, Department department, Department contributingDepartment,
        CaseStatus status, Instant receivedAt, String adviser, String dubuCaseId) {

    public TargetGroup targetGroup() {
        return TargetGroup.of(status, department);
    }

    static CaseRef of(ChildCase c) {
        return new CaseRef(c.id, c.child.id, c.department, c.contributingDepartment, c.status, c.receivedAt, c.adviser, c.dubuCaseId);
    }
}
