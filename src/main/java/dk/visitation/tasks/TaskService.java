package dk.visitation.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import dk.visitation.workflow.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    private final dk.visitation.security.AccessLog accessLog;
    private final Map<String, TaskForm> forms = new HashMap<>();
    /** Memberships already in {@code task_group_member}: spares the insert on every call. */
    private final java.util.Set<String> knownMembers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TaskService(Caller caller, Outbox outbox, Instance<TaskForm> forms, dk.visitation.security.AccessLog accessLog) {
        this.caller = caller;
        this.accessLog = accessLog;
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
        rememberMembership();
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
        List<UUID> cases = items.stream().map(t -> t.caseId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!cases.isEmpty()) { // a task names its case and what was decided in it: a read of the child's case
            Map<String, Object> criteria = new HashMap<>();
            params.map().forEach((name, value) -> criteria.put(name, String.valueOf(value)));
            accessLog.record(dk.visitation.security.AccessLog.Action.SEARCH, "task list", cases, List.of(), criteria);
        }
        return new Page<>(items, page.page, page.size, found.count());
    }

    @Transactional
    public Task get(UUID id) {
        rememberMembership();
        Task task = Task.findById(id);
        if (task == null || !(caller.hasRole(Role.LEADER) || caller.taskGroups().contains(task.candidateGroup))) {
            throw ProblemException.notFound("Task", id);
        }
        return task;
    }

    /** Reads a task for the caller; a task of a case is a read of the child's case, logged. */
    @Transactional
    public Task read(UUID id) {
        Task task = get(id);
        if (task.caseId != null) {
            accessLog.record(dk.visitation.security.AccessLog.Action.READ, "task", List.of(task.caseId), List.of(), Map.of());
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
        if (!caller.user().equals(task.assignee)) {
            TaskHistory.record(task.id, caller.user(), TaskHistory.Action.CLAIM, task.assignee, caller.user());
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
        if (task.assignee != null) {
            TaskHistory.record(task.id, caller.user(), TaskHistory.Action.UNCLAIM, task.assignee, null);
        }
        task.assignee = null;
        task.persistAndFlush();
        return task;
    }

    /**
     * Hands the task to another member of its candidate group. A claimed task only by its assignee or a
     * leader (403 otherwise); the new assignee must be a member of the group (422 otherwise): a user who
     * has used the task list with a role giving that group ({@code task_group_member}).
     */
    @Transactional
    public Task reassign(UUID id, String assignee) {
        Task task = open(id);
        if (task.assignee != null && !task.assignee.equals(caller.user()) && !caller.hasRole(Role.LEADER)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only " + task.assignee + " or a leader can hand on a claimed task");
        }
        if (!isMember(task.candidateGroup, assignee)) {
            throw new ProblemException(ProblemType.BUSINESS_RULE,
                    assignee + " is not a member of the task's group " + task.candidateGroup);
        }
        if (!assignee.equals(task.assignee)) {
            TaskHistory.record(task.id, caller.user(), TaskHistory.Action.REASSIGN, task.assignee, assignee);
        }
        task.assignee = assignee;
        task.persistAndFlush();
        return task;
    }

    /** Who took, released and handed on the task, oldest first. */
    @Transactional
    public List<TaskHistory> history(UUID id) {
        get(id);
        return TaskHistory.list("taskId = ?1 order by at, id", id);
    }

    boolean isMember(String group, String user) {
        return !Task.getEntityManager().createNativeQuery(
                "select 1 from task_group_member where candidate_group = :group and user_name = :user")
                .setParameter("group", group).setParameter("user", user).getResultList().isEmpty();
    }

    /** Registers the caller as a member of each task group its roles give, once per user and group. */
    private void rememberMembership() {
        String user = caller.user();
        for (String group : caller.taskGroups()) {
            String key = group + "/" + user;
            if (knownMembers.contains(key)) {
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> Task.getEntityManager().createNativeQuery(
                    "insert into task_group_member (candidate_group, user_name, first_seen) values (:group, :user, now())"
                            + " on conflict do nothing")
                    .setParameter("group", group).setParameter("user", user).executeUpdate());
            if (knownMembers.size() > 100_000) {
                knownMembers.clear();
            }
            knownMembers.add(key);
        }
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
