package dk.visitation.cases;

import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What a caller reads of cases: one case, lists and CPR searches, history, audit trail and aktindsigt; each logged. */
@ApplicationScoped
class CaseReads {

    private final CaseAccess access;
    private final AccessLog accessLog;
    private final List<InsightSection> sections;
    private final Caller caller;

    CaseReads(CaseAccess access, AccessLog accessLog, Instance<InsightSection> sections, Caller caller) {
        this.caller = caller;
        this.access = access;
        this.accessLog = accessLog;
        this.sections = sections.stream().toList();
    }

    /** Reads a case the caller may see; logged. Out of scope is 404, as if it did not exist. */
    @Transactional
    public ChildCase read(UUID id) {
        ChildCase childCase = access.visible(id);
        access.log(AccessLog.Action.READ, "case", childCase);
        return childCase;
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
        if (filter.dubuCaseId != null && !filter.dubuCaseId.isBlank()) {
            where.add("c.dubuCaseId = :dubuCaseId");
            params.and("dubuCaseId", filter.dubuCaseId.strip());
            criteria.put("dubuCaseId", filter.dubuCaseId.strip());
        } else if (caller.hasRole(Role.SYSTEM) && !caller.seesAllCases()) {
            throw ProblemException.invalid("dubuCaseId", "is required when another system lists cases: it finds a case by its DUBU id");
        }
        if (filter.receivedFrom != null && filter.receivedTo != null && !filter.receivedFrom.isBefore(filter.receivedTo)) {
            throw ProblemException.invalid("receivedTo", "must be after receivedFrom");
        }
        access.scope(where, params);
        Page<ChildCase> result = page(where, params, page);
        logSearch("case list", result, criteria, List.of());
        return result;
    }

    /** Cases of the child with this CPR number; the number travels in a body, never in a URL. */
    @Transactional
    public Page<ChildCase> search(Cpr cpr, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("c.child.cpr = :cpr"));
        Parameters params = Parameters.with("cpr", cpr.digits());
        access.scope(where, params);
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

    @Transactional
    public List<CaseStatusChange> history(UUID id) {
        access.log(AccessLog.Action.READ, "case history", access.visible(id));
        return CaseStatusChange.list("caseId", Sort.ascending("changedAt").and("id"), id);
    }

    @Transactional
    public List<CaseAudit> auditTrail(UUID id) {
        access.log(AccessLog.Action.READ, "case audit trail", access.visible(id));
        return CaseAudit.list("caseId", Sort.ascending("at").and("id"), id);
    }

    /** Everything the family may see under aktindsigt, gathered for one document; logged as an export. */
    public record Insight(ChildCase childCase, List<CaseStatusChange> history, List<InsightSection.Rendered> sections) {
    }

    @Transactional
    public Insight insight(UUID id) {
        ChildCase childCase = access.visible(id);
        access.log(AccessLog.Action.EXPORT, "aktindsigt", childCase);
        List<InsightSection.Rendered> rendered = sections.stream()
                .sorted(Comparator.comparingInt(InsightSection::order))
                .map(section -> new InsightSection.Rendered(section.title(), section.lines(id), section.none()))
                .toList();
        return new Insight(childCase, CaseStatusChange.list("caseId", Sort.ascending("changedAt").and("id"), id), rendered);
    }

    private static Page<ChildCase> page(List<String> where, Parameters params, PageRequest page) {
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        PanacheQuery<ChildCase> query = ChildCase.find("from ChildCase c" + condition + " order by c.receivedAt desc, c.id", params);
        List<ChildCase> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list();
        return new Page<>(items, page.page, page.size, query.count());
    }
}
