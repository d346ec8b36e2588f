package dk.visitation.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into problem+json: our own problems, bean
 * validation, unreadable JSON, the framework's HTTP errors, and — last — anything unexpected as a
 * 500 without internals (the details go to the log under an error id).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problem.of(e.kind(), e.getMessage(), path(uri), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(ProblemType.VALIDATION, detail, path(uri), errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return jsonProblem(e, "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, "has the wrong type or format", uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return jsonProblem(e, "could not be read", uri);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e, UriInfo uri) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not well-formed JSON", path(uri), List.of())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, "The body could not be read as JSON", path(uri), List.of())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse(); // 304s are answers, and a problem built below us is already complete
        }
        ProblemType kind = ProblemType.forStatus(status);
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
            // JAX-RS answers a parameter that does not convert (size=abc, after=true) with 404; it is bad input
            return Problem.of(ProblemType.VALIDATION, "A parameter has the wrong type or format", path(uri), List.of()).toResponse();
        }
        return Problem.of(kind, kind.title(), path(uri), List.of()).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(UriInfo uri) {
        return Problem.of(ProblemType.UNAUTHORIZED, "Send a valid bearer token (Authorization: Bearer ...)", path(uri),
                List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", path(uri), List.of())
                .toResponse();
    }

    /** Two writers changed the same row at once: the later one is told, not silently applied. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentChange(UriInfo uri) {
        return Problem.of(ProblemType.CONFLICT, "Someone else changed this at the same moment; read it again and retry",
                path(uri), List.of()).toResponse();
    }

    /** A unique key refused a second write of the same fact (a race the code did not serialise): a conflict, not a 500. */
    @ServerExceptionMapper(org.hibernate.exception.ConstraintViolationException.class)
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.warnf("Refused by the database on %s: %s", path(uri), e.getConstraintName());
        return Problem.of(ProblemType.CONFLICT, "This was changed at the same moment by someone else; read it again and retry",
                path(uri), List.of()).toResponse();
    }

    /**
     * PostgreSQL refuses text with a NUL character (SQLSTATE 22021) in a parameter or a row: that text came
     * from the request (a query value, a body field, a decoded header), so it is bad input, not a 500.
     */
    @ServerExceptionMapper
    public Response data(org.hibernate.exception.DataException e, UriInfo uri) {
        if (!"22021".equals(e.getSQLState())) {
            return unexpected(e, uri);
        }
        return Problem.of(ProblemType.VALIDATION, "Text may not contain the NUL character (U+0000)", path(uri), List.of())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return Problem.of(ProblemType.INTERNAL, "Unexpected error; quote error id " + errorId, path(uri), List.of())
                .toResponse();
    }

    private static Response jsonProblem(JsonMappingException e, String message, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The body could not be read: " + message, path(uri),
                    List.of()).toResponse();
        }
        return Problem.of(ProblemType.VALIDATION, field + " " + message, path(uri),
                List.of(new Problem.FieldError(field, message))).toResponse();
    }

    /** "register.request.child.cpr" → "child.cpr", "list.page.size" → "size": the name the client used. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean parameterOnly = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName()); // a query or header parameter: its own name, unless a property follows
                parameterOnly = true;
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (parameterOnly) {
                    names.clear(); // a body or bean parameter: the client knows only its properties
                    parameterOnly = false;
                }
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
