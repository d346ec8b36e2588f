package dk.visitation.documents;

import dk.visitation.common.DocumentReference;
import dk.visitation.common.Rows;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A feature's table of the documents one of its records cites, in the order given (V58: committee_material_document,
 * handover_document): id, the owning record's column, case_id, position, the five document columns and recorded_at.
 * The table and column are the feature's constants, never input.
 */
public record DocumentList(String table, String ownerColumn) {

    /** A document as the table keeps it: which record cites it, and when it was recorded. */
    public record Listed(UUID ownerId, DocumentReference reference, Instant recordedAt) {
    }

    private record Row(UUID ownerId, String documentSystem, String documentCaseNumber, String documentId, String documentTitle,
            LocalDate documentDate, Instant recordedAt) {

        Listed listed() {
            return new Listed(ownerId, new DocumentReference(documentSystem, documentCaseNumber, documentId, documentTitle, documentDate),
                    recordedAt);
        }
    }

    private String select() {
        return "select " + ownerColumn + " as owner_id, document_system, document_case_number, document_id, document_title, document_date, recorded_at from "
                + table;
    }

    /** Every document the case's records cite, record by record, each in its order. */
    public List<Listed> ofCase(UUID caseId) {
        return Rows.list(Panache.getEntityManager(), select() + " where case_id = :case order by " + ownerColumn + ", position", Row.class,
                q -> q.setParameter("case", caseId)).stream().map(Row::listed).toList();
    }

    /** The documents one record cites, in its order. */
    public List<DocumentReference> of(UUID ownerId) {
        return Rows.list(Panache.getEntityManager(), select() + " where " + ownerColumn + " = :owner order by position", Row.class,
                q -> q.setParameter("owner", ownerId)).stream().map(r -> r.listed().reference()).toList();
    }

    /** Keeps the documents a new record cites, in the order given. */
    public void save(UUID ownerId, UUID caseId, List<DocumentReference> references, Instant at) {
        for (int i = 0; i < references.size(); i++) {
            DocumentReference d = references.get(i);
            Panache.getEntityManager().createNativeQuery("insert into " + table + " (id, " + ownerColumn + ", case_id, position, "
                            + "document_system, document_case_number, document_id, document_title, document_date, recorded_at) "
                            + "values (:id, :owner, :case, :position, :system, :caseNumber, :documentId, :title, :date, :at)")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter("id", UUID.randomUUID()).setParameter("owner", ownerId).setParameter("case", caseId)
                    .setParameter("position", i).setParameter("system", d.system()).setParameter("caseNumber", d.caseNumber())
                    .setParameter("documentId", d.documentId()).setParameter("title", d.title(), String.class)
                    .setParameter("date", d.date(), LocalDate.class).setParameter("at", at).executeUpdate();
        }
    }
}
