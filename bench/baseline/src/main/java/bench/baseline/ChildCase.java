package bench.baseline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The columns of the service's child_case table (enums as strings), the child loaded lazily as there. */
@Entity
@Table(name = "child_case")
public class ChildCase extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id")
    public Child child;
    @Column(length = 30, nullable = false)
    public String source;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(length = 4000, nullable = false)
    public String description;
    @Column(length = 3, nullable = false)
    public String department;
    @Column(length = 40, nullable = false)
    public String status;
    @Column(length = 100)
    public String adviser;
    @Column(name = "contributing_department", length = 3)
    public String contributingDepartment;
    @Column(name = "process_instance_key")
    public Long processInstanceKey;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
