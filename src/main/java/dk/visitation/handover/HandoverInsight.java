package dk.visitation.handover;

import dk.visitation.cases.InsightSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The handovers between the departments in the family's aktindsigt. */
@ApplicationScoped
class HandoverInsight implements InsightSection {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title() {
        return "Overdragelser";
    }

    @Override
    public String none() {
        return "Sagen er ikke overdraget mellem afdelingerne.";
    }

    @Override
    public List<String> lines(UUID caseId) {
        return Handover.<Handover>list("caseId = ?1 order by requestedAt", caseId).stream()
                .map(h -> "Fra " + h.fromDepartment + " til " + h.toDepartment + " (" + h.reason + "): "
                        + switch (h.status) {
                            case COMPLETED -> "overdraget pr. " + h.effectiveDate;
                            case WITHDRAWN -> "trukket tilbage (" + h.withdrawalReason + ")";
                            default -> "under behandling";
                        })
                .toList();
    }
}
