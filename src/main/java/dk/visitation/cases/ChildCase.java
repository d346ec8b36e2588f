package dk.visitation.cases;

import dk.visitation.common.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A child's case (sag): the record the visitation is about. */
@Entity
@Table(name = "child_case")
public class ChildCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id")
    public Child child;

    @Enumerated(EnumType.STRING)
    public RequestSource source;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String description;

    @Enumerated(EnumType.STRING)
    public Department department;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public String adviser;

    /** In a shared case: the department that contributes beside the lead (current) one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "contributing_department")
    public Department contributingDepartment;

    /** The case's id in DUBU, the national case system, when it has one there; unique (V58). */
    @Column(name = "dubu_case_id")
    public String dubuCaseId;

    @Column(name = "process_instance_key")
    public Long processInstanceKey;

    /** Bumped by every change; the ETag. */
    @Version
    public long version;

    /**
     * When the first meeting with the family was held: the earliest FIRST_MEETING_HELD casework record, kept by the
     * database (trigger casework_first_meeting, V55); null while the case waits for it (GET /waiting/first-meeting).
     */
    @Column(name = "first_meeting_at", insertable = false, updatable = false)
    public Instant firstMeetingAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
