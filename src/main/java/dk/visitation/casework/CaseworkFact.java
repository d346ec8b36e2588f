package dk.visitation.casework;

import java.time.Instant;
import java.util.UUID;

/** A casework record as other features read it (deadlines, the radar): the facts, no document, no person. */
public record CaseworkFact(UUID id, UUID caseId, CaseworkKind kind, Instant occurredAt, NotifierKind notifierKind, Boolean urgent,
        UUID refersTo, UUID grantId, String reason) {
}
