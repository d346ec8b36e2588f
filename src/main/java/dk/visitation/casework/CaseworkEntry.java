package dk.visitation.casework;

import dk.visitation.common.DocumentReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One dated fact of the casework record; never changed once recorded (a correction is a new record). */
@Entity
@Table(name = "casework_entry")
public class CaseworkEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public CaseworkKind kind;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "notifier_kind")
    public NotifierKind notifierKind;

    public Boolean urgent;

    @Column(name = "refers_to")
    public UUID refersTo;

    @Column(name = "grant_id")
    public UUID grantId;

    public String reason;

    @Embedded
    public DocumentReference document;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Version
    public long version;

    CaseworkFact fact() {
        return new CaseworkFact(id, caseId, kind, occurredAt, notifierKind, urgent, refersTo, grantId, reason);
    }
}
