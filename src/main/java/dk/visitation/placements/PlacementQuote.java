package dk.visitation.placements;

import dk.visitation.economy.Cost;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A quote (tilbud) asked of a provider for a placement, its answer and its negotiation (V65). */
@Entity
@Table(name = "placement_quote")
public class PlacementQuote extends PanacheEntityBase {

    /** Negotiation status: asked, answered, being negotiated, declined (by either side, or not chosen), chosen. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlacementQuoteStatus")
    public enum Status { REQUESTED, RECEIVED, IN_NEGOTIATION, DECLINED, CHOSEN }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "price_ore")
    public Long priceOre;

    @Enumerated(EnumType.STRING)
    @Column(name = "tariff_period")
    public Cost.TariffPeriod tariffPeriod;

    public String terms;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    public String note;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "professional_justification")
    public String professionalJustification;

    @Column(name = "economic_justification")
    public String economicJustification;

    @Column(name = "chosen_at")
    public Instant chosenAt;

    @Column(name = "chosen_by")
    public String chosenBy;

    @Column(name = "grant_id")
    public UUID grantId;
}
