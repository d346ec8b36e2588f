package dk.visitation.committee;

import dk.visitation.common.DocumentReference;
import dk.visitation.documents.CitedDocument;
import dk.visitation.documents.DocumentList;
import dk.visitation.documents.DocumentSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The documents the committee cites: those its material lists by reference (table committee_material_document, in the
 * order given) and the decisions' own documents.
 */
@ApplicationScoped
class CommitteeDocuments implements DocumentSource {

    private static final DocumentList MATERIAL = new DocumentList("committee_material_document", "material_id");

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CitedDocument> citedFor(UUID caseId) {
        List<CitedDocument> cited = new ArrayList<>();
        MATERIAL.ofCase(caseId).forEach(d -> cited.add(new CitedDocument(d.reference(), "committee", "MATERIAL", d.ownerId(), d.recordedAt())));
        Decision.<Decision>list("caseId = ?1 and document.system is not null", caseId)
                .forEach(d -> cited.add(new CitedDocument(d.document, "committee", "DECISION", d.id, d.decidedAt)));
        return cited;
    }

    /** The references a material lists, in its order. */
    static List<DocumentReference> ofMaterial(UUID materialId) {
        return MATERIAL.of(materialId);
    }

    /** Keeps the references of a new material, in the order given. */
    static void saveMaterial(UUID materialId, UUID caseId, List<DocumentReference> references, Instant at) {
        MATERIAL.save(materialId, caseId, references, at);
    }
}
