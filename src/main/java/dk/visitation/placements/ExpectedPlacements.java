package dk.visitation.placements;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseRef;
import dk.visitation.common.Department;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The open expected placements (neither granted nor cancelled), as ECONOMY's forecast weighs them: per department (the
 * case's department now), with the expected start and the first annual estimate. Not scoped and not logged here: the
 * caller logs what it shows.
 */
@ApplicationScoped
public class ExpectedPlacements {

    /** An open expected placement; the estimate is kroner per year. */
    public record Open(UUID placementId, UUID caseId, Department department, PlacementKind kind, Urgency urgency,
            LocalDate expectedStart, BigDecimal annualEstimate) {

        /**
         * What the estimate comes to in [from, to) if the placement starts as expected: the annual estimate × the days
         * from the later of the expected start and {@code from} up to {@code to}, over a 365-day year (the money rule of
         * grants), rounded half-even to the øre.
         */
        public BigDecimal expectedCost(LocalDate from, LocalDate to) {
            LocalDate start = expectedStart.isAfter(from) ? expectedStart : from;
            long days = Math.max(0, ChronoUnit.DAYS.between(start, to));
            return annualEstimate.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_EVEN);
        }
    }

    private final CaseAccess cases;

    ExpectedPlacements(CaseAccess cases) {
        this.cases = cases;
    }

    /** The open expected placements of the department's cases (every department's when null), by expected start. */
    @Transactional
    public List<Open> open(Department department) {
        List<Placement> open = Placement.list("status", Sort.by("expectedStart").and("id"), Placement.Status.EXPECTED);
        Map<UUID, CaseRef> refs = cases.refs(open.stream().map(p -> p.caseId).distinct().toList());
        return open.stream()
                .map(p -> new Open(p.id, p.caseId, refs.get(p.caseId).department(), p.kind, p.urgency, p.expectedStart, p.annualEstimate))
                .filter(o -> department == null || o.department() == department)
                .toList();
    }
}
