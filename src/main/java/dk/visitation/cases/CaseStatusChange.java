package dk.visitation.cases;

import dk.visitation.common.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a case's status history: append-only. */
@Entity
@Table(name = "case_status_change")
public class CaseStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    public Department department;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String reason;

    static CaseStatusChange of(ChildCase childCase, String by, String reason, Instant at) {
        CaseStatusChange change = new CaseStatusChange();
        change.caseId = childCase.id;
        change.status = childCase.status;
        change.department = childCase.department;
        change.changedAt = at;
        change.changedBy = by;
        change.reason = reason;
        return change;
    }
}
