package dk.visitation.statusnotes;

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

/** The cadence agreed with an internal provider for its status notes on one grant (V61). */
@Entity
@Table(name = "status_note_agreement")
public class StatusNoteAgreement extends PanacheEntityBase {

    /** EVERY_MONTHS: a note every N months from the grant's start; BEFORE_FOLLOW_UP: N days before each follow-up is due. */
    public enum Cadence { EVERY_MONTHS, BEFORE_FOLLOW_UP }

    @Id
    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Cadence cadence;

    @Column(name = "every_months")
    public Integer everyMonths;

    @Column(name = "days_before")
    public Integer daysBefore;

    @Column(name = "agreed_by")
    public String agreedBy;

    @Column(name = "agreed_at")
    public Instant agreedAt;

    @Version
    public long version;
}
