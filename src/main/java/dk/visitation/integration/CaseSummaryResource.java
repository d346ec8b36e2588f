package dk.visitation.integration;

import dk.visitation.common.Paths;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Living beside DUBU: the facts of a case other municipal systems need, in one read. */
@Path(Paths.CASE + "/summary")
@Tag(name = "Integration", description = "What other municipal systems (DUBU, finance, management) read of a case")
@Produces(MediaType.APPLICATION_JSON)
public class CaseSummaryResource {

    private final CaseSummaries summaries;

    CaseSummaryResource(CaseSummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @RolesAllowed({Role.SYSTEM, Role.LEADER})
    @Operation(operationId = "getCaseSummary", summary = "The facts of a case other systems need",
            description = "Department, status, adviser, who pays now and the payment switches planned, running grants (measure, period, "
                    + "provider) and the next deadlines not yet met. No CPR number. A system sees the cases of the departments in its "
                    + "token; the read is logged as the caller's (SYSTEM) read of the case.")
    @APIResponse(responseCode = "200", description = "The facts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseSummaryApi.Summary.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public CaseSummaryApi.Summary summary(@PathParam("id") UUID id) {
        return summaries.summary(id);
    }
}
