package dk.visitation.committee;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.DocumentReference;
import dk.visitation.common.DocumentReferences;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.tasks.TaskForm;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The form of "Forbered materiale til visitationsudvalget": MYN confirms each point of the checklist
 * (functional impairment, family situation, current support) and lists the documents: in words ({@code documents}, as
 * always) and, where they are journalised, as references into the ESDH system ({@code documentReferences}).
 */
@ApplicationScoped
class MaterialForm implements TaskForm {

    static final List<String> CHECKLIST = List.of("functionalImpairment", "familySituation", "currentSupport");
    private static final Set<String> FIELDS = Set.of("functionalImpairment", "familySituation", "currentSupport", "documents", "summary",
            "documentReferences");

    private final DocumentReferences references;

    MaterialForm(DocumentReferences references) {
        this.references = references;
    }

    @Override
    public String formKey() {
        return "visitation:committee-material";
    }

    @Override
    public Map<String, Object> complete(CompletedTask task, JsonNode input) {
        List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
        for (String point : CHECKLIST) {
            if (!input.path(point).asBoolean(false)) {
                errors.add(new Problem.FieldError(point, "must be described (true) before the case goes to the committee"));
            }
        }
        JsonNode documents = input.path("documents");
        if (!documents.isArray() || documents.isEmpty()) {
            errors.add(new Problem.FieldError("documents", "must list at least one document"));
        } else {
            documents.forEach(document -> {
                if (!document.isTextual() || document.asText().isBlank() || document.asText().length() > 500) {
                    errors.add(new Problem.FieldError("documents", "each document is a non-blank reference of at most 500 characters"));
                }
            });
        }
        JsonNode summary = input.path("summary");
        if (!summary.isMissingNode() && !summary.isNull() && (!summary.isTextual() || summary.asText().length() > 4000)) {
            errors.add(new Problem.FieldError("summary", "must be a text of at most 4000 characters"));
        }
        List<DocumentReference> cited = references.read(input, "documentReferences", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The material is not complete", errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Panache.getEntityManager().createNativeQuery("""
                        insert into committee_material (id, case_id, functional_impairment, family_situation, current_support,
                                                        documents, summary, prepared_by, prepared_at)
                        values (:id, :case, true, true, true, cast(:documents as jsonb), :summary, :by, :at)""")
                .setParameter("id", id).setParameter("case", task.caseId())
                .setParameter("documents", documents.toString())
                .setParameter("summary", summary.isTextual() ? summary.asText() : null)
                .setParameter("by", task.completedBy()).setParameter("at", now)
                .executeUpdate();
        CommitteeDocuments.saveMaterial(id, task.caseId(), cited, now);
        return Map.of();
    }
}
