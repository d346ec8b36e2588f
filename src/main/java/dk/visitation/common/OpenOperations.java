package dk.visitation.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Says what the contract would otherwise leave to guessing: an operation that needs no token declares
 * {@code security: []} (the development token endpoint; without it a reader cannot tell "open" from
 * "forgotten"), and the document names its server: the service itself, relative to where the document
 * is served.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenOperations implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("This service: paths are relative to where this document is served"));
        }
    }
}
