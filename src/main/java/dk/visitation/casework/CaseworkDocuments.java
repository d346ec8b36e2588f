package dk.visitation.casework;

import dk.visitation.documents.CitedDocument;
import dk.visitation.documents.DocumentSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The documents the casework record cites: one per record at most (the notification, the investigation, ...). */
@ApplicationScoped
class CaseworkDocuments implements DocumentSource {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CitedDocument> citedFor(UUID caseId) {
        return CaseworkEntry.<CaseworkEntry>list("caseId = ?1 and document.system is not null", caseId).stream()
                .map(e -> new CitedDocument(e.document, "casework", e.kind.name(), e.id, e.recordedAt))
                .toList();
    }
}
