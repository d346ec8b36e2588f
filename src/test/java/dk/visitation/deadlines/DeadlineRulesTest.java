package dk.visitation.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkKind;
import dk.visitation.casework.NotifierKind;
import dk.visitation.common.Times;
import dk.visitation.common.WorkingDayCalendar;
import dk.visitation.economy.Measures.Measure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every rule at its edges: weekend, public holiday, month end, leap day, 24 hours across midnight, the last day, late. */
class DeadlineRulesTest {

    private static final RuleContext CONTEXT = new RuleContext(WorkingDayCalendar.DANISH, 6, 2);
    private static final UUID CASE = UUID.randomUUID();

    private final List<CaseworkFact> facts = new ArrayList<>();
    private final List<Measure> measures = new ArrayList<>();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private CaseworkFact fact(CaseworkKind kind, String at, CaseworkFact answers) {
        CaseworkFact fact = new CaseworkFact(UUID.randomUUID(), CASE, kind, at(at), null, null, answers == null ? null : answers.id(),
                null, kind.needsReason() ? "begrundelse" : null);
        facts.add(fact);
        return fact;
    }

    private CaseworkFact notification(String at, NotifierKind notifier) {
        CaseworkFact fact = new CaseworkFact(UUID.randomUUID(), CASE, CaseworkKind.NOTIFICATION, at(at), notifier, false, null, null, null);
        facts.add(fact);
        return fact;
    }

    private CaseworkFact followUp(Measure measure, String at) {
        CaseworkFact fact = new CaseworkFact(UUID.randomUUID(), CASE, CaseworkKind.FOLLOW_UP, at(at), null, null, null, measure.grantId(), null);
        facts.add(fact);
        return fact;
    }

    private Measure measure(String serviceType, boolean plan, LocalDate from, LocalDate to, String decidedAt) {
        Measure measure = new Measure(UUID.randomUUID(), CASE, serviceType, "Barnets Lov § 32", plan, from, to, at(decidedAt), false);
        measures.add(measure);
        return measure;
    }

    private List<Deadline> of(String ruleId) {
        return DeadlineRules.derive(new CaseRecord(CASE, List.copyOf(facts), List.copyOf(measures)), CONTEXT).stream()
                .filter(d -> d.rule().id().equals(ruleId)).toList();
    }

    private Deadline only(String ruleId) {
        List<Deadline> found = of(ruleId);
        assertEquals(1, found.size(), ruleId + ": " + found);
        return found.getFirst();
    }

    private static LocalDate dueOn(Deadline d) {
        return RuleContext.day(d.dueAt());
    }

    private static final String ASSESSMENT = "barnets-lov-136-notification-assessment";
    private static final String RECEIPT = "barnets-lov-137-receipt-to-notifier";
    private static final String INVESTIGATION = "barnets-lov-20-investigation-conclusion";
    private static final String AKTINDSIGT = "forvaltningsloven-16-aktindsigt-answer";
    private static final String FOLLOW_UP = "barnets-lov-95-follow-up";
    private static final String BEFORE_DECISION = "barnets-lov-5-conversation-before-decision";
    private static final String AGAIN = "barnets-lov-5-conversation-every-six-months";
    private static final String PLAN = "barnets-lov-91-child-plan";

    @Test
    void a_notification_received_late_in_the_evening_is_due_24_hours_later_across_midnight() {
        notification("2026-11-20T22:30:00+01:00", NotifierKind.PRIVATE);
        Deadline d = only(ASSESSMENT);
        assertEquals(at("2026-11-21T22:30:00+01:00"), d.dueAt());
        assertEquals(DeadlineStatus.OPEN, d.statusAt(at("2026-11-21T10:00:00+01:00")));
        assertEquals(DeadlineStatus.DUE_SOON, d.statusAt(at("2026-11-21T17:00:00+01:00")));
        assertEquals(DeadlineStatus.OVERDUE, d.statusAt(at("2026-11-21T22:31:00+01:00")));
    }

