package dk.visitation.forecast;

import dk.visitation.common.Department;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The expected placements the forecast weighs: those not yet granted nor cancelled, of cases the department pays for.
 * Placement planning implements it (placements depends on the forecast, not back); without it there are none.
 */
public interface ExpectedPlacementSource {

    /** One expected placement: its case, expected start and first estimate of the annual cost. */
    record Expected(UUID placementId, UUID caseId, LocalDate expectedStart, long annualEstimateOre) {
    }

    List<Expected> open(Department department);
}
