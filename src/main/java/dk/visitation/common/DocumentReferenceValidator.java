package dk.visitation.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a {@link DocumentReference} against the configured ESDH systems ({@link EsdhSystems}): the system must be one
 * of them, its case number (and document id, where a pattern is configured) in that system's format. The violation
 * names the field ({@code system}, {@code caseNumber}, {@code documentId}), so the problem says e.g.
 * {@code document.caseNumber}. Blank or missing values are left to {@code @NotBlank}.
 */
public class DocumentReferenceValidator implements ConstraintValidator<ValidDocumentReference, DocumentReference> {

    /** The configured systems, compiled once; read on first use, as the validator factory is built before the configuration. */
    private volatile Map<String, Compiled> compiled;

    private record Compiled(Pattern caseNumber, Pattern documentId, String caseNumberPattern) {
    }

    static Map<String, Compiled> compile(EsdhSystems config) {
        Map<String, Compiled> compiled = new TreeMap<>();
        config.systems().forEach((name, system) -> compiled.put(name, new Compiled(Pattern.compile(system.caseNumberPattern()),
                system.documentIdPattern().map(Pattern::compile).orElse(null), system.caseNumberPattern())));
        return compiled;
    }

    private Map<String, Compiled> systems() {
        if (compiled == null) {
            compiled = compile(org.eclipse.microprofile.config.ConfigProvider.getConfig().unwrap(io.smallrye.config.SmallRyeConfig.class)
                    .getConfigMapping(EsdhSystems.class));
        }
        return compiled;
    }

    @Override
    public boolean isValid(DocumentReference reference, ConstraintValidatorContext context) {
        if (reference == null || reference.system() == null || reference.system().isBlank()) {
            return true;
        }
        Map<String, Compiled> systems = systems();
        Compiled system = systems.get(reference.system());
        if (system == null) {
            return violation(context, "system", "must be one of the configured ESDH systems: "
                    + systems.keySet().stream().collect(Collectors.joining(", ")));
        }
        if (reference.caseNumber() != null && !reference.caseNumber().isBlank()
                && !system.caseNumber().matcher(reference.caseNumber()).matches()) {
            return violation(context, "caseNumber", "is not a " + reference.system() + " case number (" + system.caseNumberPattern() + ")");
        }
        if (system.documentId() != null && reference.documentId() != null && !reference.documentId().isBlank()
                && !system.documentId().matcher(reference.documentId()).matches()) {
            return violation(context, "documentId", "is not a " + reference.system() + " document id");
        }
        return true;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        // the message is our own text: escape what the expression language would read
        context.buildConstraintViolationWithTemplate(message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                        .replace("$", "\\$"))
                .addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
