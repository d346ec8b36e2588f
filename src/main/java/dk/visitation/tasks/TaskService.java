package dk.visitation.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import dk.visitation.workflow.Outbox;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The task list: who may see, claim and complete which task. A task belongs to its candidate group;
 * callers outside it do not see it (404). Completing validates the input against the task's form,
 * records the effect and queues the job completion in one transaction.
 */
@ApplicationScoped
public class TaskService {

    private final Caller caller;
    private final Outbox outbox;
    private final Map<String, TaskForm> forms = new HashMap<>();

    TaskService(Caller caller, Outbox outbox, Instance<TaskForm> forms) {
        this.caller = caller;
        this.outbox = outbox;
        forms.forEach(form -> {
            if (this.forms.put(form.formKey(), form) != null) {
                throw new IllegalStateException("Two forms for " + form.formKey());
            }
        });
    }

    public record TaskQuery(String candidateGroup, String assignee, UUID caseId, UUID subjectId, Instant dueBefore, Task.Status status) {
    }

    @Transactional
    public Page<Task> list(TaskQuery query, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("status = :status");
        params.and("status", query.status() == null ? Task.Status.OPEN : query.status());
        if (!caller.hasRole(Role.LEADER)) {
            where.add("candidateGroup in :groups");
            params.and("groups", caller.taskGroups().isEmpty() ? List.of("-") : caller.taskGroups());
        }
        if (query.candidateGroup() != null) {
            where.add("candidateGroup = :group");
            params.and("group", query.candidateGroup());
        }
        if (query.assignee() != null) {
            where.add("assignee = :assignee");
            params.and("assignee", query.assignee().equals("me") ? caller.user() : query.assignee());
        }
        if (query.caseId() != null) {
            where.add("caseId = :caseId");
            params.and("caseId", query.caseId());
        }
        if (query.subjectId() != null) {
            where.add("subjectId = :subjectId");
            params.and("subjectId", query.subjectId());
        }
        if (query.dueBefore() != null) {
            where.add("dueAt < :dueBefore");
            params.and("dueBefore", query.dueBefore());
        }
        var found = Task.<Task>find("from Task where " + String.join(" and ", where)
                + " order by dueAt asc nulls last, priority desc, createdAt, id", params);
        List<Task> items = found.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, found.count());
    }

    @Transactional
    public Task get(UUID id) {
        Task task = Task.findById(id);
        if (task == null || !(caller.hasRole(Role.LEADER) || caller.taskGroups().contains(task.candidateGroup))) {
            throw ProblemException.notFound("Task", id);
        }
        return task;
    }

    /** Takes the task; 409 when someone else has it or it is done. */
    @Transactional
    public Task claim(UUID id) {
        Task task = open(id);
        if (task.assignee != null && !task.assignee.equals(caller.user())) {
            throw new ProblemException(ProblemType.CONFLICT, "The task is claimed by " + task.assignee);
        }
        task.assignee = caller.user();
        task.persistAndFlush();
        return task;
    }

    /** Gives the task back to the group: by its assignee or a leader. */
    @Transactional
    public Task unclaim(UUID id) {
        Task task = open(id);
        if (task.assignee != null && !task.assignee.equals(caller.user()) && !caller.hasRole(Role.LEADER)) {
            throw new ProblemException(ProblemType.CONFLICT, "Only " + task.assignee + " or a leader can release the task");
        }
        task.assignee = null;
        task.persistAndFlush();
        return task;
    }

    /** Hands the task to another person in the same group. */
    @Transactional
    public Task reassign(UUID id, String assignee) {
        Task task = open(id);
        task.assignee = assignee;
        task.persistAndFlush();
        return task;
    }

    /** Completes the task with the form's input: 400 on a bad form and nothing is completed. */
    @Transactional
    public Task complete(UUID id, JsonNode input) {
        Task task = open(id);
        if (task.assignee != null && !task.assignee.equals(caller.user())) {
            throw new ProblemException(ProblemType.CONFLICT, "The task is claimed by " + task.assignee);
        }
        JsonNode body = input == null || input.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : input;
        if (!body.isObject()) {
            throw new ProblemException(ProblemType.VALIDATION, "The task's input must be a JSON object");
        }
        TaskForm form = task.formKey == null ? null : forms.get(task.formKey);
        Map<String, Object> variables;
        if (form == null) {
            if (!body.isEmpty()) {
                throw ProblemException.invalid(body.fieldNames().next(), "this task takes no input");
            }
            variables = Map.of();
        } else {
            variables = form.complete(new TaskForm.CompletedTask(task.id, task.caseId, task.subjectId, task.elementId, caller.user()), body);
        }
        task.status = Task.Status.COMPLETED;
        task.assignee = caller.user();
        task.completedBy = caller.user();
        task.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        task.outcome = variables.isEmpty() ? null : Map.copyOf(variables);
        task.completionCommandId = outbox.completeJob(task.jobKey, task.jobGeneration, variables);
        task.persistAndFlush();
        return task;
    }

    private Task open(UUID id) {
        Task task = get(id);
        if (task.status == Task.Status.CANCELED) {
            throw new ProblemException(ProblemType.CONFLICT, "The task is no longer to do: its work was done otherwise");
        }
        if (task.status != Task.Status.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "The task was completed by " + task.completedBy);
        }
        return task;
    }

    /**
     * Takes the open tasks about {@code subjectId} (a handover, say) at {@code elementId} — all of them when null — off
     * the task list: the work they stood for is done, or no longer wanted. The engine's job needs no answer: the process
     * leaves the step by a message or is ended. Returns how many were open.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancel(UUID subjectId, String elementId, String by) {
        return Task.update("""
                        status = :canceled, completedBy = :by, completedAt = :now, version = version + 1
                        where coalesce(subjectId, caseId) = :key and status = :open and (:element is null or elementId = :element)""",
                Parameters.with("canceled", Task.Status.CANCELED).and("by", by).and("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                        .and("key", subjectId).and("open", Task.Status.OPEN).and("element", elementId));
    }

    /** Whether the step behind a new job is still to do, by its form's feature (true for a task without a form). */
    boolean stillToDo(String formKey, UUID caseId, UUID subjectId) {
        TaskForm form = formKey == null ? null : forms.get(formKey);
        return form == null || form.stillToDo(caseId, subjectId);
    }
}
