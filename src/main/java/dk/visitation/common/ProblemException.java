package dk.visitation.common;

import java.util.List;

/** Thrown by services for an answer the client must act on; rendered as problem+json. */
public class ProblemException extends RuntimeException {

    private final ProblemType kind;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType kind, String detail) {
        this(kind, detail, List.of());
    }

    public ProblemException(ProblemType kind, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false); // a client error: no stack trace to fill or log
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request is not valid",
                List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType kind() {
        return kind;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
