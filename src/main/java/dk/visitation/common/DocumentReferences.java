package dk.visitation.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list of document references from a task form's input (forms arrive as JSON, not as a validated bean) with
 * the same Bean Validation rules as every other reference, including the configured ESDH formats: errors name the
 * field as the client wrote it, e.g. {@code documentReferences[1].caseNumber}.
 */
@ApplicationScoped
public class DocumentReferences {

    /** At most this many references per list: a form cites documents, it is not an archive. */
    public static final int MAX = 50;

    private final ObjectMapper json;
    private final Validator validator;

    DocumentReferences(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The references in {@code input.field} (empty when absent or null); problems are added to {@code errors}. */
    public List<DocumentReference> read(JsonNode input, String field, List<Problem.FieldError> errors) {
        JsonNode node = input.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX) {
            errors.add(new Problem.FieldError(field, "must be a list of at most " + MAX + " document references"));
            return List.of();
        }
        List<DocumentReference> references = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            DocumentReference reference;
            try {
                reference = json.treeToValue(node.get(i), DocumentReference.class);
            } catch (Exception e) {
                errors.add(new Problem.FieldError(at, "must be a document reference (system, caseNumber, documentId, title, date)"));
                continue;
            }
            if (reference == null) {
                errors.add(new Problem.FieldError(at, "must be a document reference"));
                continue;
            }
            for (ConstraintViolation<DocumentReference> violation : validator.validate(reference)) {
                String path = violation.getPropertyPath().toString();
                errors.add(new Problem.FieldError(path.isEmpty() ? at : at + "." + path, violation.getMessage()));
            }
            references.add(reference);
        }
        return List.copyOf(references);
    }
}
