package dk.visitation.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A document reference names a configured ESDH system and a case number (and document id) in that system's format. */
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DocumentReferenceValidator.class)
public @interface ValidDocumentReference {

    String message() default "is not a reference in a configured ESDH system's format";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
