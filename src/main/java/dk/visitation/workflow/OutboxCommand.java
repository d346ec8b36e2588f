package dk.visitation.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A command for the engine, written in the business transaction and sent after commit. */
@Entity
@Table(name = "outbox_command")
public class OutboxCommand extends PanacheEntityBase {

    public enum Kind { PUBLISH_MESSAGE, COMPLETE_JOB, THROW_ERROR }

    /** PENDING until the engine acknowledged it; DISCARDED when its target no longer exists. */
    public enum Status { PENDING, PUBLISHED, DISCARDED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "message_name")
    public String messageName;

    @Column(name = "correlation_key")
    public String correlationKey;

    /** Deterministic per business command, so a repeated send is refused by the engine as a duplicate. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "job_key")
    public Long jobKey;

    /** The engine generation that issued {@link #jobKey}: another engine may know the same key as another job. */
    @Column(name = "engine_generation")
    public String engineGeneration;

    @Column(name = "error_code")
    public String errorCode;

    /** Process variables: ids and outcomes only, never personal data. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> variables;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
