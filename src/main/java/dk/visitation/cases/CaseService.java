package dk.visitation.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Actor;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.workflow.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Intake and upkeep of case records; starts each case's visitation process through the outbox. */
@ApplicationScoped
public class CaseService {

    /** The message that starts a case's visitation process, correlated by the case id. */
    public static final String CASE_RECEIVED = "visitation.case-received";

    static final Set<String> EDITABLE = Set.of("description", "adviser", "source", "receivedAt");

    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Validator validator;

    CaseService(IdempotencyKeys idempotencyKeys, Outbox outbox, Validator validator) {
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.validator = validator;
    }

    public record Intake(ChildCase childCase, boolean replayed) {
    }

    /** Registers a case, its first status and the command that starts its visitation process. */
    @Transactional
    public Intake register(CaseApi.NewCase request, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim("cases.register", idempotencyKey, request, id);
            if (earlier.isPresent()) {
                return new Intake(get(earlier.get()), true);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps: reads equal the response
        ChildCase childCase = new ChildCase();
        childCase.id = id;
        childCase.child = childFor(Cpr.parse(request.child().cpr()), request.child().name(), now);
        childCase.source = request.source();
        childCase.receivedAt = request.receivedAt().toInstant();
        childCase.description = request.description();
        childCase.department = request.department() == null ? Department.MYN : request.department();
        childCase.status = CaseStatus.RECEIVED;
        childCase.adviser = blankToNull(request.adviser());
        childCase.createdAt = now;
        childCase.updatedAt = now;
        childCase.persist();
        CaseStatusChange.of(childCase, Actor.ANONYMOUS, "Henvendelse modtaget", now).persist();
        startProcess(id);
        return new Intake(childCase, false);
    }

    /** Starts the case's process again in an engine that has forgotten it (see ProcessRebuild). */
    @Transactional(Transactional.TxType.MANDATORY)
    void restartProcess(UUID caseId) {
        startProcess(caseId);
    }

    private void startProcess(UUID caseId) {
        // one start message per case: a repeated send is refused by its id, and the engine runs at
        // most one instance per correlation key at a time
        outbox.publishMessage(CASE_RECEIVED, caseId.toString(), "case-received:" + caseId,
                Map.of("caseId", caseId.toString()));
    }

    @Transactional
    public ChildCase get(UUID id) {
        ChildCase childCase = ChildCase.findById(id);
        if (childCase == null) {
            throw ProblemException.notFound("Case", id);
        }
        return childCase;
    }

    @Transactional
    public Page<ChildCase> list(CaseFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.department != null) {
            where.add("department = :department");
            params.and("department", filter.department);
        }
        if (filter.status != null) {
            where.add("status = :status");
            params.and("status", filter.status);
        }
        if (filter.receivedFrom != null) {
            where.add("receivedAt >= :from");
            params.and("from", filter.receivedFrom.toInstant());
        }
        if (filter.receivedTo != null) {
            where.add("receivedAt < :to");
            params.and("to", filter.receivedTo.toInstant());
        }
        if (filter.adviser != null && !filter.adviser.isBlank()) {
            where.add("adviser = :adviser");
            params.and("adviser", filter.adviser);
        }
        if (filter.receivedFrom != null && filter.receivedTo != null && !filter.receivedFrom.isBefore(filter.receivedTo)) {
            throw ProblemException.invalid("receivedTo", "must be after receivedFrom");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return page(ChildCase.find(query, Sort.descending("receivedAt").and("id"), params), page);
    }

    /** Cases of the child with this CPR number; the number travels in a body, never in a URL. */
    @Transactional
    public Page<ChildCase> search(Cpr cpr, PageRequest page) {
        return page(ChildCase.find("child.cpr = ?1", Sort.descending("receivedAt").and("id"), cpr.digits()), page);
    }

    /** Applies a JSON merge patch (RFC 7396) of the editable fields to the version named by If-Match. */
    @Transactional
    public ChildCase patch(UUID id, String ifMatch, JsonNode patch) {
        ChildCase childCase = get(id);
        ETags.requireCurrent(ifMatch, childCase.version);
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.VALIDATION, "A merge patch must be a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!EDITABLE.contains(name)) {
                errors.add(new Problem.FieldError(name, "cannot be changed here; editable: " + String.join(", ", EDITABLE.stream().sorted().toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch changes fields that are not editable", errors);
        }
        Editable edited = new Editable(
                patch.has("description") ? text(patch.get("description"), "description", errors) : childCase.description,
                patch.has("adviser") ? text(patch.get("adviser"), "adviser", errors) : childCase.adviser,
                patch.has("source") ? enumValue(patch.get("source"), "source", errors) : childCase.source,
                patch.has("receivedAt") ? dateTime(patch.get("receivedAt"), errors) : CaseApi.local(childCase.receivedAt));
        for (ConstraintViolation<Editable> violation : validator.validate(edited)) {
            errors.add(new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch is not valid", errors);
        }
        childCase.description = edited.description();
        childCase.adviser = blankToNull(edited.adviser());
        childCase.source = edited.source();
        childCase.receivedAt = edited.receivedAt().toInstant();
        childCase.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        childCase.persistAndFlush(); // bumps the version now, so the response carries the new ETag
        return childCase;
    }

    @Transactional
    public List<CaseStatusChange> history(UUID id) {
        get(id);
        return CaseStatusChange.list("caseId", Sort.ascending("changedAt").and("id"), id);
    }

    /**
     * Called by the process once its instance runs: the case now waits for the assessment. Targeted
     * updates, not a read-modify-write: a person may be editing the case at the same moment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void processStarted(UUID caseId, long processInstanceKey) {
        Instant now = Instant.now();
        int advanced = ChildCase.update("""
                        processInstanceKey = ?1, status = ?2, version = version + 1, updatedAt = ?3
                        where id = ?4 and status = ?5""",
                processInstanceKey, CaseStatus.AWAITING_ASSESSMENT, now, caseId, CaseStatus.RECEIVED);
        if (advanced == 1) {
            ChildCase.getEntityManager().createNativeQuery("""
                            insert into case_status_change (case_id, status, department, changed_at, changed_by, reason)
                            select id, status, department, :now, :by, :reason from child_case where id = :id""")
                    .setParameter("now", now).setParameter("by", Actor.SYSTEM)
                    .setParameter("reason", "Afventer målgruppevurdering").setParameter("id", caseId)
                    .executeUpdate();
            return;
        }
        // a process rebuilt after an engine restart: only the instance key is new
        int relinked = ChildCase.update("""
                        processInstanceKey = ?1, version = version + 1, updatedAt = ?2
                        where id = ?3 and (processInstanceKey is null or processInstanceKey <> ?1)""",
                processInstanceKey, now, caseId);
        if (relinked == 0 && ChildCase.count("id", caseId) == 0) {
            throw new IllegalStateException("The process names case " + caseId + ", which does not exist");
        }
    }

    /** The fields a merge patch may change, validated with the same rules as intake. */
    record Editable(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 4000) String description,
            @jakarta.validation.constraints.Size(max = 100) String adviser,
            @jakarta.validation.constraints.NotNull RequestSource source,
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PastOrPresent OffsetDateTime receivedAt) {
    }

    private static Page<ChildCase> page(PanacheQuery<ChildCase> query, PageRequest page) {
        List<ChildCase> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, query.count());
    }

    private static Child childFor(Cpr cpr, String name, Instant now) {
        // insert-or-nothing, so two intakes for one new child at once do not collide on the unique CPR
        Child.getEntityManager().createNativeQuery("""
                        insert into child (id, cpr, name, created_at) values (:id, :cpr, :name, :now)
                        on conflict (cpr) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("cpr", cpr.digits())
                .setParameter("name", name)
                .setParameter("now", now)
                .executeUpdate();
        return Child.byCpr(cpr).orElseThrow();
    }

    private static String text(JsonNode node, String field, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
        }
        return node.asText();
    }

    private static RequestSource enumValue(JsonNode node, String field, List<Problem.FieldError> errors) {
        try {
            return node == null || node.isNull() ? null : RequestSource.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + List.of(RequestSource.values())));
            return RequestSource.OTHER_AUTHORITY;
        }
    }

    private static OffsetDateTime dateTime(JsonNode node, List<Problem.FieldError> errors) {
        try {
            return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new Problem.FieldError("receivedAt", "must be an ISO-8601 date-time with offset"));
            return OffsetDateTime.now();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
