package dk.visitation.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
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
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Intake and upkeep of case records; starts each case's visitation process through the outbox. */
@ApplicationScoped
public class CaseService {

    /** The message that starts a case's visitation process, correlated by the case id. */
    public static final String CASE_RECEIVED = "visitation.case-received";

    static final Set<String> EDITABLE = Set.of("description", "adviser", "source", "receivedAt");

    /** The header that carries the reason for a change (required after the decision). */
    public static final String CHANGE_REASON = "Change-Reason";

    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Validator validator;
    private final Caller caller;
    private final AccessLog accessLog;
    private final CaseAuditTrail trail;
    private final int previousDepartmentDays;
    private final jakarta.enterprise.event.Event<CaseRegistered> registered;
    private final List<InsightSection> sections;

    CaseService(IdempotencyKeys idempotencyKeys, Outbox outbox, Validator validator, Caller caller, AccessLog accessLog,
            @ConfigProperty(name = "visitation.scope.previous-department-days", defaultValue = "30") int previousDepartmentDays,
            jakarta.enterprise.event.Event<CaseRegistered> registered, jakarta.enterprise.inject.Instance<InsightSection> sections,
            CaseAuditTrail trail) {
        this.trail = trail;
        this.registered = registered;
        this.sections = sections.stream().toList();
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.validator = validator;
        this.caller = caller;
        this.accessLog = accessLog;
        this.previousDepartmentDays = previousDepartmentDays;
    }

    public record Intake(ChildCase childCase, boolean replayed) {
    }

    /** Registers a case, its first status and the command that starts its visitation process. */
    @Transactional
    public Intake register(CaseApi.NewCase request, String idempotencyKey, String reason) {
        Department department = request.department() == null ? Department.MYN : request.department();
        if (!caller.hasRole(Role.SYSTEM) && !caller.departments().contains(department)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "You can register cases only in your own department(s): " + caller.departments());
        }
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim("cases.register", idempotencyKey, request, id);
            if (earlier.isPresent()) {
                ChildCase first = find(earlier.get());
                log(AccessLog.Action.READ, "case (repeated registration)", first);
                return new Intake(first, true);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps: reads equal the response
        ChildCase childCase = new ChildCase();
        childCase.id = id;
        childCase.child = childFor(Cpr.parse(request.child().cpr()), request.child().name(), now);
        childCase.source = request.source();
        childCase.receivedAt = request.receivedAt().toInstant();
        childCase.description = request.description();
        childCase.department = department;
        childCase.status = CaseStatus.RECEIVED;
        childCase.adviser = blankToNull(request.adviser());
        childCase.createdAt = now;
        childCase.updatedAt = now;
        childCase.persist();
        CaseStatusChange.of(childCase, caller.user(), "Henvendelse modtaget", now).persist();
        CaseAudit.record(id, now, caller.user(), "CREATE", null, null, childCase.department, reason);
        log(AccessLog.Action.CREATE, "case", childCase);
        registered.fire(new CaseRegistered(id, department, childCase.receivedAt.atZone(CaseApi.DENMARK).toLocalDate()));
        startProcess(id);
        return new Intake(childCase, false);
    }

    /** Starts the case's process again in an engine that has forgotten it, resuming at an element (ProcessRebuild). */
    @Transactional(Transactional.TxType.MANDATORY)
    void restartProcess(UUID caseId, String resumeAt) {
        outbox.publishMessage(CASE_RECEIVED, caseId.toString(), "case-received:" + caseId,
                Map.of("caseId", caseId.toString(), "resumeAt", resumeAt));
    }

    private void startProcess(UUID caseId) {
        // one start message per case: a repeated send is refused by its id, and the engine runs at
        // most one instance per correlation key at a time
        outbox.publishMessage(CASE_RECEIVED, caseId.toString(), "case-received:" + caseId,
                Map.of("caseId", caseId.toString(), "resumeAt", "assess-target-group"));
    }

    /** Reads a case the caller may see; logged. Out of scope is 404, as if it did not exist. */
    @Transactional
    public ChildCase read(UUID id) {
        ChildCase childCase = visible(id);
        log(AccessLog.Action.READ, "case", childCase);
        return childCase;
    }

