package dk.visitation.deadlines;

import dk.visitation.common.WorkingDayCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every deadline rule, and the deadlines of a case's record by them, soonest due first. */
@ApplicationScoped
public class DeadlineRules {

    public static final List<DeadlineRule> ALL = List.of(new NotificationAssessmentRule(), new NotifierReceiptRule(),
            new InvestigationConclusionRule(), new ChildConversationBeforeDecisionRule(), new ChildConversationRecurringRule(),
            new ChildPlanRule(), new FollowUpRule(), new GrantRenewalRule(), new AktindsigtAnswerRule());

    private final RuleContext context;

    DeadlineRules(WorkingDayCalendar calendar,
            @ConfigProperty(name = "visitation.deadlines.follow-up-cadence-months", defaultValue = "6") int cadence,
            @ConfigProperty(name = "visitation.deadlines.warn-working-days", defaultValue = "2") int warn,
            @ConfigProperty(name = "visitation.deadlines.renewal-notice-days", defaultValue = "" + RuleContext.RENEWAL_NOTICE_DAYS) int renewal) {
        this.context = new RuleContext(calendar, cadence, warn, renewal);
    }

    public RuleContext context() {
        return context;
    }

    public static List<Deadline> derive(CaseRecord record, RuleContext context) {
        return ALL.stream().flatMap(rule -> rule.derive(record, context).stream())
                .sorted(Comparator.comparing(Deadline::dueAt).thenComparing(Deadline::key)).toList();
    }

    public List<Deadline> derive(CaseRecord record) {
        return derive(record, context);
    }

    static boolean isOpenAt(Deadline d, Instant now) {
        DeadlineStatus s = d.statusAt(now);
        return s == DeadlineStatus.OPEN || s == DeadlineStatus.DUE_SOON || s == DeadlineStatus.OVERDUE;
    }
}
