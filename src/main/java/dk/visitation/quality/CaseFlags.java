package dk.visitation.quality;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkKind;
import dk.visitation.deadlines.CaseRecord;
import dk.visitation.deadlines.Deadline;
import dk.visitation.deadlines.RuleContext;
import dk.visitation.economy.Measures.Measure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case's flags on a day, derived from its record as it stood at the end of that day (later records and measures
 * decided later do not count): per gap, whether it is relevant (and why), and whether what it asks for is present.
 */
final class CaseFlags {

    record Flag(Gap gap, boolean relevant, boolean present, String why) {
        boolean missing() {
            return relevant && !present;
        }
    }

    private CaseFlags() {
    }

    static List<Flag> of(CaseRecord full, LocalDate on, List<Deadline> followUps, int inactiveDays) {
        Instant end = RuleContext.endOf(on);
        List<CaseworkFact> facts = full.facts().stream().filter(f -> !f.occurredAt().isAfter(end)).toList();
        List<Measure> measures = full.measures().stream().filter(m -> !m.decidedAt().isAfter(end)).toList();
        List<Measure> running = measures.stream().filter(m -> m.runsOn(on)).toList();
        Instant sixMonthsAgo = on.minusMonths(6).atStartOfDay(dk.visitation.common.Times.DENMARK).toInstant();
        List<Flag> flags = new ArrayList<>();

        boolean notified = has(facts, CaseworkKind.NOTIFICATION);
        Optional<CaseworkFact> notRelevant = last(facts, CaseworkKind.INVESTIGATION_NOT_RELEVANT);
        boolean investigationRelevant = (notified || !measures.isEmpty()) && notRelevant.isEmpty();
        flags.add(new Flag(Gap.INVESTIGATION, investigationRelevant,
                has(facts, CaseworkKind.INVESTIGATION_STARTED, CaseworkKind.INVESTIGATION_CONCLUDED, CaseworkKind.PROVISIONAL_ASSESSMENT),
                notRelevant.isPresent() ? "not relevant: " + notRelevant.get().reason()
                        : notified ? "a notification was received" : measures.isEmpty() ? "no notification and no measure" : "a measure was decided"));

        boolean documentedNotHeld = facts.stream().anyMatch(f -> f.kind() == CaseworkKind.CHILD_CONVERSATION_NOT_HELD && f.occurredAt().isAfter(sixMonthsAgo));
        boolean talked = facts.stream().anyMatch(f -> f.kind() == CaseworkKind.CHILD_CONVERSATION_HELD && f.occurredAt().isAfter(sixMonthsAgo));
        flags.add(new Flag(Gap.CHILD_CONVERSATION, !running.isEmpty() && !documentedNotHeld, talked,
                running.isEmpty() ? "no running measure" : documentedNotHeld ? "not held, with a reason, in the last six months"
                        : "a measure runs"));

        boolean planNeeded = running.stream().anyMatch(Measure::needsChildPlan);
        flags.add(new Flag(Gap.CHILD_PLAN, planNeeded, has(facts, CaseworkKind.CHILD_PLAN_MADE),
                planNeeded ? "a measure under § 32 or §§ 46-47 runs" : "no running measure that needs a plan"));

        List<Deadline> due = followUps.stream().filter(d -> running.stream().anyMatch(m -> d.key().startsWith("bl-95:" + m.grantId() + ":")))
                .filter(d -> !d.dueAt().isAfter(end)).toList();
        boolean followUpOnTime = due.stream().allMatch(d -> d.metAt() != null && !d.metAt().isAfter(d.dueAt()) && !d.metAt().isAfter(end));
        flags.add(new Flag(Gap.FOLLOW_UP, !due.isEmpty(), followUpOnTime,
                due.isEmpty() ? "no follow-up due yet" : due.size() + " follow-up(s) due by then"));

        Optional<Instant> lastActivity = java.util.stream.Stream.concat(facts.stream().map(CaseworkFact::occurredAt),
                measures.stream().map(Measure::decidedAt)).max(Instant::compareTo);
        boolean active = lastActivity.isPresent() && lastActivity.get().isAfter(end.minus(java.time.Duration.ofDays(inactiveDays)));
        flags.add(new Flag(Gap.INACTIVITY, !running.isEmpty(), active,
                running.isEmpty() ? "no running measure" : "a measure runs; activity within " + inactiveDays + " days is expected"));
        return flags;
    }

    /** The follow-up deadlines of a record as it stood at the end of {@code on}. */
    static boolean isFollowUp(Deadline d) {
        return d.rule().id().equals("barnets-lov-95-follow-up");
    }

    private static boolean has(List<CaseworkFact> facts, CaseworkKind... kinds) {
        List<CaseworkKind> wanted = List.of(kinds);
        return facts.stream().anyMatch(f -> wanted.contains(f.kind()));
    }

    private static Optional<CaseworkFact> last(List<CaseworkFact> facts, CaseworkKind kind) {
        return facts.stream().filter(f -> f.kind() == kind).reduce((a, b) -> b);
    }
}
