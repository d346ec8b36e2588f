package dk.visitation.assessment;

import dk.visitation.cases.InsightSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The target-group assessment in the family's aktindsigt: the recommendation, its reason and the conclusion. */
@ApplicationScoped
class AssessmentInsight implements InsightSection {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return "Målgruppevurdering";
    }

    @Override
    public String none() {
        return "Der er endnu ikke foretaget en målgruppevurdering i sagen.";
    }

    @Override
    public List<String> lines(UUID caseId) {
        List<String> lines = new ArrayList<>();
        for (Assessment a : Assessment.<Assessment>list("caseId = ?1 order by assessedAt", caseId)) {
            lines.add("Anbefaling efter samarbejdsaftalen: " + a.recommendation + " (" + a.rule + "). " + a.ruleReason);
            if (a.outcome != null) {
                lines.add("Rådgiverens konklusion (" + a.concludedBy + "): " + a.outcome
                        + (a.disagreementReason == null ? "" : ". Begrundelse: " + a.disagreementReason));
            }
        }
        return lines;
    }
}
