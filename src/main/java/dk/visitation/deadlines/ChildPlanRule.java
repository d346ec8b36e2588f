package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import java.util.List;

/**
 * Barnets Lov § 91 (old SEL § 140): a child's plan is made before a decision on support under § 32 or placement under
 * §§ 46-47 (not for compensation under §§ 86-87). Due when the measure was decided; met by the first CHILD_PLAN_MADE on
 * the case (a plan made after the decision meets it late).
 */
public final class ChildPlanRule implements DeadlineRule {

    @Override
    public String id() {
        return "barnets-lov-91-child-plan";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 91";
    }

    @Override
    public String title() {
        return "Udarbejd barnets plan før afgørelsen om indsatsen";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        var plans = record.of(CaseworkKind.CHILD_PLAN_MADE);
        return record.measures().stream().filter(m -> m.needsChildPlan()).map(m -> Deadline.open("bl-91:" + m.grantId(), record.caseId(),
                        this, m.decidedAt(), m.decidedAt(), m.decidedAt().minus(java.time.Duration.ofDays(14)))
                .metBy(plans.stream().findFirst().orElse(null))).toList();
    }
}
