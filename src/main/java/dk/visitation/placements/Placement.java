package dk.visitation.placements;

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
import java.util.UUID;

/** An expected placement on a case (V65) and its planning: quotes, the one chosen, the grant it became. */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {

    /** EXPECTED while planned; GRANTED once a grant runs for it (the acute grant or the chosen quote's); CANCELLED. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlacementStatus")
    public enum Status { EXPECTED, GRANTED, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public PlacementKind kind;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    @Column(name = "expected_start")
    public LocalDate expectedStart;

    /** Kroner, two decimals. */
    @Column(name = "annual_estimate")
    public BigDecimal annualEstimate;

    public String reason;

    @Column(name = "quotes_due_on")
    public LocalDate quotesDueOn;

    @Column(name = "quotes_overdue_at")
    public Instant quotesOverdueAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "acute_grant_id")
    public UUID acuteGrantId;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