    private ChildCase find(UUID id) {
        ChildCase childCase = ChildCase.findById(id);
        if (childCase == null) {
            throw ProblemException.notFound("Case", id);
        }
        return childCase;
    }

    private ChildCase visible(UUID id) {
        ChildCase childCase = ChildCase.findById(id);
        if (childCase == null || !inScope(childCase)) {
            throw ProblemException.notFound("Case", id);
        }
        return childCase;
    }

    /** The caller's department is the current, the contributing or (for a while) a previous one. */
    private boolean inScope(ChildCase childCase) {
        if (caller.seesAllCases()) {
            return true;
        }
        if (caller.hasRole(Role.COMMITTEE_MEMBER) && childCase.status == CaseStatus.ON_COMMITTEE_AGENDA) {
            return true; // the committee reads the cases on its agenda, whichever department they are in
        }
        Set<Department> departments = caller.departments();
        return departments.contains(childCase.department)
                || departments.contains(childCase.contributingDepartment)
                || (!departments.isEmpty() && CaseStatusChange.count("caseId = ?1 and department in ?2 and changedAt > ?3",
                        childCase.id, departments, previousDepartmentSince()) > 0);
    }

    private Instant previousDepartmentSince() {
        return Instant.now().minus(previousDepartmentDays, ChronoUnit.DAYS);
    }

    /** The same scope as {@link #inScope} as a query condition on alias {@code c}. */
    private void scope(List<String> where, Parameters params) {
        if (caller.seesAllCases()) {
            return;
        }
        Set<Department> departments = caller.departments();
        String agenda = caller.hasRole(Role.COMMITTEE_MEMBER) ? " or c.status = :agendaStatus" : "";
        if (!agenda.isEmpty()) {
            params.and("agendaStatus", CaseStatus.ON_COMMITTEE_AGENDA);
        }
        if (departments.isEmpty()) {
            where.add(agenda.isEmpty() ? "1 = 0" : "(" + agenda.substring(4) + ")");
            return;
        }
        where.add("""
                (c.department in :scopeDepartments or c.contributingDepartment in :scopeDepartments
                 or exists (select 1 from CaseStatusChange h where h.caseId = c.id
                            and h.department in :scopeDepartments and h.changedAt > :scopeSince)""" + agenda + ")");
        params.and("scopeDepartments", departments).and("scopeSince", previousDepartmentSince());
    }

    private void log(AccessLog.Action action, String what, ChildCase childCase) {
        accessLog.record(action, what, List.of(childCase.id), List.of(childCase.child.id), Map.of());
    }

    @Transactional
    public Page<ChildCase> list(CaseFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Map<String, Object> criteria = new TreeMap<>();
        if (filter.department != null) {
            where.add("c.department = :department");
            params.and("department", filter.department);
            criteria.put("department", filter.department.name());
        }
        if (filter.status != null) {
            where.add("c.status = :status");
            params.and("status", filter.status);
            criteria.put("status", filter.status.name());
        }
        if (filter.receivedFrom != null) {
            where.add("c.receivedAt >= :from");
            params.and("from", filter.receivedFrom.toInstant());
            criteria.put("receivedFrom", filter.receivedFrom.toString());
        }
        if (filter.receivedTo != null) {
            where.add("c.receivedAt < :to");
            params.and("to", filter.receivedTo.toInstant());
            criteria.put("receivedTo", filter.receivedTo.toString());
        }
        if (filter.adviser != null && !filter.adviser.isBlank()) {
            where.add("c.adviser = :adviser");
            params.and("adviser", filter.adviser);
            criteria.put("adviser", filter.adviser);
        }
        if (filter.receivedFrom != null && filter.receivedTo != null && !filter.receivedFrom.isBefore(filter.receivedTo)) {
            throw ProblemException.invalid("receivedTo", "must be after receivedFrom");
        }
        scope(where, params);
        Page<ChildCase> result = page(where, params, page);
        logSearch("case list", result, criteria, List.of());
        return result;
    }

