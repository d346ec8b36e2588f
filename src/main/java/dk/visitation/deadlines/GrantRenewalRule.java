package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A grant is time-limited (the sources grant "for 9 months"): before it runs out the municipality decides whether it is
 * renewed, so the family is not left without the service, or told in time that it ends. Due the configured notice
 * ({@code visitation.deadlines.renewal-notice-days}, 30 by default) before the grant's end; met by the RENEWAL_DECIDED
 * record naming the grant, and late when recorded after that day (also after the end: a renewal decided after the grant
 * ran out). A grant ended early has its end decided; a grant no longer than the notice is decided whole — neither has one.
 */
public final class GrantRenewalRule implements DeadlineRule {

    @Override
    public String id() {
        return "grant-renewal-decision";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 95 (om indsatsen skal fortsætte, før den tidsbegrænsede bevilling udløber)";
    }

    @Override
    public String title() {
        return "Træf afgørelse om forlængelse, før bevillingen udløber";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        List<Deadline> deadlines = new ArrayList<>();
        for (var measure : record.measures()) {
            if (measure.endedEarly() || ChronoUnit.DAYS.between(measure.from(), measure.to()) <= context.renewalNoticeDays()) {
                continue;
            }
            LocalDate dueDay = measure.to().minusDays(context.renewalNoticeDays());
            Deadline deadline = Deadline.open("renewal:" + measure.grantId(), record.caseId(), this,
                    measure.from().atStartOfDay(dk.visitation.common.Times.DENMARK).toInstant(), RuleContext.endOf(dueDay),
                    context.warnFrom(dueDay));
            deadlines.add(deadline.metBy(record.of(CaseworkKind.RENEWAL_DECIDED).stream()
                    .filter(f -> measure.grantId().equals(f.grantId())).findFirst().orElse(null)));
        }
        return deadlines;
    }
}
