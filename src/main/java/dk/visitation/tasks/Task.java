package dk.visitation.tasks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's task from a BPMN user task: the row the task list reads. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    /** CANCELED: the work the task stood for was done otherwise (e.g. the open work before a handover was closed). */
    public enum Status { OPEN, COMPLETED, CANCELED }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** What the task is about beyond the case step: a review or a settlement statement (process variable subjectId). */
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "process_instance_key")
    public long processInstanceKey;

    @Column(name = "element_id")
    public String elementId;

    @Column(name = "loop_counter")
    public int loopCounter;

    /** The newest job for this step; the one completed when the person is done. */
    @Column(name = "job_key")
    public long jobKey;

    /** The engine generation that issued {@link #jobKey} (job keys repeat across in-process engines). */
    @Column(name = "job_generation")
    public String jobGeneration;

    public String name;

    @Column(name = "candidate_group")
    public String candidateGroup;

    public String assignee;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "follow_up_at")
    public Instant followUpAt;

    public int priority;

    @Column(name = "form_key")
    public String formKey;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The variables the task was completed with: outcomes and ids, as handed to the process. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> outcome;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The outbox command that carries the completion to the engine. */
    @Column(name = "completion_command_id")
    public UUID completionCommandId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
