package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Barnets Lov § 5 with § 95 (the follow-up includes a conversation with the child): while a measure runs, the child is
 * spoken to again within six months of the last conversation (held, or not held with its reason). One deadline per
 * conversation whose six months end while a measure runs; met by the next one.
 */
public final class ChildConversationRecurringRule implements DeadlineRule {

    static final int MONTHS = 6;

    @Override
    public String id() {
        return "barnets-lov-5-conversation-every-six-months";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 5";
    }

    @Override
    public String title() {
        return "Tal med barnet igen inden 6 måneder, mens indsatsen løber";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        List<CaseworkFact> talks = record.of(CaseworkKind.CHILD_CONVERSATION_HELD, CaseworkKind.CHILD_CONVERSATION_NOT_HELD);
        List<Deadline> deadlines = new ArrayList<>();
        for (int i = 0; i < talks.size(); i++) {
            CaseworkFact talk = talks.get(i);
            var dueDay = RuleContext.day(talk.occurredAt()).plusMonths(MONTHS);
            var startDay = RuleContext.day(talk.occurredAt());
            boolean measureRuns = record.measures().stream().anyMatch(m -> !m.from().isAfter(dueDay) && m.to().isAfter(startDay));
            if (!measureRuns) {
                continue;
            }
            Deadline deadline = Deadline.open("bl-5-again:" + talk.id(), record.caseId(), this, talk.occurredAt(), RuleContext.endOf(dueDay),
                    context.warnFrom(dueDay));
            deadlines.add(i + 1 < talks.size() ? deadline.metBy(talks.get(i + 1)) : deadline);
        }
        return deadlines;
    }
}
