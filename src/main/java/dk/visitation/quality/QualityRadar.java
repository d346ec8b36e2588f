package dk.visitation.quality;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.deadlines.DeadlineService;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The quality radar: the review's four gaps and inactivity per case, counted as the review reports them, over the cases
 * in the caller's scope — derived from the record as it stood on a day, nothing set by hand.
 */
@ApplicationScoped
public class QualityRadar {

    private final CaseAccess cases;
    private final DeadlineService deadlines;
    private final FlagDerivation derivation;
    private final QualitySnapshot snapshot;
    private final AccessLog accessLog;

    QualityRadar(CaseAccess cases, DeadlineService deadlines, FlagDerivation derivation, QualitySnapshot snapshot, AccessLog accessLog) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.derivation = derivation;
        this.snapshot = snapshot;
        this.accessLog = accessLog;
    }

    record Flagged(CaseRef ref, List<CaseFlags.Flag> flags) {
    }

    /** Every case in the caller's scope matching the filters, with its flags derived from its record as on that day. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Flagged> flagged(Department department, String adviser, LocalDate on) {
        return dk.visitation.common.ReadOnlyReads.of(() -> {
            Map<UUID, CaseRef> refs = cases.refs(cases.visibleOf(deadlines.candidates(on)));
            List<UUID> chosen = refs.values().stream().filter(r -> department == null || r.department() == department)
                    .filter(r -> adviser == null || adviser.equals(r.adviser())).map(CaseRef::id).sorted().toList();
            return derivation.of(chosen, on).values().stream().map(d -> new Flagged(refs.get(d.caseId()), d.flags())).toList();
        });
    }

    /**
     * The figures per gap; no case is shown, so no child's data is read (the cases behind them are {@link #cases}).
     * Today's come from the snapshot, brought up to date first; another day's are derived from the record.
     */
    public RadarApi.Radar radar(Department department, String adviser, LocalDate on) {
        if (snapshot.covers(on)) {
            snapshot.refresh(on, department, adviser);
            return snapshot.figures(department, adviser, on);
        }
        return derived(department, adviser, on);
    }

    @Transactional
    RadarApi.Radar derived(Department department, String adviser, LocalDate on) {
        return figures(flagged(department, adviser, on), department, adviser, on);
    }

    RadarApi.Radar figures(List<Flagged> all, Department department, String adviser, LocalDate on) {
        List<RadarApi.Figure> figures = new ArrayList<>();
        for (Gap gap : Gap.values()) {
            long relevant = 0;
            long present = 0;
            for (Flagged f : all) {
                CaseFlags.Flag flag = f.flags().get(gap.ordinal());
                if (flag.relevant()) {
                    relevant++;
                    present += flag.present() ? 1 : 0;
                }
            }
            figures.add(RadarApi.Figure.of(gap, relevant, present));
        }
        return new RadarApi.Radar(on, department, adviser, all.size(), figures);
    }

    /** The cases behind one figure, by case id, paged; logged as a search with its criteria. */
    public RadarApi.CasePage cases(Department department, String adviser, LocalDate on, Gap gap, RadarApi.Which which, PageRequest page) {
        if (snapshot.covers(on)) {
            snapshot.refresh(on, department, adviser);
        }
        return listed(department, adviser, on, gap, which, page);
    }

    @Transactional
    RadarApi.CasePage listed(Department department, String adviser, LocalDate on, Gap gap, RadarApi.Which which, PageRequest page) {
        RadarApi.CasePage found = snapshot.covers(on) ? snapshot.cases(department, adviser, gap, which, page)
                : derivedCases(department, adviser, on, gap, which, page);
        Map<String, Object> criteria = new TreeMap<>();
        criteria.put("on", on.toString());
        criteria.put("gap", gap.name());
        criteria.put("which", which.name());
        if (department != null) {
            criteria.put("department", department.name());
        }
        if (adviser != null) {
            criteria.put("adviser", adviser);
        }
        List<UUID> shown = found.items().stream().map(RadarApi.CaseFlag::caseId).toList();
        Map<UUID, CaseRef> refs = cases.refs(shown);
        accessLog.record(AccessLog.Action.SEARCH, "quality radar cases", shown, shown.stream().map(id -> refs.get(id).childId()).toList(),
                Map.of("criteria", criteria, "page", page.page, "found", found.total()));
        return found;
    }

    private RadarApi.CasePage derivedCases(Department department, String adviser, LocalDate on, Gap gap, RadarApi.Which which, PageRequest page) {
        List<RadarApi.CaseFlag> matching = flagged(department, adviser, on).stream()
                .map(f -> {
                    CaseFlags.Flag flag = f.flags().get(gap.ordinal());
                    return new RadarApi.CaseFlag(f.ref().id(), gap, flag.relevant(), flag.relevant() && flag.present(), flag.missing(),
                            flag.why(), f.ref().department(), f.ref().adviser());
                })
                .filter(c -> switch (which) {
                    case RELEVANT -> c.relevant();
                    case PRESENT -> c.present();
                    case MISSING -> c.missing();
                })
                .sorted(Comparator.comparing(RadarApi.CaseFlag::caseId)).toList();
        List<RadarApi.CaseFlag> items = matching.stream().skip(page.offset()).limit(page.size).toList();
        return new RadarApi.CasePage(items, page.page, page.size, matching.size());
    }
}
