package dk.visitation.deadlines;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkService;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.economy.Measures;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The deadlines of cases, derived on every read from the casework record and the measures — never stored, so they
 * cannot drift from the record. Scoped and logged like the case reads.
 */
@ApplicationScoped
public class DeadlineService {

    private final CaseAccess cases;
    private final CaseworkService casework;
    private final Measures measures;
    private final DeadlineRules rules;
    private final AccessLog accessLog;

    DeadlineService(CaseAccess cases, CaseworkService casework, Measures measures, DeadlineRules rules, AccessLog accessLog) {
        this.cases = cases;
        this.casework = casework;
        this.measures = measures;
        this.rules = rules;
        this.accessLog = accessLog;
    }

    /** A case's deadlines for the caller (404 outside scope); logged as a read. */
    @Transactional
    public List<DeadlineApi.DeadlineView> forCase(UUID caseId, Instant now) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.READ, "deadlines");
        return derive(List.of(caseId)).stream().map(d -> DeadlineApi.DeadlineView.of(d, now, ref.department(), ref.adviser())).toList();
    }

    /** The deadlines of these cases as the service sees them (watches, radar): not scoped, not logged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Deadline> derive(Collection<UUID> caseIds) {
        Map<UUID, List<CaseworkFact>> facts = casework.facts(caseIds);
        Map<UUID, List<Measures.Measure>> running = measures.of(caseIds);
        List<Deadline> all = new ArrayList<>();
        for (UUID id : caseIds) {
            all.addAll(rules.derive(new CaseRecord(id, facts.getOrDefault(id, List.of()), running.getOrDefault(id, List.of()))));
        }
        return all;
    }

    /** The days each follow-up of a grant is due (Barnets Lov § 95), met or not, earliest first: status notes are owed before them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LocalDate> followUpsDue(UUID caseId, UUID grantId) {
        return derive(List.of(caseId)).stream().filter(d -> FollowUpRule.about(d, grantId)).map(d -> RuleContext.day(d.dueAt()))
                .sorted().toList();
    }

    /** Every case the rules may find a deadline on: a casework record, or a measure not ended a year ago. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> candidates(LocalDate today) {
        Set<UUID> ids = new LinkedHashSet<>(casework.casesWithRecords());
        ids.addAll(measures.casesWithMeasuresSince(today.minusYears(1)));
        return ids;
    }

    public record Filter(Department department, String adviser, DeadlineStatus status, Instant dueBefore) {
    }

    /** The list a leader and an adviser work from: soonest due first, paged, in the caller's scope; logged as a search. */
    @Transactional
    public DeadlineApi.DeadlinePage list(Filter filter, PageRequest page, Instant now) {
        Map<UUID, CaseRef> refs = dk.visitation.common.ReadOnlyReads.of(() -> cases.refs(cases.visibleOf(candidates(RuleContext.day(now)))));
        List<UUID> chosen = refs.values().stream()
                .filter(r -> filter.department() == null || r.department() == filter.department())
                .filter(r -> filter.adviser() == null || filter.adviser().equals(r.adviser()))
                .map(CaseRef::id).toList();
        List<DeadlineApi.DeadlineView> matching = dk.visitation.common.ReadOnlyReads.of(() -> derive(chosen)).stream()
                .filter(d -> filter.status() == null || d.statusAt(now) == filter.status())
                .filter(d -> filter.dueBefore() == null || d.dueAt().isBefore(filter.dueBefore()))
                .map(d -> DeadlineApi.DeadlineView.of(d, now, refs.get(d.caseId()).department(), refs.get(d.caseId()).adviser()))
                .sorted(java.util.Comparator.comparing(DeadlineApi.DeadlineView::dueAt).thenComparing(DeadlineApi.DeadlineView::key))
                .toList();
        List<DeadlineApi.DeadlineView> items = matching.stream().skip(page.offset()).limit(page.size).toList();
        Map<String, Object> criteria = new TreeMap<>();
        if (filter.department() != null) {
            criteria.put("department", filter.department().name());
        }
        if (filter.adviser() != null) {
            criteria.put("adviser", filter.adviser());
        }
        if (filter.status() != null) {
            criteria.put("status", filter.status().name());
        }
        if (filter.dueBefore() != null) {
            criteria.put("dueBefore", filter.dueBefore().toString());
        }
        List<UUID> shown = items.stream().map(DeadlineApi.DeadlineView::caseId).distinct().toList();
        accessLog.record(AccessLog.Action.SEARCH, "deadline list", shown, shown.stream().map(id -> refs.get(id).childId()).toList(),
                Map.of("criteria", criteria, "page", page.page, "found", matching.size()));
        return new DeadlineApi.DeadlinePage(items, page.page, page.size, matching.size());
    }
}
