package dk.visitation.committee;

import dk.visitation.common.DocumentReference;
import dk.visitation.common.Rows;
import dk.visitation.documents.CitedDocument;
import dk.visitation.documents.DocumentSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The documents the committee cites: those its material lists by reference (table committee_material_document, in the
 * order given) and the decisions' own documents.
 */
@ApplicationScoped
class CommitteeDocuments implements DocumentSource {

    private record Row(UUID materialId, String documentSystem, String documentCaseNumber, String documentId, String documentTitle,
            LocalDate documentDate,
            Instant recordedAt) {

        DocumentReference reference() {
            return new DocumentReference(documentSystem, documentCaseNumber, documentId, documentTitle, documentDate);
        }
    }

    private static final String SELECT = """
            select material_id, document_system, document_case_number, document_id, document_title, document_date, recorded_at
            from committee_material_document""";

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CitedDocument> citedFor(UUID caseId) {
        List<CitedDocument> cited = new ArrayList<>();
        Rows.list(Panache.getEntityManager(), SELECT + " where case_id = :case order by material_id, position", Row.class,
                        q -> q.setParameter("case", caseId))
                .forEach(r -> cited.add(new CitedDocument(r.reference(), "committee", "MATERIAL", r.materialId(), r.recordedAt())));
        Decision.<Decision>list("caseId = ?1 and document.system is not null", caseId)
                .forEach(d -> cited.add(new CitedDocument(d.document, "committee", "DECISION", d.id, d.decidedAt)));
        return cited;
    }

    /** The references a material lists, in its order. */
    static List<DocumentReference> ofMaterial(UUID materialId) {
        return Rows.list(Panache.getEntityManager(), SELECT + " where material_id = :material order by position", Row.class,
                q -> q.setParameter("material", materialId)).stream().map(Row::reference).toList();
    }

    /** Keeps the references of a new material, in the order given. */
    static void saveMaterial(UUID materialId, UUID caseId, List<DocumentReference> references, Instant at) {
        for (int i = 0; i < references.size(); i++) {
            DocumentReference d = references.get(i);
            Panache.getEntityManager().createNativeQuery("""
                            insert into committee_material_document (id, material_id, case_id, position, document_system,
                                document_case_number, document_id, document_title, document_date, recorded_at)
                            values (:id, :material, :case, :position, :system, :caseNumber, :documentId, :title, :date, :at)""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter("id", UUID.randomUUID()).setParameter("material", materialId).setParameter("case", caseId)
                    .setParameter("position", i).setParameter("system", d.system()).setParameter("caseNumber", d.caseNumber())
                    .setParameter("documentId", d.documentId()).setParameter("title", d.title(), String.class)
                    .setParameter("date", d.date(), LocalDate.class).setParameter("at", at).executeUpdate();
        }
    }
}
