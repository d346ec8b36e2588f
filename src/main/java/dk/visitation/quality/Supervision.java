package dk.visitation.quality;

import dk.visitation.cases.CaseRef;
import dk.visitation.common.Department;
import dk.visitation.common.Times;
import dk.visitation.deadlines.Deadline;
import dk.visitation.deadlines.DeadlineService;
import dk.visitation.deadlines.DeadlineStatus;
import dk.visitation.deadlines.RuleContext;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ledelsestilsyn: one overview per department — per adviser the deadlines due this week and those overdue, the cases
 * without an adviser, the inactive cases, and the radar — all derived from the record as it stands now.
 */
@ApplicationScoped
public class Supervision {

    @Schema(name = "SupervisionAdviser")
    public record AdviserLine(@Schema(nullable = true, description = "Null: cases without an adviser") String adviser,
            @Schema(description = "Open deadlines due from today to Sunday") long dueThisWeek, long overdue) {
    }

    @Schema(name = "Supervision")
    public record Overview(Department department, LocalDate on, List<AdviserLine> advisers, List<UUID> casesWithoutAdviser,
            List<UUID> inactiveCases, RadarApi.Radar radar) {
    }

    private final QualityRadar radar;
    private final DeadlineService deadlines;
    private final AccessLog accessLog;

    Supervision(QualityRadar radar, DeadlineService deadlines, AccessLog accessLog) {
        this.radar = radar;
        this.deadlines = deadlines;
        this.accessLog = accessLog;
    }

    @Transactional
    public Overview of(Department department, Instant now) {
        LocalDate today = RuleContext.day(now);
        Instant endOfWeek = RuleContext.endOf(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
        List<QualityRadar.Flagged> flagged = radar.flagged(department, null, today);
        Map<UUID, CaseRef> refs = new TreeMap<>();
        flagged.forEach(f -> refs.put(f.ref().id(), f.ref()));
        Map<String, long[]> lines = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (Deadline d : deadlines.derive(refs.keySet())) {
            DeadlineStatus status = d.statusAt(now);
            long[] line = lines.computeIfAbsent(refs.get(d.caseId()).adviser(), k -> new long[2]);
            if (status == DeadlineStatus.OVERDUE) {
                line[1]++;
            } else if ((status == DeadlineStatus.OPEN || status == DeadlineStatus.DUE_SOON) && !d.dueAt().isAfter(endOfWeek)) {
                line[0]++;
            }
        }
        List<AdviserLine> advisers = new ArrayList<>();
        lines.forEach((adviser, counts) -> advisers.add(new AdviserLine(adviser, counts[0], counts[1])));
        List<UUID> withoutAdviser = refs.values().stream().filter(r -> r.adviser() == null).map(CaseRef::id).toList();
        List<UUID> inactive = flagged.stream().filter(f -> f.flags().get(Gap.INACTIVITY.ordinal()).missing()).map(f -> f.ref().id()).toList();
        List<UUID> shown = new ArrayList<>(withoutAdviser);
        inactive.stream().filter(id -> !withoutAdviser.contains(id)).forEach(shown::add);
        accessLog.record(AccessLog.Action.SEARCH, "supervision overview", shown,
                shown.stream().map(id -> refs.get(id).childId()).filter(Objects::nonNull).toList(),
                Map.of("criteria", Map.of("department", department.name()), "found", shown.size()));
        return new Overview(department, today, advisers, withoutAdviser, inactive, radar.figures(flagged, department, null, today));
    }

    static LocalDate today() {
        return LocalDate.now(Times.DENMARK);
    }
}
