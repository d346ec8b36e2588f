package dk.visitation.committee;

import dk.visitation.cases.InsightSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The committee's decisions with their justifications in the family's aktindsigt. */
@ApplicationScoped
class DecisionInsight implements InsightSection {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title() {
        return "Afgørelser i visitationsudvalget";
    }

    @Override
    public String none() {
        return "Sagen har ikke været behandlet i visitationsudvalget.";
    }

    @Override
    public List<String> lines(UUID caseId) {
        return Decision.<Decision>list("caseId = ?1 order by decidedAt", caseId).stream()
                .map(d -> dk.visitation.common.Times.local(d.decidedAt).toLocalDate() + ": " + d.outcome
                        + (d.contributingDepartment == null ? "" : " (ledende " + d.leadDepartment + ", bidragende " + d.contributingDepartment + ")")
                        + ". Begrundelse: " + d.justification
                        + (d.missingInformation == null ? "" : " Mangler: " + d.missingInformation))
                .toList();
    }
}