    @Test
    void an_assessment_on_the_24th_hour_meets_it_and_a_minute_later_meets_it_late() {
        CaseworkFact n = notification("2026-11-20T22:30:00+01:00", NotifierKind.ANONYMOUS);
        fact(CaseworkKind.NOTIFICATION_ASSESSED, "2026-11-21T22:30:00+01:00", n);
        assertEquals(DeadlineStatus.MET, only(ASSESSMENT).statusAt(Instant.now()));
        facts.clear();
        n = notification("2026-11-20T22:30:00+01:00", NotifierKind.ANONYMOUS);
        fact(CaseworkKind.NOTIFICATION_ASSESSED, "2026-11-21T22:31:00+01:00", n);
        assertEquals(DeadlineStatus.MET_LATE, only(ASSESSMENT).statusAt(Instant.now()));
    }

    @Test
    void the_24_hours_are_real_hours_across_the_change_to_winter_time() {
        notification("2026-10-24T12:00:00+02:00", NotifierKind.PRIVATE);
        assertEquals(at("2026-10-25T11:00:00+01:00"), only(ASSESSMENT).dueAt());
    }

    @Test
    void a_professional_notification_on_a_friday_gets_its_receipt_by_the_sixth_working_day_after_the_weekend() {
        CaseworkFact n = notification("2026-11-06T14:00:00+01:00", NotifierKind.PROFESSIONAL);
        Deadline open = only(RECEIPT);
        assertEquals(LocalDate.of(2026, 11, 16), dueOn(open));
        assertEquals(DeadlineStatus.OPEN, open.statusAt(at("2026-11-11T16:00:00+01:00")));
        assertEquals(DeadlineStatus.DUE_SOON, open.statusAt(at("2026-11-12T08:00:00+01:00")), "two working days before");
        fact(CaseworkKind.RECEIPT_SENT, "2026-11-16T23:00:00+01:00", n);
        assertEquals(DeadlineStatus.MET, only(RECEIPT).statusAt(Instant.now()), "met on the last allowed day");
    }

    @Test
    void a_receipt_the_day_after_the_sixth_working_day_is_late_and_private_notifiers_get_no_receipt_deadline() {
        CaseworkFact n = notification("2026-11-06T14:00:00+01:00", NotifierKind.PROFESSIONAL);
        fact(CaseworkKind.RECEIPT_SENT, "2026-11-17T08:00:00+01:00", n);
        assertEquals(DeadlineStatus.MET_LATE, only(RECEIPT).statusAt(Instant.now()));
        facts.clear();
        notification("2026-11-06T14:00:00+01:00", NotifierKind.PRIVATE);
        assertTrue(of(RECEIPT).isEmpty());
    }

    @Test
    void a_receipt_across_easter_skips_maundy_thursday_good_friday_and_easter_monday() {
        notification("2026-04-01T10:00:00+02:00", NotifierKind.PROFESSIONAL);
        assertEquals(LocalDate.of(2026, 4, 14), dueOn(only(RECEIPT)));
    }

    @Test
    void an_aktindsigt_request_before_easter_is_due_seven_working_days_later_and_a_notice_meets_it() {
        CaseworkFact request = fact(CaseworkKind.AKTINDSIGT_REQUESTED, "2026-04-01T10:00:00+02:00", null);
        assertEquals(LocalDate.of(2026, 4, 15), dueOn(only(AKTINDSIGT)));
        assertEquals(DeadlineStatus.OVERDUE, only(AKTINDSIGT).statusAt(at("2026-04-16T00:00:00+02:00")));
        fact(CaseworkKind.AKTINDSIGT_NOTICE, "2026-04-15T12:00:00+02:00", request);
        assertEquals(DeadlineStatus.MET, only(AKTINDSIGT).statusAt(at("2026-04-16T00:00:00+02:00")));
    }

    @Test
    void an_investigation_started_on_31_october_is_due_on_the_last_day_of_february_in_a_common_and_a_leap_year() {
        fact(CaseworkKind.INVESTIGATION_STARTED, "2026-10-31T10:00:00+01:00", null);
        assertEquals(LocalDate.of(2027, 2, 28), dueOn(only(INVESTIGATION)));
        facts.clear();
        fact(CaseworkKind.INVESTIGATION_STARTED, "2027-10-31T10:00:00+01:00", null);
        assertEquals(LocalDate.of(2028, 2, 29), dueOn(only(INVESTIGATION)));
        facts.clear();
        fact(CaseworkKind.INVESTIGATION_STARTED, "2028-02-29T10:00:00+01:00", null);
        assertEquals(LocalDate.of(2028, 6, 29), dueOn(only(INVESTIGATION)));
    }

