package dk.visitation.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the answers every operation can give without saying so itself: 406, 414, 431 and 500
 * always, 400 where a parameter or body is read, 413 and 415 where a body is read, 401, 403 and 429 (the rate limit per calling system) where a
 * role is required. Operation-specific errors (and a more
 * specific wording of these) are annotated on the resources.
 */
public class ProblemResponsesFilter implements OASFilter {

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
        return operation;
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            return;
        }
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return; // the resource documents this answer itself (the framework's own have no body)
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        operation.getResponses().addAPIResponse(status, response);
    }
}
