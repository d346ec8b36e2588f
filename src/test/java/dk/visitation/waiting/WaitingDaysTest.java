package dk.visitation.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Department;
import dk.visitation.common.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A first meeting's wait in working days around Easter 2027 (Maundy Thursday 25 March, Good Friday 26, Easter Monday 29). */
class WaitingDaysTest {

    private final WaitingLists lists = new WaitingLists(null, null, WorkingDayCalendar.DANISH, null, 10);

    private WaitingApi.FirstMeetingWait waitOn(String on) {
        // received Wednesday 24 March 2027 at 10:00 Danish time
        return lists.wait(UUID.randomUUID(), Department.MYN, CaseStatus.AWAITING_ASSESSMENT, null,
                Instant.parse("2027-03-24T09:00:00Z"), LocalDate.parse(on));
    }

    @Test
    void the_easter_holidays_and_the_weekend_between_them_are_no_working_days_waited() {
        assertEquals(0, waitOn("2027-03-29").workingDaysWaited());
        assertEquals(5, waitOn("2027-03-29").daysWaited());
        assertEquals(1, waitOn("2027-03-30").workingDaysWaited());
    }

    @Test
    void the_standard_of_ten_working_days_is_kept_on_the_tenth_and_exceeded_on_the_eleventh() {
        WaitingApi.FirstMeetingWait tenth = waitOn("2027-04-12");
        assertEquals(10, tenth.workingDaysWaited());
        assertFalse(tenth.exceeded());
        assertEquals(LocalDate.parse("2027-04-12"), tenth.standardDue());
        WaitingApi.FirstMeetingWait eleventh = waitOn("2027-04-13");
        assertEquals(11, eleventh.workingDaysWaited());
        assertTrue(eleventh.exceeded());
    }

    @Test
    void a_case_received_on_the_day_of_the_list_has_waited_nothing() {
        WaitingApi.FirstMeetingWait today = waitOn("2027-03-24");
        assertEquals(0, today.workingDaysWaited());
        assertEquals(0, today.daysWaited());
        assertFalse(today.exceeded());
    }
}
