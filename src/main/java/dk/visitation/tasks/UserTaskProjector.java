package dk.visitation.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.workflow.EngineGeneration;
import dk.visitation.workflow.JobHandler;
import dk.visitation.workflow.JobLock;
import dk.visitation.workflow.ModelCatalog;
import dk.visitation.workflow.Outbox;
import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Projects job-based user tasks into the task table. The job stays activated (for 30 days) until the
 * person completes the task; a later job for the same step — after a time-out or an engine restart —
 * re-links the existing row instead of adding one, so claims survive and nothing doubles.
 * A step already completed in an instance the engine has since forgotten is not asked again: its new
 * job is completed with the outcome the person gave (the completion had not reached the engine, or the
 * engine lost what followed it).
 */
@ApplicationScoped
public class UserTaskProjector implements JobHandler {

    static final String USER_TASK = "io.camunda.zeebe:userTask";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OUTCOME = new TypeReference<>() {
    };

    private final ModelCatalog models;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final EngineGeneration generation;
    private final TaskService tasks;

    UserTaskProjector(ModelCatalog models, ObjectMapper json, Outbox outbox, EngineGeneration generation, TaskService tasks) {
        this.tasks = tasks;
        this.models = models;
        this.json = json;
        this.outbox = outbox;
        this.generation = generation;
    }

    @Override
    public String jobType() {
        return USER_TASK;
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.of(Duration.ofDays(30));
    }

    @Override
    public Map<String, Object> handle(ActivatedJob job) throws Exception {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> variables = job.getVariablesAsMap();
        UUID caseId = uuid(variables.get("caseId"));
        UUID subjectId = uuid(variables.get("subjectId"));
        List<String> groups = json.readValue(headers.getOrDefault("io.camunda.zeebe:candidateGroups", "[]"), STRINGS);
        Object loop = variables.get("loopCounter");
        int loopCounter = loop instanceof Number n ? n.intValue() : 0;
        String issuedBy = generation.current();
        QuarkusTransaction.requiringNew().run(() -> {
            UUID key = subjectId != null ? subjectId : caseId;
            JobLock.hold(caseId != null ? caseId : key);
            if (completeIfDone(job, issuedBy, key, loopCounter)) {
                return;
            }
            if (tasks.stillToDo(headers.get("io.camunda.zeebe:formKey"), caseId, subjectId)) {
                open(job, issuedBy, caseId, subjectId, loopCounter, groups, headers);
            } else {
                tasks.cancel(key, job.getElementId(), dk.visitation.common.Actor.SYSTEM); // done while the engine caught up
            }
        });
        return LEAVE_OPEN;
    }

    /**
     * When the step was completed in a forgotten instance (and not yet in this one), completes the new job the same way.
     * An instance is known by its key and the engine generation: a fresh in-process engine hands out the same keys again.
     */
    private boolean completeIfDone(ActivatedJob job, String issuedBy, UUID key, int loopCounter) {
        @SuppressWarnings("unchecked")
        List<Object[]> done = Panache.getEntityManager().createNativeQuery("""
                        select t.id, cast(t.outcome as text) from task t
                        where coalesce(t.subject_id, t.case_id) = :key and t.element_id = :element and t.loop_counter = :loop
                          and t.status = 'COMPLETED'
                          and (t.process_instance_key <> :instance or t.job_generation is distinct from :generation)
                          and not exists (select 1 from task o where coalesce(o.subject_id, o.case_id) = :key
                                          and o.element_id = :element and o.loop_counter = :loop
                                          and (o.status = 'OPEN' or (o.process_instance_key = :instance
                                                                     and o.job_generation is not distinct from :generation)))
                        order by t.completed_at desc limit 1""")
                .setParameter("key", key).setParameter("element", job.getElementId()).setParameter("loop", loopCounter)
                .setParameter("instance", job.getProcessInstanceKey()).setParameter("generation", issuedBy).getResultList();
        if (done.isEmpty()) {
            return false;
        }
        Map<String, Object> outcome;
        try {
            outcome = done.getFirst()[1] == null ? Map.of() : json.readValue((String) done.getFirst()[1], OUTCOME);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        UUID command = outbox.completeJob(job.getKey(), issuedBy, outcome);
        Panache.getEntityManager().createNativeQuery("""
                        update task set job_key = :job, job_generation = :generation, process_instance_key = :instance,
                                        completion_command_id = :command
                        where id = :id""")
                .setParameter("job", job.getKey()).setParameter("generation", issuedBy).setParameter("instance", job.getProcessInstanceKey())
                .setParameter("command", command).setParameter("id", done.getFirst()[0]).executeUpdate();
        return true;
    }

    private void open(ActivatedJob job, String issuedBy, UUID caseId, UUID subjectId, int loopCounter, List<String> groups,
            Map<String, String> headers) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into task (id, case_id, subject_id, process_instance_key, element_id, loop_counter, job_key,
                                          job_generation, name, candidate_group, assignee, due_at, follow_up_at, priority, form_key, status,
                                          created_at, version)
                        values (:id, :case, :subject, :instance, :element, :loop, :job, :generation, :name, :group, :assignee, :due,
                                :followUp, :priority, :form, 'OPEN', :now, 0)
                        on conflict ((coalesce(subject_id, case_id)), element_id, loop_counter) where status = 'OPEN'
                        do update set job_key = excluded.job_key, job_generation = excluded.job_generation,
                                      process_instance_key = excluded.process_instance_key,
                                      version = task.version + 1""")
                .setParameter("id", UUID.randomUUID())
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("case", caseId, UUID.class)
                .setParameter("subject", subjectId, UUID.class)
                .setParameter("instance", job.getProcessInstanceKey())
                .setParameter("element", job.getElementId())
                .setParameter("loop", loopCounter)
                .setParameter("job", job.getKey())
                .setParameter("generation", issuedBy)
                .setParameter("name", models.elementName(job.getElementId()).orElse(job.getElementId()))
                .setParameter("group", groups.isEmpty() ? "UNASSIGNED" : groups.getFirst())
                .setParameter("assignee", blankToNull(headers.get("io.camunda.zeebe:assignee")), String.class)
                .setParameter("due", instant(headers.get("io.camunda.zeebe:dueDate")))
                .setParameter("followUp", instant(headers.get("io.camunda.zeebe:followUpDate")))
                .setParameter("priority", Integer.parseInt(headers.getOrDefault("priority", "50")))
                .setParameter("form", headers.get("io.camunda.zeebe:formKey"))
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A task is about a case, a subject (review, statement) or both; the model names them in variables. */
    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }

    /** The engine writes zoned date-times such as 2026-11-27T00:11:41.965Z[Etc/UTC]. */
    static Instant instant(String value) {
        return value == null || value.isBlank() ? null : ZonedDateTime.parse(value, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    }
}
