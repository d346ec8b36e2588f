package dk.visitation.statusnotes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The notes a grant's agreement expects, derived and never typed in: every N months from the grant's first day, or N days
 * before each of its follow-ups is due (a follow-up due within N days of the start expects its note on the first day);
 * only days inside the grant's period. The notes received meet the expected ones in order, the first note the first
 * expected, as a follow-up meets its deadline.
 */
final class StatusNoteSchedule {

    /** What an expected note is: received on time, received late, not yet due, or overdue. */
    enum Status { RECEIVED, RECEIVED_LATE, DUE, LATE }

    /** A note received, as the schedule matches it. */
    record Received(UUID noteId, Instant receivedAt, LocalDate receivedOn) {
    }

    /** One expected note: due by the end of {@code dueOn}, and the note that met it, if any. */
    record Expected(int number, LocalDate dueOn, Status status, Received note) {
    }

    private StatusNoteSchedule() {
    }

    static List<LocalDate> dueDays(StatusNoteAgreement.Cadence cadence, Integer everyMonths, Integer daysBefore, LocalDate from,
            LocalDate to, List<LocalDate> followUpsDue) {
        List<LocalDate> days = new ArrayList<>();
        if (cadence == StatusNoteAgreement.Cadence.EVERY_MONTHS) {
            for (int k = 1; from.plusMonths((long) k * everyMonths).isBefore(to); k++) {
                days.add(from.plusMonths((long) k * everyMonths));
            }
        } else {
            for (LocalDate followUp : followUpsDue) {
                LocalDate day = followUp.minusDays(daysBefore);
                day = day.isBefore(from) ? from : day;
                if (day.isBefore(to) && (days.isEmpty() || day.isAfter(days.getLast()))) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    static List<Expected> match(List<LocalDate> dueDays, List<Received> notes, LocalDate today) {
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < dueDays.size(); i++) {
            LocalDate due = dueDays.get(i);
            Received note = i < notes.size() ? notes.get(i) : null;
            Status status = note != null ? (note.receivedOn().isAfter(due) ? Status.RECEIVED_LATE : Status.RECEIVED)
                    : (today.isAfter(due) ? Status.LATE : Status.DUE);
            expected.add(new Expected(i + 1, due, status, note));
        }
        return expected;
    }
}
