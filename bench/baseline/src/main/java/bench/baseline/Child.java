package bench.baseline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The columns of the service's child table. */
@Entity
@Table(name = "child")
public class Child extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(length = 10, nullable = false, unique = true)
    public String cpr;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
