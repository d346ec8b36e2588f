package dk.visitation.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneId;

/** A CPR number field; the message says what is wrong, never echoes the number. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCpr.Validator.class)
public @interface ValidCpr {

    String message() default "is not a valid CPR number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCpr, String> {
        private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotNull says that
            }
            return Cpr.problem(value, LocalDate.now(DENMARK)).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
