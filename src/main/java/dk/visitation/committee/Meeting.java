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

/** A meeting of the visitation committee. PLANNED until its material deadline locks the agenda. */
@Entity
@Table(name = "committee_meeting")
public class Meeting extends PanacheEntityBase {

    public enum Status { PLANNED, LOCKED, HELD }

    @Id
    public UUID id;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "material_deadline")
    public Instant materialDeadline;

    @Enumerated(EnumType.STRING)
    public Status status;

    public boolean extraordinary;

    /** Held before the service took over: recorded afterwards, with no process and no deadline to lock. */
    public boolean historical;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /**
     * Where the meeting stands by its record at {@code now}: a planned meeting whose stored material deadline has passed is
     * LOCKED, whether or not the engine's timer has fired yet ("Lås dagsorden" then only writes down what is already so).
     */
    public Status statusAt(Instant now) {
        return status == Status.PLANNED && !historical && !materialDeadline.isAfter(now) ? Status.LOCKED : status;
    }

    /** The query condition for meetings {@link #statusAt} {@code status} at {@code now}; its parameters are added to {@code params}. */
    static String statusCondition(Status status, io.quarkus.panache.common.Parameters params, Instant now) {
        params.and("status", status);
        if (status == Status.HELD) {
            return "status = :status";
        }
        params.and("now", now);
        return status == Status.PLANNED ? "status = :status and (historical = true or materialDeadline > :now)"
                : "(status = :status or (status = 'PLANNED' and historical = false and materialDeadline <= :now))";
    }
}
