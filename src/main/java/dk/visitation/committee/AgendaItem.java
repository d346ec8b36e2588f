package dk.visitation.committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A case on a meeting's agenda; a pending case gets a new item on the next meeting (rolledFrom). */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {

    public enum Status { ON_AGENDA, DECIDED, PENDING, REMOVED }

    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;

    @Column(name = "rolled_from")
    public UUID rolledFrom;

    @Version
    public long version;
}
