package dk.visitation.documents;

import java.util.List;
import java.util.UUID;

/**
 * A feature that cites documents of a case (casework, committee, handover, ...). Each feature answers from its own
 * tables, so {@code GET /cases/{id}/documents} unites them without reading any feature's tables: a new feature that cites
 * documents implements this and is found by CDI.
 */
public interface DocumentSource {

    /** Every document this feature cites for the case, in any order; not scoped and not logged (the reader does both). */
    List<CitedDocument> citedFor(UUID caseId);
}
