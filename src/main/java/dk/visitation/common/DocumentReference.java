package dk.visitation.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reference to a document in the municipality's ESDH system (SBSYS, Acadre, ...): which system, its case number and
 * document id, with the title and date to show — a pointer, never the document. Embedded in any row that cites a
 * document (columns {@code document_system}, {@code document_case_number}, {@code document_id}, {@code document_title},
 * {@code document_date}; override with {@code @AttributeOverride} for a second one), and the same JSON everywhere. The
 * system must be a configured one and the case number in its format ({@link ValidDocumentReference}).
 */
@Embeddable
@ValidDocumentReference
@Schema(name = "DocumentReference", description = "A document in the municipality's ESDH system: a reference, never the document. system is one of the "
        + "configured ESDH systems (SBSYS, ACADRE, WORKZONE, KMD_EDH by default) and caseNumber in its format (KLE-style by default)")
public record DocumentReference(
        @NotBlank @Size(max = 50) @Column(name = "document_system") @Schema(examples = "SBSYS") String system,
        @NotBlank @Size(max = 100) @Column(name = "document_case_number") @Schema(examples = "27.24.00-G01-123-26") String caseNumber,
        @NotBlank @Size(max = 100) @Column(name = "document_id") @Schema(examples = "4711") String documentId,
        @Size(max = 300) @Column(name = "document_title") @Schema(nullable = true, examples = "Underretning fra skolen") String title,
        @Column(name = "document_date") @Schema(nullable = true, examples = "2026-11-20") LocalDate date) {
}
