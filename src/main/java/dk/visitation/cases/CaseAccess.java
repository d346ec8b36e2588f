package dk.visitation.cases;

import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may see a case, and the way other features reach one: a case is visible in its current, its contributing
 * or (for a while) a previous department, and to the committee while it is on the agenda. Out of scope is a 404,
 * as if the case did not exist; every access for a caller is logged.
 */
@ApplicationScoped
public class CaseAccess {

    private final Caller caller;
    private final AccessLog accessLog;
    private final int previousDepartmentDays;

    CaseAccess(Caller caller, AccessLog accessLog,
            @ConfigProperty(name = "visitation.scope.previous-department-days", defaultValue = "30") int previousDepartmentDays) {
        this.caller = caller;
        this.accessLog = accessLog;
        this.previousDepartmentDays = previousDepartmentDays;
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
    public Set<UUID> visibleOf(Collection<UUID> ids) {
        Set<UUID> visible = new java.util.HashSet<>();
        for (List<UUID> batch : dk.visitation.common.IdBatches.of(ids)) {
            ChildCase.<ChildCase>list("id in ?1", batch).stream()
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
    public Map<UUID, CaseRef> refs(Collection<UUID> ids) {
        Map<UUID, CaseRef> refs = new HashMap<>();
        for (List<UUID> batch : dk.visitation.common.IdBatches.of(ids)) {
            ChildCase.<ChildCase>list("id in ?1", batch)
                    .forEach(c -> refs.put(c.id, CaseRef.of(c)));
        }
        return refs;
    }

    /** The case whatever the caller's scope; 404 when there is none. */
    static ChildCase find(UUID id) {
        ChildCase childCase = ChildCase.findById(id);
        if (childCase == null) {
            throw ProblemException.notFound("Case", id);
        }
        return childCase;
    }

    /** The case if the caller may see it; else 404, as if it did not exist. */
    ChildCase visible(UUID id) {
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

    /**
     * The same scope as {@link #inScope} as a JPQL condition on alias {@code c} of {@code ChildCase}, for lists computed in
     * the database (the waiting lists); it adds its parameters to {@code params}.
     */
    public void scope(List<String> where, Parameters params) {
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

    /**
     * The same scope as {@link #inScope} as a native SQL condition on {@code alias}, a table that mirrors the case's
     * {@code case_id}, {@code department} and {@code contributing_department} (the quality radar's snapshot), for reports
     * that count in SQL; its parameters are put in {@code params}. Empty when the caller sees every case of
     * {@code department} (every case, when it is null), as then the filter on the department is the whole scope.
     */
    public java.util.Optional<String> nativeScope(String alias, Department department, Map<String, Object> params) {
        Set<Department> departments = caller.departments();
        if (caller.seesAllCases() || (department != null && departments.contains(department))) {
            return java.util.Optional.empty();
        }
        List<String> any = new java.util.ArrayList<>();
        if (caller.hasRole(Role.COMMITTEE_MEMBER)) {
            any.add(alias + ".case_id in (select id from child_case where status = 'ON_COMMITTEE_AGENDA')");
        }
        if (!departments.isEmpty()) {
            params.put("scopeDepartments", departments.stream().map(Enum::name).toList());
            params.put("scopeSince", previousDepartmentSince());
            any.add(alias + ".department in (:scopeDepartments) or " + alias + ".contributing_department in (:scopeDepartments)");
            any.add(alias + ".case_id in (select case_id from case_status_change where department in (:scopeDepartments)"
                    + " and changed_at > :scopeSince)");
        }
        return java.util.Optional.of(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
    }

    /** Logs the caller's {@code action} on the case and its child. */
    void log(AccessLog.Action action, String what, ChildCase childCase) {
        accessLog.record(action, what, List.of(childCase.id), List.of(childCase.child.id), Map.of());
    }
}
