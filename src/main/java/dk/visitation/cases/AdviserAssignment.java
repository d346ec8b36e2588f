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

/**
 * One period of a case's adviser: from its assignment (who had it before, who has it now, by whom, why) until the
 * next assignment ends it. The rows of a case are its adviser history; the caseload and continuity are counted on them.
 */
@Entity
@Table(name = "case_adviser_assignment")
public class AdviserAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The case's (lead) department when the period began. */
    @Enumerated(EnumType.STRING)
    public Department department;

    @Column(name = "from_adviser")
    public String fromAdviser;

    /** The adviser in this period; null while the case has none. */
    @Column(name = "to_adviser")
    public String toAdviser;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** When the next assignment began; null for the current one. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "assigned_by")
    public String assignedBy;

    public String reason;
}
