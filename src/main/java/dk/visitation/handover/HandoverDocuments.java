package dk.visitation.handover;

import dk.visitation.common.DocumentReference;
import dk.visitation.documents.CitedDocument;
import dk.visitation.documents.DocumentList;
import dk.visitation.documents.DocumentSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The documents a handover summary cites for the receiving adviser (table handover_document, in the order given). */
@ApplicationScoped
class HandoverDocuments implements DocumentSource {

    private static final DocumentList SUMMARY = new DocumentList("handover_document", "handover_id");

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CitedDocument> citedFor(UUID caseId) {
        return SUMMARY.ofCase(caseId).stream()
                .map(d -> new CitedDocument(d.reference(), "handover", "SUMMARY", d.ownerId(), d.recordedAt())).toList();
    }

    /** The documents the handover's summary cites, in its order. */
    static List<DocumentReference> of(UUID handoverId) {
        return SUMMARY.of(handoverId);
    }

    static void save(UUID handoverId, UUID caseId, List<DocumentReference> references, Instant at) {
        SUMMARY.save(handoverId, caseId, references, at);
    }
}
