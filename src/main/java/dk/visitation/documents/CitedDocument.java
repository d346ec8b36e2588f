package dk.visitation.documents;

import dk.visitation.common.DocumentReference;
import java.time.Instant;
import java.util.UUID;

/**
 * A document as a feature cites it: the reference, the feature and kind of record that cites it (e.g. {@code casework} /
 * {@code NOTIFICATION}, {@code committee} / {@code DECISION}), that record's id and when it was recorded.
 */
public record CitedDocument(DocumentReference document, String feature, String kind, UUID citedBy, Instant recordedAt) {
}