    @Test
    void a_conclusion_on_the_last_allowed_day_meets_the_four_months_and_one_the_next_morning_is_late() {
        CaseworkFact start = fact(CaseworkKind.INVESTIGATION_STARTED, "2026-10-31T10:00:00+01:00", null);
        fact(CaseworkKind.INVESTIGATION_CONCLUDED, "2027-02-28T23:59:00+01:00", start);
        assertEquals(DeadlineStatus.MET, only(INVESTIGATION).statusAt(Instant.now()));
        facts.clear();
        start = fact(CaseworkKind.INVESTIGATION_STARTED, "2026-10-31T10:00:00+01:00", null);
        fact(CaseworkKind.INVESTIGATION_CONCLUDED, "2027-03-01T08:00:00+01:00", start);
        assertEquals(DeadlineStatus.MET_LATE, only(INVESTIGATION).statusAt(Instant.now()));
    }

    @Test
    void a_provisional_assessment_in_time_meets_the_four_months() {
        CaseworkFact start = fact(CaseworkKind.INVESTIGATION_STARTED, "2026-06-15T10:00:00+02:00", null);
        fact(CaseworkKind.PROVISIONAL_ASSESSMENT, "2026-10-14T10:00:00+02:00", start);
        Deadline d = only(INVESTIGATION);
        assertEquals(DeadlineStatus.MET, d.statusAt(Instant.now()));
        assertEquals(CaseworkKind.PROVISIONAL_ASSESSMENT, d.metByKind());
    }

    @Test
    void the_first_follow_up_is_due_three_months_after_the_start_at_month_end_then_at_the_cadence() {
        Measure m = measure("SUPPORTIVE_MEASURES", true, LocalDate.of(2026, 1, 31), LocalDate.of(2027, 1, 31), "2026-01-20T10:00:00+01:00");
        assertEquals(LocalDate.of(2026, 4, 30), dueOn(only(FOLLOW_UP)));
        followUp(m, "2026-04-30T15:00:00+02:00");
        List<Deadline> chain = of(FOLLOW_UP);
        assertEquals(2, chain.size());
        assertEquals(DeadlineStatus.MET, chain.get(0).statusAt(Instant.now()));
        assertEquals(LocalDate.of(2026, 10, 30), dueOn(chain.get(1)));
        assertEquals(DeadlineStatus.OVERDUE, chain.get(1).statusAt(at("2026-10-31T00:00:00+01:00")));
    }

