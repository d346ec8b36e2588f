package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One derived deadline: which rule, about what ({@code key} is deterministic from the record, e.g.
 * {@code bl-136:<notification id>}), when it started, the last moment that meets it, from when it warns, and what met it.
 */
public record Deadline(String key, UUID caseId, DeadlineRule rule, Instant startsAt, Instant dueAt, Instant warnFrom,
        Instant metAt, UUID metBy, CaseworkKind metByKind, String notRelevantReason) {

    public DeadlineStatus statusAt(Instant now) {
        if (notRelevantReason != null) {
            return DeadlineStatus.NOT_RELEVANT;
        }
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
        }
        if (now.isAfter(dueAt)) {
            return DeadlineStatus.OVERDUE;
        }
        return now.isBefore(warnFrom) ? DeadlineStatus.OPEN : DeadlineStatus.DUE_SOON;
    }

    static Deadline open(String key, UUID caseId, DeadlineRule rule, Instant startsAt, Instant dueAt, Instant warnFrom) {
        return new Deadline(key, caseId, rule, startsAt, dueAt, warnFrom, null, null, null, null);
    }

    Deadline metBy(dk.visitation.casework.CaseworkFact fact) {
        return fact == null ? this : new Deadline(key, caseId, rule, startsAt, dueAt, warnFrom, fact.occurredAt(), fact.id(), fact.kind(), null);
    }

    Deadline notRelevant(String reason) {
        return new Deadline(key, caseId, rule, startsAt, dueAt, warnFrom, null, null, null, reason);
    }
}
