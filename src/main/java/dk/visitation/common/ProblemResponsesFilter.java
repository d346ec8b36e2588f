package dk.visitation.common;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the answers every operation can give without saying so itself: 406, 414, 431 and 500
 * always, 400 where a parameter or body is read, 413 and 415 where a body is read, 401, 403 and 429 (the rate limit per calling system) where a
 * role is required. Operation-specific errors (and a more specific wording of these) are annotated on the
 * resources with their status and description only: every error answer is a problem, so this filter gives
 * each described error without content the Problem schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    /**
     * The answers Quarkus adds by itself, a description without a body (400 where there is an input, 401 and
     * 403 where a role is required): this filter's wording replaces them.
     */
    private static final Map<String, String> FRAMEWORK_DEFAULTS = Map.of(
            "400", "Bad Request", "401", "Not Authorized", "403", "Not Allowed");

    @Override
    public Operation filterOperation(Operation operation) {
        add(operation, "406", "No acceptable representation for the Accept header");
        add(operation, "414", "The request line (path and query) is too long");
        add(operation, "431", "The request headers are too large");
        add(operation, "500", "Unexpected error; the problem carries an error id to quote");
        if (operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            add(operation, "400", "A parameter or the body is not valid; the problem lists the fields");
        }
        if (operation.getRequestBody() != null) {
            add(operation, "413", "The body is larger than the service takes (256 KB)");
            add(operation, "415", "The body's media type is not supported");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(operation, "401", "No valid bearer token");
            add(operation, "403", "The caller's role does not allow this");
            add(operation, "429", "Too many requests from this calling system (role SYSTEM); see Retry-After");
        }
        giveProblemContent(operation);
        return operation;
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            return;
        }
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && !isFrameworkDefault(status, existing)) {
            return; // the resource documents this answer itself
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem()));
    }

    private static boolean isFrameworkDefault(String status, APIResponse response) {
        return response.getContent() == null && FRAMEWORK_DEFAULTS.get(status) != null
                && FRAMEWORK_DEFAULTS.get(status).equals(response.getDescription());
    }

    /** An error the resource describes without saying what it carries carries a problem. */
    private static void giveProblemContent(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (isError(status) && response.getDescription() != null && response.getContent() == null) {
                response.setContent(problem());
            }
        });
    }

    private static boolean isError(String status) {
        return status.length() == 3 && status.chars().allMatch(Character::isDigit) && Integer.parseInt(status) >= 400;
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problemSchema()));
    }

    /** A reference to the Problem component schema. */
    static Schema problemSchema() {
        return OASFactory.createSchema().ref("Problem");
    }
}