    @Test
    void a_follow_up_a_day_late_is_met_late_and_none_is_due_after_the_measure_ends() {
        Measure m = measure("SUPPORTIVE_MEASURES", true, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1), "2026-01-01T10:00:00+01:00");
        followUp(m, "2026-04-02T09:00:00+02:00");
        List<Deadline> chain = of(FOLLOW_UP);
        assertEquals(1, chain.size(), "the next one (2 October) falls after the measure ends");
        assertEquals(DeadlineStatus.MET_LATE, chain.getFirst().statusAt(Instant.now()));
    }

    @Test
    void a_conversation_before_the_decision_meets_it_and_one_not_held_with_its_reason_makes_it_not_relevant() {
        fact(CaseworkKind.CHILD_CONVERSATION_HELD, "2026-03-01T10:00:00+01:00", null);
        measure("PLACEMENT", true, LocalDate.of(2026, 3, 15), LocalDate.of(2027, 3, 15), "2026-03-10T10:00:00+01:00");
        assertEquals(DeadlineStatus.MET, only(BEFORE_DECISION).statusAt(Instant.now()));
        assertEquals(LocalDate.of(2026, 9, 1), dueOn(only(AGAIN)), "due again six months after the last one while the measure runs");
        facts.clear();
        fact(CaseworkKind.CHILD_CONVERSATION_NOT_HELD, "2026-03-01T10:00:00+01:00", null);
        assertEquals(DeadlineStatus.NOT_RELEVANT, only(BEFORE_DECISION).statusAt(Instant.now()));
    }

    @Test
    void a_plan_is_due_at_the_decision_for_support_and_placement_but_not_for_compensation() {
        measure("NECESSARY_EXTRA_COSTS", false, LocalDate.of(2026, 3, 15), LocalDate.of(2027, 3, 15), "2026-03-10T10:00:00+01:00");
        assertTrue(of(PLAN).isEmpty());
        measure("PLACEMENT", true, LocalDate.of(2026, 3, 15), LocalDate.of(2027, 3, 15), "2026-03-10T10:00:00+01:00");
        assertEquals(DeadlineStatus.OVERDUE, only(PLAN).statusAt(at("2026-03-11T10:00:00+01:00")));
        fact(CaseworkKind.CHILD_PLAN_MADE, "2026-03-12T10:00:00+01:00", null);
        assertEquals(DeadlineStatus.MET_LATE, only(PLAN).statusAt(Instant.now()));
    }

    private static final String RENEWAL = "grant-renewal-decision";

    @Test
    void a_nine_month_grant_has_its_renewal_decided_30_days_before_it_runs_out_and_a_decision_after_the_end_is_late() {
        // granted for 9 months from 1 March 2026: runs out on 1 December, so decided by the end of 1 November
        Measure measure = measure("SUPPORTIVE_MEASURES", true, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 1), "2026-02-20T10:00:00+01:00");
        Deadline due = only(RENEWAL);
        assertEquals("renewal:" + measure.grantId(), due.key());
        assertEquals(at("2026-11-01T23:59:59.999999+01:00"), due.dueAt());
        assertEquals(DeadlineStatus.OVERDUE, due.statusAt(at("2026-11-02T08:00:00+01:00")));
        // decided after the grant ran out: met, late
        facts.add(new CaseworkFact(UUID.randomUUID(), CASE, CaseworkKind.RENEWAL_DECIDED, at("2026-12-03T10:00:00+01:00"), null, null,
                null, measure.grantId(), "Forlænget i 6 måneder; ny bevilling fra 3. december"));
        assertEquals(DeadlineStatus.MET_LATE, only(RENEWAL).statusAt(Instant.now()));
    }

    @Test
    void a_renewal_decided_on_the_day_meets_it_and_a_grant_ended_early_or_as_short_as_the_notice_has_none() {
        Measure measure = measure("SUPPORTIVE_MEASURES", true, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 1), "2026-02-20T10:00:00+01:00");
        facts.add(new CaseworkFact(UUID.randomUUID(), CASE, CaseworkKind.RENEWAL_DECIDED, at("2026-11-01T23:00:00+01:00"), null, null,
                null, measure.grantId(), "Ikke forlænget: målene er nået"));
        assertEquals(DeadlineStatus.MET, only(RENEWAL).statusAt(Instant.now()));
        measures.clear();
        measures.add(new Measure(UUID.randomUUID(), CASE, "RESPITE_CARE", "Barnets Lov § 32", true, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), at("2026-02-20T10:00:00+01:00"), false));
        measures.add(new Measure(UUID.randomUUID(), CASE, "PLACEMENT", "Barnets Lov §§ 46-47", true, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 6, 1), at("2026-02-20T10:00:00+01:00"), true));
        assertTrue(of(RENEWAL).isEmpty());
    }

    @Test
    void every_rule_names_its_law_and_keys_are_stable_for_the_same_record() {
        notification("2026-11-06T14:00:00+01:00", NotifierKind.PROFESSIONAL);
        var first = DeadlineRules.derive(new CaseRecord(CASE, facts, measures), CONTEXT).stream().map(Deadline::key).toList();
        var again = DeadlineRules.derive(new CaseRecord(CASE, facts, measures), CONTEXT).stream().map(Deadline::key).toList();
        assertEquals(first, again);
        DeadlineRules.ALL.forEach(rule -> assertTrue(rule.legalBasis().startsWith("Barnets Lov §")
                || rule.legalBasis().startsWith("Forvaltningsloven §"), rule.id()));
        assertEquals(Times.DENMARK, dk.visitation.common.Times.DENMARK);
    }
}
