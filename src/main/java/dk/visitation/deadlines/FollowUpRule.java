package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Barnets Lov § 95 (old SEL § 70, stk. 2): the municipality follows up on each measure, the first time within 3 months
 * of its start, then at the cadence it sets (default every 6 months) while the measure runs. Each follow-up due before
 * the measure ends is a deadline; met by the next FOLLOW_UP naming the grant.
 */
public final class FollowUpRule implements DeadlineRule {

    static final int FIRST_MONTHS = 3;

    /** Whether {@code deadline} is a follow-up of the grant {@code grantId}. */
    static boolean about(Deadline deadline, UUID grantId) {
        return deadline.rule() instanceof FollowUpRule && deadline.key().startsWith(keyPrefix(grantId));
    }

    /** The keys of a grant's follow-ups: the prefix, then the follow-up's number (0 the first). */
    private static String keyPrefix(UUID grantId) {
        return "bl-95:" + grantId + ":";
    }

    @Override
    public String id() {
        return "barnets-lov-95-follow-up";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 95";
    }

    @Override
    public String title() {
        return "Følg op på indsatsen (første gang inden 3 måneder, siden efter kommunens kadence)";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        List<Deadline> deadlines = new ArrayList<>();
        for (var measure : record.measures()) {
            List<CaseworkFact> followUps = record.of(CaseworkKind.FOLLOW_UP).stream()
                    .filter(f -> measure.grantId().equals(f.grantId())).toList();
            LocalDate dueDay = measure.from().plusMonths(FIRST_MONTHS);
            var startsAt = measure.from().atStartOfDay(dk.visitation.common.Times.DENMARK).toInstant();
            String key = keyPrefix(measure.grantId()) + 0;
            for (int i = 0; dueDay.isBefore(measure.to()); i++) {
                Deadline deadline = Deadline.open(key, record.caseId(), this, startsAt, RuleContext.endOf(dueDay), context.warnFrom(dueDay));
                if (i < followUps.size()) {
                    CaseworkFact done = followUps.get(i);
                    deadlines.add(deadline.metBy(done));
                    startsAt = done.occurredAt();
                    dueDay = RuleContext.day(done.occurredAt()).plusMonths(context.followUpCadenceMonths());
                    key = keyPrefix(measure.grantId()) + (i + 1);
                } else {
                    deadlines.add(deadline);
                    break;
                }
            }
        }
        return deadlines;
    }
}
