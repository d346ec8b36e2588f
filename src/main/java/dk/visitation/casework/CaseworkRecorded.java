package dk.visitation.casework;

import java.util.UUID;

/** A casework record was made (fired in its transaction), for features that keep something derived from the record. */
public record CaseworkRecorded(UUID caseId, UUID entryId, CaseworkKind kind) {
}
