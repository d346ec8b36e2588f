package dk.visitation.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the answers every operation can give without saying so itself: 406 and 500 always, 415
 * where a body is read, 401 and 403 where a role is required. Operation-specific errors (and a more
 * specific wording of these) are annotated on the resources.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        add(operation, "406", "No acceptable representation for the Accept header");
        add(operation, "500", "Unexpected error; the problem carries an error id to quote");
        if (operation.getRequestBody() != null) {
            add(operation, "415", "The body's media type is not supported");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(operation, "401", "No valid bearer token");
            add(operation, "403", "The caller's role does not allow this");
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
