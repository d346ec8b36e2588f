package dk.visitation.advisers;

import dk.visitation.common.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An adviser (rådgiver) in the register: who may be given a department's cases, with what share of a full-time post. */
@Entity
@Table(name = "adviser")
public class Adviser extends PanacheEntityBase {

    /** The token's upn. */
    @Id
    @Column(name = "user_id")
    public String userId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Department department;

    /** The share of a full-time post, e.g. 0.800. */
    public BigDecimal fte;

    @Enumerated(EnumType.STRING)
    @Column(name = "caseload_kind")
    public CaseloadKind caseloadKind;

    @Column(name = "active_from")
    public LocalDate activeFrom;

    /** The first day no longer active; null while open-ended. */
    @Column(name = "active_to")
    public LocalDate activeTo;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Active on {@code day}: in [activeFrom, activeTo). */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(activeFrom) && (activeTo == null || day.isBefore(activeTo));
    }
}
