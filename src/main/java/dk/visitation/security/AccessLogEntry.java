package dk.visitation.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One access to children's data: append-only (a database trigger refuses updates and deletes). */
@Entity
@Immutable // never updated by dirty checking: the table refuses updates
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String actor;

    public String roles;

    public String client;

    @Enumerated(EnumType.STRING)
    public AccessLog.Action action;

    @Column(name = "case_ids")
    public UUID[] caseIds;

    @Column(name = "child_ids")
    public UUID[] childIds;

    /** What was accessed, e.g. "case", "case history", "case search". */
    public String what;

    /** Search criteria and other details; CPR numbers only masked. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> criteria;
}
