package dk.visitation.economy;

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

/** A grant (bevilling): a service with its legal basis, provider, tariff, scope and period. */
@Entity
@Table(name = "grant_award")
public class Grant extends PanacheEntityBase {

    /** The services of the law map in BRIEF.md, with their legal basis in Barnets Lov. */
    public enum ServiceType {
        PLACEMENT("Barnets Lov §§ 46-47"),
        RESPITE_CARE("Barnets Lov § 32 (aflastning)"),
        SUPPORTIVE_MEASURES("Barnets Lov § 32"),
        NECESSARY_EXTRA_COSTS("Barnets Lov § 86"),
        LOST_EARNINGS("Barnets Lov § 87"),
        SPECIAL_TRANSPORT("Barnets Lov § 32 (befordring)"),
        HOME_TRAINING("Barnets Lov § 32 (hjemmetræning)");

        final String legalBasis;

        ServiceType(String legalBasis) {
            this.legalBasis = legalBasis;
        }
    }

    public enum Provider { INTERNAL, EXTERNAL }

    /** A grant whose annual cost passes the approval amount waits for ECONOMY (bevillingskompetence). */
    public enum Approval { NOT_REQUIRED, PENDING, APPROVED, REJECTED;

        /** Whether the grant is in force: the settlement counts only these. */
        boolean inForce() {
            return this == NOT_REQUIRED || this == APPROVED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    public ServiceType serviceType;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Enumerated(EnumType.STRING)
    public Provider provider;

    @Column(name = "provider_name")
    public String providerName;

    /** The provider in the register (V59); null for a grant that names its provider by free text only. */
    @Column(name = "provider_id")
    public UUID providerId;

    /** Price per unit per tariff period, in øre. */
    @Column(name = "price_ore")
    public long priceOre;

    @Enumerated(EnumType.STRING)
    @Column(name = "tariff_period")
    public Cost.TariffPeriod tariffPeriod;

    /** Units per tariff period. */
    public BigDecimal scope;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Exclusive. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public Approval approval = Approval.NOT_REQUIRED;

    @Column(name = "approval_decided_at")
    public Instant approvalDecidedAt;

    /** The day the granted service actually started (omsætning); null while the family waits for it. */
    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "start_recorded_by")
    public String startRecordedBy;

    @Column(name = "start_recorded_at")
    public Instant startRecordedAt;

    /** The end as granted, when the grant was ended early (V60); null otherwise. Exclusive, like validTo. */
    @Column(name = "granted_to")
    public LocalDate grantedTo;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The grant's first part, when this row is a later part of a grant changed from a date (V67); null for the first part. */
    @Column(name = "part_of")
    public UUID partOf;

    /** Why the grant was changed from this part's first day; null for the first part. */
    @Column(name = "change_reason")
    public String changeReason;

    @Version
    public long version;

    /** The grant this row is a part of: its first part's id, which is the grant's id to everything that follows it. */
    public UUID grantId() {
        return partOf != null ? partOf : id;
    }

    /** The Danish day the grant came into force: ECONOMY's approval where it was needed, else its creation; null until then. */
    LocalDate grantedOn() {
        if (!approval.inForce()) {
            return null;
        }
        return (approvalDecidedAt != null ? approvalDecidedAt : createdAt).atZone(dk.visitation.common.Times.DENMARK).toLocalDate();
    }

    Commitments.Terms terms() {
        return new Commitments.Terms(priceOre, scope, tariffPeriod, validFrom, validTo);
    }
}
