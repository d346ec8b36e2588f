package dk.visitation.statusnotes;

import dk.visitation.common.DocumentReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A status note a provider sent on a grant: the day it was written and its document in ESDH, never its text (V61). */
@Entity
@Table(name = "status_note")
public class StatusNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "written_on")
    public LocalDate writtenOn;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "received_by")
    public String receivedBy;

    @Embedded
    public DocumentReference document;
}
