package dk.visitation.handover;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Open work on a case — a pending application for support, a child-welfare investigation (§ 20) or
 * another item marked as blocking — that must be finished before the case is handed over.
 */
@Entity
@Table(name = "case_work_item")
public class WorkItem extends PanacheEntityBase {

    public enum Kind { APPLICATION, INVESTIGATION, OTHER }

    public enum Status { OPEN, CLOSED }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String description;

    /** Applications and investigations always block a handover; other items when marked so. */
    public boolean blocking;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "closed_by")
    public String closedBy;

    @Version
    public long version;
}
