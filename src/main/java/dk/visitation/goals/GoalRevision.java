package dk.visitation.goals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One revision of a grant's goals (V62); the highest revision is the goals now. Never changed once written. */
@Entity
@Table(name = "grant_goal_revision")
public class GoalRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "case_id")
    public UUID caseId;

    public int revision;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] goals;

    public String reason;

    @Column(name = "follow_up_id")
    public UUID followUpId;

    @Column(name = "revised_by")
    public String revisedBy;

    @Column(name = "revised_at")
    public Instant revisedAt;
}
