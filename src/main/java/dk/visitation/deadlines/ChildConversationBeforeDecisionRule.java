package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Barnets Lov § 5 (old SEL § 48): the child is spoken to before a decision on a measure. For each measure: due when it
 * was decided (the grant's recording); met by a child conversation held in the six months before it (a later one meets
 * it late). A conversation recorded as not held with its reason in that window makes it NOT_RELEVANT.
 */
public final class ChildConversationBeforeDecisionRule implements DeadlineRule {

    static final int WINDOW_MONTHS = 6;

    @Override
    public String id() {
        return "barnets-lov-5-conversation-before-decision";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 5";
    }

    @Override
    public String title() {
        return "Tal med barnet før afgørelsen om indsatsen";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        List<Deadline> deadlines = new ArrayList<>();
        for (var measure : record.measures()) {
            var decided = measure.decidedAt();
            var windowStart = decided.atZone(dk.visitation.common.Times.DENMARK).minusMonths(WINDOW_MONTHS).toInstant();
            Deadline deadline = Deadline.open("bl-5-decision:" + measure.grantId(), record.caseId(), this, windowStart, decided,
                    decided.minus(java.time.Duration.ofDays(14)));
            List<CaseworkFact> talks = record.of(CaseworkKind.CHILD_CONVERSATION_HELD, CaseworkKind.CHILD_CONVERSATION_NOT_HELD)
                    .stream().filter(f -> !f.occurredAt().isBefore(windowStart)).toList();
            var inTime = talks.stream().filter(f -> !f.occurredAt().isAfter(decided)).reduce((a, b) -> b);
            if (inTime.isPresent() && inTime.get().kind() == CaseworkKind.CHILD_CONVERSATION_NOT_HELD) {
                deadlines.add(deadline.notRelevant(inTime.get().reason()));
            } else if (inTime.isPresent()) {
                deadlines.add(deadline.metBy(inTime.get()));
            } else {
                deadlines.add(deadline.metBy(talks.stream().filter(f -> f.kind() == CaseworkKind.CHILD_CONVERSATION_HELD).findFirst()
                        .orElse(null)));
            }
        }
        return deadlines;
    }
}
