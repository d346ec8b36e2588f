package dk.visitation.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import java.time.Instant;
import java.util.UUID;

/** The audit trail of a case: who changed what, from which value to which, and why. Append-only. */
@Entity
@Immutable
@Table(name = "case_audit")
public class CaseAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public Instant at;

    public String actor;

    /** CREATE or CHANGE. */
    public String action;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;

    static void record(UUID caseId, Instant at, String actor, String action, String field, Object oldValue,
            Object newValue, String reason) {
        CaseAudit entry = new CaseAudit();
        entry.caseId = caseId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.field = field;
        entry.oldValue = oldValue == null ? null : oldValue.toString();
        entry.newValue = newValue == null ? null : newValue.toString();
        entry.reason = reason;
        entry.persist();
    }
}
