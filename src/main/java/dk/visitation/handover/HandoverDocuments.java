package dk.visitation.handover;

import dk.visitation.common.DocumentReference;
import dk.visitation.common.Rows;
import dk.visitation.documents.CitedDocument;
import dk.visitation.documents.DocumentSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The documents a handover summary cites for the receiving adviser (table handover_document, in the order given). */
@ApplicationScoped
class HandoverDocuments implements DocumentSource {

    private record Row(UUID handoverId, String documentSystem, String documentCaseNumber, String documentId, String documentTitle,
            LocalDate documentDate,
            Instant recordedAt) {

        DocumentReference reference() {
            return new DocumentReference(documentSystem, documentCaseNumber, documentId, documentTitle, documentDate);
        }
    }

    private static final String SELECT = """
            select handover_id, document_system, document_case_number, document_id, document_title, document_date, recorded_at
            from handover_document""";

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CitedDocument> citedFor(UUID caseId) {
        return Rows.list(Panache.getEntityManager(), SELECT + " where case_id = :case order by handover_id, position", Row.class,
                        q -> q.setParameter("case", caseId)).stream()
                .map(r -> new CitedDocument(r.reference(), "handover", "SUMMARY", r.handoverId(), r.recordedAt())).toList();
    }

    /** The documents the handover's summary cites, in its order. */
    static List<DocumentReference> of(UUID handoverId) {
        return Rows.list(Panache.getEntityManager(), SELECT + " where handover_id = :handover order by position", Row.class,
                q -> q.setParameter("handover", handoverId)).stream().map(Row::reference).toList();
    }

    static void save(UUID handoverId, UUID caseId, List<DocumentReference> references, Instant at) {
        for (int i = 0; i < references.size(); i++) {
            DocumentReference d = references.get(i);
            Panache.getEntityManager().createNativeQuery("""
                            insert into handover_document (id, handover_id, case_id, position, document_system, document_case_number,
                                document_id, document_title, document_date, recorded_at)
                            values (:id, :handover, :case, :position, :system, :caseNumber, :documentId, :title, :date, :at)""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter("id", UUID.randomUUID()).setParameter("handover", handoverId).setParameter("case", caseId)
                    .setParameter("position", i).setParameter("system", d.system()).setParameter("caseNumber", d.caseNumber())
                    .setParameter("documentId", d.documentId()).setParameter("title", d.title(), String.class)
                    .setParameter("date", d.date(), LocalDate.class).setParameter("at", at).executeUpdate();
        }
    }
}