    /** Cases of the child with this CPR number; the number travels in a body, never in a URL. */
    @Transactional
    public Page<ChildCase> search(Cpr cpr, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("c.child.cpr = :cpr"));
        Parameters params = Parameters.with("cpr", cpr.digits());
        scope(where, params);
        Page<ChildCase> result = page(where, params, page);
        // the searched child counts as accessed even when nothing in scope was found
        List<UUID> searched = Child.byCpr(cpr).map(child -> List.of(child.id)).orElse(List.of());
        logSearch("case search by CPR", result, Map.of("cpr", cpr.masked()), searched);
        return result;
    }

    private void logSearch(String what, Page<ChildCase> result, Map<String, Object> criteria, List<UUID> searched) {
        List<UUID> children = new ArrayList<>(searched);
        result.items().forEach(c -> children.add(c.child.id));
        accessLog.record(AccessLog.Action.SEARCH, what, result.items().stream().map(c -> c.id).toList(), children,
                Map.of("criteria", criteria, "page", result.page(), "found", result.total()));
    }

    /** Applies a JSON merge patch (RFC 7396) of the editable fields to the version named by If-Match. */
    @Transactional
    public ChildCase patch(UUID id, String ifMatch, JsonNode patch, String reason) {
        ChildCase childCase = visible(id);
        // read again under a row lock, so concurrent patches check the version one after the other
        ChildCase.getEntityManager().refresh(childCase, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ETags.requireCurrent(ifMatch, childCase.version);
        if (childCase.status.decided() && (reason == null || reason.isBlank())) {
            throw new ProblemException(ProblemType.VALIDATION, "A change after the decision needs a reason",
                    List.of(new Problem.FieldError(CHANGE_REASON, "is required after the decision")));
        }
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
                patch.has("receivedAt") ? dateTime(patch.get("receivedAt"), errors) : dk.visitation.common.Times.local(childCase.receivedAt));
        for (ConstraintViolation<Editable> violation : validator.validate(edited)) {
            errors.add(new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch is not valid", errors);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = caller.user();
        audit(childCase.id, now, actor, "description", childCase.description, edited.description(), reason);
        audit(childCase.id, now, actor, "adviser", childCase.adviser, blankToNull(edited.adviser()), reason);
        audit(childCase.id, now, actor, "source", childCase.source, edited.source(), reason);
        audit(childCase.id, now, actor, "receivedAt", childCase.receivedAt, edited.receivedAt().toInstant(), reason);
        childCase.description = edited.description();
        childCase.adviser = blankToNull(edited.adviser());
        childCase.source = edited.source();
        childCase.receivedAt = edited.receivedAt().toInstant();
        childCase.updatedAt = now;
        childCase.persistAndFlush(); // bumps the version now, so the response carries the new ETag
        log(AccessLog.Action.CHANGE, "case", childCase);
        return childCase;
    }

    @Transactional
    public List<CaseStatusChange> history(UUID id) {
        log(AccessLog.Action.READ, "case history", visible(id));
        return CaseStatusChange.list("caseId", Sort.ascending("changedAt").and("id"), id);
    }

    @Transactional
    public List<CaseAudit> auditTrail(UUID id) {
        log(AccessLog.Action.READ, "case audit trail", visible(id));
        return CaseAudit.list("caseId", Sort.ascending("at").and("id"), id);
    }

    /** Everything the family may see under aktindsigt, gathered for one document; logged as an export. */
    public record Insight(ChildCase childCase, List<CaseStatusChange> history, List<InsightSection.Rendered> sections) {
    }

    @Transactional
    public Insight insight(UUID id) {
        ChildCase childCase = visible(id);
        log(AccessLog.Action.EXPORT, "aktindsigt", childCase);
        List<InsightSection.Rendered> rendered = sections.stream()
                .sorted(java.util.Comparator.comparingInt(InsightSection::order))
                .map(section -> new InsightSection.Rendered(section.title(), section.lines(id), section.none()))
                .toList();
        return new Insight(childCase, CaseStatusChange.list("caseId", Sort.ascending("changedAt").and("id"), id), rendered);
    }

    /**
     * For another feature acting on a case for the caller (e.g. recording its assessment): 404 when the
     * case is out of the caller's scope; the access is logged as {@code action} on {@code what}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseRef access(UUID id, AccessLog.Action action, String what) {
        ChildCase childCase = visible(id);
        log(action, what, childCase);
        return CaseRef.of(childCase);
    }

    /** Which of these cases the caller may see (no 404, not logged: the caller logs what it shows). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> visibleOf(java.util.Collection<UUID> ids) {
        Set<UUID> visible = new java.util.HashSet<>();
        List<UUID> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) { // PostgreSQL takes at most 65,535 parameters in one statement
            ChildCase.<ChildCase>list("id in ?1", all.subList(i, Math.min(all.size(), i + 1000))).stream()
                    .filter(this::inScope).forEach(c -> visible.add(c.id));
        }
        return visible;
    }

    /** The case as the service itself sees it (process steps): no scope, not logged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseRef ref(UUID id) {
        return CaseRef.of(find(id));
    }

    /** Several cases as the service sees them (reports over many cases): no scope, not logged here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Map<UUID, CaseRef> refs(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, CaseRef> refs = new java.util.HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            ChildCase.<ChildCase>list("id in ?1", all.subList(i, Math.min(all.size(), i + 1000)))
                    .forEach(c -> refs.put(c.id, CaseRef.of(c)));
        }
        return refs;
    }

    /** Moves the case to {@code status} with a history entry; a targeted update, so no edit is lost. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatus(UUID id, CaseStatus status, String by, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Object[] before = trail.placement(id);
        requireChanged(ChildCase.update("status = ?1, version = version + 1, updatedAt = ?2 where id = ?3", status, now, id), id);
        recordHistory(id, now, by, reason);
        trail.placed(id, before, by, reason);
    }

    /** Places the case: its status, lead department and contributing one (shared case, else null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void place(UUID id, CaseStatus status, Department lead, Department contributing, String by, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Object[] before = trail.placement(id);
        requireChanged(ChildCase.update("""
                        status = ?1, department = ?2, contributingDepartment = ?3, version = version + 1, updatedAt = ?4
                        where id = ?5""", status, lead, contributing, now, id), id);
        recordHistory(id, now, by, reason);
        trail.placed(id, before, by, reason);
    }

    /** The receiving department works the case from now on, with its named adviser. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handedOver(UUID id, Department to, String adviser, String by, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Object[] before = trail.placement(id);
        requireChanged(ChildCase.update("""
                        status = ?1, department = ?2, contributingDepartment = null, adviser = ?3, version = version + 1,
                        updatedAt = ?4 where id = ?5""", CaseStatus.HANDED_OVER, to, adviser, now, id), id);
        recordHistory(id, now, by, reason);
        trail.placed(id, before, by, reason);
    }

    private static void requireChanged(int rows, UUID id) {
        if (rows == 0) {
            throw ProblemException.notFound("Case", id);
        }
    }

    private static void recordHistory(UUID id, Instant now, String by, String reason) {
        ChildCase.getEntityManager().createNativeQuery("""
                        insert into case_status_change (case_id, status, department, changed_at, changed_by, reason)
                        select id, status, department, :now, :by, :reason from child_case where id = :id""")
                .setParameter("now", now).setParameter("by", by).setParameter("reason", reason).setParameter("id", id)
                .executeUpdate();
    }

    /**
     * Called by the process once its instance runs: the case now waits for the assessment. Targeted
     * updates, not a read-modify-write: a person may be editing the case at the same moment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void processStarted(UUID caseId, long processInstanceKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int advanced = ChildCase.update("""
                        processInstanceKey = ?1, status = ?2, version = version + 1, updatedAt = ?3
                        where id = ?4 and status = ?5""",
                processInstanceKey, CaseStatus.AWAITING_ASSESSMENT, now, caseId, CaseStatus.RECEIVED);
        if (advanced == 1) {
            recordHistory(caseId, now, Actor.SYSTEM, "Afventer målgruppevurdering");
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

    private static Page<ChildCase> page(List<String> where, Parameters params, PageRequest page) {
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        PanacheQuery<ChildCase> query = ChildCase.find("from ChildCase c" + condition + " order by c.receivedAt desc, c.id", params);
        List<ChildCase> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, query.count());
    }

    private static void audit(UUID caseId, Instant at, String actor, String field, Object before, Object after, String reason) {
        if (!java.util.Objects.equals(before, after)) {
            CaseAudit.record(caseId, at, actor, "CHANGE", field, before, after, reason);
        }
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
