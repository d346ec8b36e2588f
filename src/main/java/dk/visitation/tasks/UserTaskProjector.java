package dk.visitation.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.workflow.JobHandler;
import dk.visitation.workflow.ModelCatalog;
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
 * person completes the task; a later job for the same step — after a time-out, an engine restart or a
 * recycle — re-links the existing row instead of adding one, so claims survive and nothing doubles.
 */
@ApplicationScoped
public class UserTaskProjector implements JobHandler {

    static final String USER_TASK = "io.camunda.zeebe:userTask";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ModelCatalog models;
    private final ObjectMapper json;

    UserTaskProjector(ModelCatalog models, ObjectMapper json) {
        this.models = models;
        this.json = json;
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
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                        insert into task (id, case_id, subject_id, process_instance_key, element_id, loop_counter, job_key, name,
                                          candidate_group, due_at, follow_up_at, priority, form_key, status, created_at, version)
                        values (:id, :case, :subject, :instance, :element, :loop, :job, :name, :group, :due, :followUp, :priority,
                                :form, 'OPEN', :now, 0)
                        on conflict ((coalesce(subject_id, case_id)), element_id, loop_counter) where status = 'OPEN'
                        do update set job_key = excluded.job_key, process_instance_key = excluded.process_instance_key,
                                      version = task.version + 1""")
                .setParameter("id", UUID.randomUUID())
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("case", caseId, UUID.class)
                .setParameter("subject", subjectId, UUID.class)
                .setParameter("instance", job.getProcessInstanceKey())
                .setParameter("element", job.getElementId())
                .setParameter("loop", loop instanceof Number n ? n.intValue() : 0)
                .setParameter("job", job.getKey())
                .setParameter("name", models.elementName(job.getElementId()).orElse(job.getElementId()))
                .setParameter("group", groups.isEmpty() ? "UNASSIGNED" : groups.getFirst())
                .setParameter("due", instant(headers.get("io.camunda.zeebe:dueDate")))
                .setParameter("followUp", instant(headers.get("io.camunda.zeebe:followUpDate")))
                .setParameter("priority", Integer.parseInt(headers.getOrDefault("priority", "50")))
                .setParameter("form", headers.get("io.camunda.zeebe:formKey"))
                .setParameter("now", Instant.now())
                .executeUpdate());
        return LEAVE_OPEN;
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
