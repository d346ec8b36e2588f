package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import java.time.Duration;
import java.util.List;

/**
 * Barnets Lov § 136 (old SEL § 155): a notification is assessed within 24 hours of its receipt — 24 hours on the clock,
 * weekends and holidays included, so a notification received Friday 16:00 is assessed by Saturday 16:00.
 * Met by the first NOTIFICATION_ASSESSED that answers it; warns in the last 6 hours.
 */
public final class NotificationAssessmentRule implements DeadlineRule {

    static final Duration LIMIT = Duration.ofHours(24);
    static final Duration WARNING = Duration.ofHours(6);

    @Override
    public String id() {
        return "barnets-lov-136-notification-assessment";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 136";
    }

    @Override
    public String title() {
        return "Vurdér underretningen inden for 24 timer";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        return record.of(CaseworkKind.NOTIFICATION).stream().map(n -> {
            var due = n.occurredAt().plus(LIMIT);
            return Deadline.open("bl-136:" + n.id(), record.caseId(), this, n.occurredAt(), due, due.minus(WARNING))
                    .metBy(record.firstAnswer(n.id(), CaseworkKind.NOTIFICATION_ASSESSED).orElse(null));
        }).toList();
    }
}
