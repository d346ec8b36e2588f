package dk.visitation.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document; {@code errors} lists the fields that failed validation. */
@Schema(name = "Problem", description = "RFC 9457 problem details; members without a value are left out",
        requiredProperties = {"type", "title", "status"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(examples = "urn:visitation:problem:validation") URI type,
        @Schema(examples = "The request is not valid") String title,
        @Schema(examples = "400") int status,
        String detail,
        @Schema(format = "uri-reference", description = "The request path the problem is about") URI instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "child.cpr") String field,
            @Schema(examples = "is not a valid CPR number") String message) {
    }

    public static Problem of(ProblemType kind, String detail, String path, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance(path),
                errors == null ? List.of() : errors);
    }

    /**
     * The request path as a URI reference. The path arrives decoded, so {@code /cases/%7Bid%7D} is
     * {@code /cases/{id}} here: quote what a URI may not hold instead of failing while reporting an error.
     */
    static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(new URI(null, null, path, null).toASCIIString()); // æøå percent-encoded: a URI, not an IRI
        } catch (java.net.URISyntaxException e) {
            return null; // a path that cannot be a URI at all: the problem goes without its instance
        }
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
