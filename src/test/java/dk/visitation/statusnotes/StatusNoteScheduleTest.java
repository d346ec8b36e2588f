package dk.visitation.statusnotes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The expected notes at their edges: month ends, a follow-up close to the start, the grant's end, and late notes. */
class StatusNoteScheduleTest {

    private static final LocalDate JAN_31 = LocalDate.of(2028, 1, 31);

    @Test
    void every_n_months_from_a_month_end_keeps_to_the_last_day_of_shorter_months_and_stops_before_the_grants_end() {
        assertEquals(List.of(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30)),
                StatusNoteSchedule.dueDays(StatusNoteAgreement.Cadence.EVERY_MONTHS, 1, null, JAN_31, LocalDate.of(2028, 5, 31), List.of()));
        assertEquals(List.of(), StatusNoteSchedule.dueDays(StatusNoteAgreement.Cadence.EVERY_MONTHS, 3, null, JAN_31,
                LocalDate.of(2028, 4, 30), List.of()), "a note due on the day the grant ends is not owed");
    }

    @Test
    void before_each_follow_up_a_note_is_due_n_days_earlier_but_never_before_the_grant_started() {
        LocalDate start = LocalDate.of(2028, 3, 1);
        assertEquals(List.of(start, LocalDate.of(2028, 5, 18)), StatusNoteSchedule.dueDays(StatusNoteAgreement.Cadence.BEFORE_FOLLOW_UP,
                null, 14, start, LocalDate.of(2029, 1, 1), List.of(LocalDate.of(2028, 3, 10), LocalDate.of(2028, 6, 1))));
        assertEquals(List.of(start), StatusNoteSchedule.dueDays(StatusNoteAgreement.Cadence.BEFORE_FOLLOW_UP, null, 14, start,
                LocalDate.of(2028, 5, 1), List.of(LocalDate.of(2028, 3, 10), LocalDate.of(2028, 6, 1))));
    }

    @Test
    void notes_meet_the_expected_ones_in_order_on_the_due_day_on_time_and_after_it_late() {
        LocalDate due = LocalDate.of(2028, 2, 29);
        List<LocalDate> days = List.of(due, due.plusMonths(1), due.plusMonths(2));
        var onTheDay = new StatusNoteSchedule.Received(UUID.randomUUID(), Instant.parse("2028-02-29T22:30:00Z"), due);
        var late = new StatusNoteSchedule.Received(UUID.randomUUID(), Instant.parse("2028-04-01T08:00:00Z"), LocalDate.of(2028, 4, 1));
        List<StatusNoteSchedule.Expected> expected = StatusNoteSchedule.match(days, List.of(onTheDay, late), LocalDate.of(2028, 4, 29));
        assertEquals(List.of(StatusNoteSchedule.Status.RECEIVED, StatusNoteSchedule.Status.RECEIVED_LATE, StatusNoteSchedule.Status.DUE),
                expected.stream().map(StatusNoteSchedule.Expected::status).toList());
        assertEquals(StatusNoteSchedule.Status.LATE,
                StatusNoteSchedule.match(days, List.of(onTheDay, late), LocalDate.of(2028, 4, 30)).get(2).status());
    }
}
