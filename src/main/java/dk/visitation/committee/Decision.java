package dk.visitation.committee;

import dk.visitation.common.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The committee's placement of a case, with its written justification and the members who made it. */
@Entity
@Immutable
@Table(name = "committee_decision")
public class Decision extends PanacheEntityBase {

    public enum Outcome { CBA, MYN, SHARED, PENDING }

    /** Said wherever a decision is shown: the placement is internal and cannot be appealed. */
    public static final String NOT_APPEALABLE = "Visitationsudvalgets placering er en intern beslutning i kommunen om, "
            + "hvilken afdeling der løser opgaven. Den er ikke en afgørelse efter loven og kan ikke påklages.";

    @Id
    public UUID id;

    @Column(name = "agenda_item_id")
    public UUID agendaItemId;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "lead_department")
    public Department leadDepartment;

    @Enumerated(EnumType.STRING)
    @Column(name = "contributing_department")
    public Department contributingDepartment;

    public String justification;

    @Column(name = "missing_information")
    public String missingInformation;

    /** The members who made the decision, comma-separated. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The decision's document in the ESDH system (the decision as journalised), when the committee cites one. */
    @jakarta.persistence.Embedded
    public dk.visitation.common.DocumentReference document;

    /** The meeting's time: the committee decides at its meeting. */
    @Column(name = "decided_at")
    public Instant decidedAt;
}
