package dk.visitation.cases;

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

/** A case's advisers over time: every assignment and change, dated, with who and why. */
@Path(Paths.CASE + "/advisers")
@Tag(name = "Cases", description = "Intake of children's cases and the case record")
@Produces(MediaType.APPLICATION_JSON)
public class CaseAdviserResource {

    private final CaseAdvisers advisers;

    CaseAdviserResource(CaseAdvisers advisers) {
        this.advisers = advisers;
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getCaseAdvisers", summary = "The case's advisers over time: each assignment and change, oldest first",
            description = "From → to, when, by whom and why, with the number of advisers the case has had and its changes of adviser. "
                    + "Logged as a read of the case.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseAdvisers.History.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public CaseAdvisers.History get(@PathParam("id") UUID id) {
        return advisers.history(id);
    }
}
