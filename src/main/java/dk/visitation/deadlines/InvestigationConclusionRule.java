package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import java.util.List;

/**
 * Barnets Lov § 20 (old SEL § 50, stk. 7): a child-welfare investigation is concluded within 4 months of its start —
 * the same day of the month four months on, or the month's last day when it has none (31 October → 28/29 February),
 * at the end of that day. When it cannot be, a provisional assessment is made in time; either meets the deadline.
 */
public final class InvestigationConclusionRule implements DeadlineRule {

    static final int MONTHS = 4;

    @Override
    public String id() {
        return "barnets-lov-20-investigation-conclusion";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 20";
    }

    @Override
    public String title() {
        return "Afslut den børnefaglige undersøgelse inden 4 måneder (eller lav en foreløbig vurdering)";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        return record.of(CaseworkKind.INVESTIGATION_STARTED).stream().map(start -> {
            var dueDay = RuleContext.day(start.occurredAt()).plusMonths(MONTHS);
            return Deadline.open("bl-20:" + start.id(), record.caseId(), this, start.occurredAt(), RuleContext.endOf(dueDay),
                            context.warnFrom(dueDay))
                    .metBy(record.firstAnswer(start.id(), CaseworkKind.INVESTIGATION_CONCLUDED, CaseworkKind.PROVISIONAL_ASSESSMENT)
                            .orElse(null));
        }).toList();
    }
}
