package dk.visitation.placements;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseRef;
import dk.visitation.common.Department;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
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
