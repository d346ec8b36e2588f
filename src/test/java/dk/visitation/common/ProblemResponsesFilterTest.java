package dk.visitation.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The problem answers the contract documents without each resource spelling them out. */
class ProblemResponsesFilterTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void a_described_error_without_content_gets_the_problem_schema() {
        Operation operation = operation("409", "Already closed");

        new ProblemResponsesFilter().filterOperation(operation);

        APIResponse conflict = operation.getResponses().getAPIResponse("409");
        assertEquals("Already closed", conflict.getDescription());
        assertEquals(PROBLEM_REF, problemRef(conflict));
    }

    @Test
    void the_resource_s_own_wording_of_a_generic_answer_is_kept_and_gets_the_problem_schema() {
        Operation operation = operation("400", "Invalid filter");
        operation.addParameter(OASFactory.createParameter().name("q"));

        new ProblemResponsesFilter().filterOperation(operation);

        APIResponse badRequest = operation.getResponses().getAPIResponse("400");
        assertEquals("Invalid filter", badRequest.getDescription());
        assertEquals(PROBLEM_REF, problemRef(badRequest));
    }

    @Test
    void the_framework_s_own_bodiless_answers_take_the_filter_s_wording() {
        Operation operation = operation("401", "Not Authorized");
        operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));
        operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description("Bad Request"));
        operation.addParameter(OASFactory.createParameter().name("q"));
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));

        new ProblemResponsesFilter().filterOperation(operation);

        assertEquals("No valid bearer token", operation.getResponses().getAPIResponse("401").getDescription());
        assertEquals("The caller's role does not allow this", operation.getResponses().getAPIResponse("403").getDescription());
        assertEquals("A parameter or the body is not valid; the problem lists the fields",
                operation.getResponses().getAPIResponse("400").getDescription());
        assertEquals(PROBLEM_REF, problemRef(operation.getResponses().getAPIResponse("401")));
        assertEquals(List.of("200", "401", "403", "400", "406", "414", "431", "500", "429"),
                List.copyOf(operation.getResponses().getAPIResponses().keySet()), "replaced in place, the others after");
    }

    @Test
    void an_error_that_names_its_content_and_a_success_without_a_body_are_left_as_they_are() {
        Operation operation = operation("404", "No such statement");
        Content text = OASFactory.createContent().addMediaType("text/plain", OASFactory.createMediaType());
        operation.getResponses().getAPIResponse("404").setContent(text);
        operation.getResponses().addAPIResponse("204", OASFactory.createAPIResponse().description("Ended"));

        new ProblemResponsesFilter().filterOperation(operation);

        assertEquals(text, operation.getResponses().getAPIResponse("404").getContent());
        assertNull(operation.getResponses().getAPIResponse("204").getContent());
    }

    private static Operation operation(String status, String description) {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse(status, OASFactory.createAPIResponse().description(description)));
    }

    private static String problemRef(APIResponse response) {
        return response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef();
    }
}
