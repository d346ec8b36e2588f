package dk.visitation.tasks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Who took, released or handed on a task, and from whom to whom. Append-only. */
@Entity
@Immutable
@Table(name = "task_history")
public class TaskHistory extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TaskHistoryAction")
    public enum Action { CLAIM, UNCLAIM, REASSIGN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public UUID taskId;

    public Instant at;

    public String actor;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    @Column(name = "old_assignee")
    public String oldAssignee;

    @Column(name = "new_assignee")
    public String newAssignee;

    static void record(UUID taskId, String actor, Action action, String oldAssignee, String newAssignee) {
        TaskHistory entry = new TaskHistory();
        entry.taskId = taskId;
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.action = action;
        entry.oldAssignee = oldAssignee;
        entry.newAssignee = newAssignee;
        entry.persist();
    }
}
