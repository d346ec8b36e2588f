package dk.visitation.placements;

import dk.visitation.common.Department;
import dk.visitation.forecast.ExpectedPlacementSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The open expected placements as ECONOMY's forecast weighs them (placements depends on the forecast, not back). */
@ApplicationScoped
class PlacementForecastSource implements ExpectedPlacementSource {

    private final ExpectedPlacements placements;

    PlacementForecastSource(ExpectedPlacements placements) {
        this.placements = placements;
    }

    @Override
    public List<Expected> open(Department department) {
        return placements.open(department).stream()
                .map(p -> new Expected(p.placementId(), p.caseId(), p.expectedStart(), p.annualEstimate().movePointRight(2).longValueExact()))
                .toList();
    }
}
