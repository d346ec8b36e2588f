package dk.visitation.quality;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkService;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.deadlines.CaseRecord;
import dk.visitation.deadlines.DeadlineRules;
import dk.visitation.deadlines.DeadlineService;
import dk.visitation.deadlines.RuleContext;
import dk.visitation.economy.Measures;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The quality radar: the review's four gaps and inactivity per case, counted as the review reports them, over the cases
 * in the caller's scope — derived from the record as it stood on a day, nothing set by hand.
 */
@ApplicationScoped
public class QualityRadar {

    private final CaseAccess cases;
    private final CaseworkService casework;
    private final Measures measures;
    private final DeadlineService deadlines;
    private final DeadlineRules rules;
    private final AccessLog accessLog;
    private final int inactiveDays;

    QualityRadar(CaseAccess cases, CaseworkService casework, Measures measures, DeadlineService deadlines, DeadlineRules rules,
            AccessLog accessLog, @ConfigProperty(name = "visitation.deadlines.inactive-days", defaultValue = "90") int inactiveDays) {
        this.cases = cases;
        this.casework = casework;
        this.measures = measures;
        this.deadlines = deadlines;
        this.rules = rules;
        this.accessLog = accessLog;
        this.inactiveDays = inactiveDays;
    }

    record Flagged(CaseRef ref, List<CaseFlags.Flag> flags) {
    }

    List<Flagged> flagged(Department department, String adviser, LocalDate on) {
        return dk.visitation.common.ReadOnlyReads.of(() -> derive(department, adviser, on));
    }

    private List<Flagged> derive(Department department, String adviser, LocalDate on) {
        var candidates = deadlines.candidates(on);
        var visible = cases.visibleOf(candidates);
        Map<UUID, CaseRef> refs = cases.refs(visible);
        List<UUID> chosen = refs.values().stream().filter(r -> department == null || r.department() == department)
                .filter(r -> adviser == null || adviser.equals(r.adviser())).map(CaseRef::id).sorted().toList();
        Map<UUID, List<CaseworkFact>> facts = casework.facts(chosen);
        Map<UUID, List<Measures.Measure>> running = measures.of(chosen);
        Instant end = RuleContext.endOf(on);
        List<Flagged> result = new ArrayList<>();
        for (UUID id : chosen) {
            CaseRecord asOn = new CaseRecord(id, facts.getOrDefault(id, List.of()).stream().filter(f -> !f.occurredAt().isAfter(end)).toList(),
                    running.getOrDefault(id, List.of()).stream().filter(m -> !m.decidedAt().isAfter(end)).toList());
            var followUps = rules.derive(asOn).stream().filter(CaseFlags::isFollowUp).toList();
            result.add(new Flagged(refs.get(id), CaseFlags.of(asOn, on, followUps, inactiveDays)));
        }
        return result;
    }

    /** The figures per gap; no case is shown, so no child's data is read (the cases behind them are {@link #cases}). */
    @Transactional
    public RadarApi.Radar radar(Department department, String adviser, LocalDate on) {
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
            long missing = relevant - present;
            int percent = relevant == 0 ? 0 : BigDecimal.valueOf(missing * 100).divide(BigDecimal.valueOf(relevant), 0, RoundingMode.HALF_UP).intValue();
            figures.add(new RadarApi.Figure(gap, gap.title, gap.legalBasis, relevant, present, missing, percent));
        }
        return new RadarApi.Radar(on, department, adviser, all.size(), figures);
    }

    /** The cases behind one figure, by case id, paged; logged as a search with its criteria. */
    @Transactional
    public RadarApi.CasePage cases(Department department, String adviser, LocalDate on, Gap gap, RadarApi.Which which, PageRequest page) {
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
        List<UUID> shown = items.stream().map(RadarApi.CaseFlag::caseId).toList();
        Map<UUID, CaseRef> refs = cases.refs(shown);
        accessLog.record(AccessLog.Action.SEARCH, "quality radar cases", shown, shown.stream().map(id -> refs.get(id).childId()).toList(),
                Map.of("criteria", criteria, "page", page.page, "found", matching.size()));
        return new RadarApi.CasePage(items, page.page, page.size, matching.size());
    }
}
