package dk.visitation.handover;

import dk.visitation.common.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A case moving from one department to the other: its conditions, the handing summary and the receipt. */
@Entity
@Table(name = "handover")
public class Handover extends PanacheEntityBase {

    /** REQUESTED until its conditions are checked; BLOCKED while open work remains; COMPLETED or WITHDRAWN when finished. */
    public enum Status { REQUESTED, BLOCKED, SUMMARY, RECEIVING, COMPLETED, WITHDRAWN }

    /** The statuses of a handover that is still under way (at most one per case). */
    public static final java.util.EnumSet<Status> UNDER_WAY = java.util.EnumSet.of(Status.REQUESTED, Status.BLOCKED, Status.SUMMARY,
            Status.RECEIVING);

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_department")
    public Department fromDepartment;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_department")
    public Department toDepartment;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "last_investigation_on")
    public LocalDate lastInvestigationOn;

    @Column(name = "last_meeting_on")
    public LocalDate lastMeetingOn;

    /** The grants active when the summary was written, listed by the system (ids). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "active_grants")
    public List<String> activeGrants;

    public String agreements;

    @Column(name = "free_text")
    public String freeText;

    @Column(name = "summary_by")
    public String summaryBy;

    @Column(name = "summary_at")
    public Instant summaryAt;

    @Column(name = "receiving_adviser")
    public String receivingAdviser;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    @Column(name = "received_by")
    public String receivedBy;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** A change of a shared case's lead: the contributing department the case keeps once it is handed to the lead. */
    @Enumerated(EnumType.STRING)
    @Column(name = "contributing_department")
    public Department contributingDepartment;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;
}
