package dk.visitation.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A child: the one place the CPR number is stored. */
@Entity
@Table(name = "child")
public class Child extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cpr", columnDefinition = "bpchar")
    public String cpr;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    static Optional<Child> byCpr(Cpr cpr) {
        return find("cpr", cpr.digits()).firstResultOptional();
    }

    Cpr cprNumber() {
        return Cpr.parse(cpr);
    }
}
