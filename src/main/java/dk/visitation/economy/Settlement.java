package dk.visitation.economy;

import dk.visitation.common.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement statement (afregningsopgørelse) of one department for one period: a draft until ECONOMY
 * approves it, then immutable (the database refuses any change to it or its lines).
 */
@Entity
@Table(name = "settlement")
public class Settlement extends PanacheEntityBase {

    public enum Status { DRAFT, APPROVED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Department department;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    /** Exclusive. */
    @Column(name = "period_to")
    public LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The department's cost of the period itself, in øre. */
    @Column(name = "regular_ore")
    public long regularOre;

    /** Corrections of earlier approved periods, in øre (negative when the department paid too much). */
    @Column(name = "correction_ore")
    public long correctionOre;

    @Column(name = "computed_at")
    public Instant computedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approval_note")
    public String approvalNote;

    @Version
    public long version;
}
