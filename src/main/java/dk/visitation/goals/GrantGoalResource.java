package dk.visitation.goals;

import dk.visitation.common.ETags;
import dk.visitation.common.Paths;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A grant's goals (opgavemål): what the provider works toward, revised at follow-up. */
@Path(Paths.CASE + "/grants/{grantId: " + Paths.UUID + "}/goals")
@Tag(name = "Economy")
@Produces(MediaType.APPLICATION_JSON)
public class GrantGoalResource {

    private final GrantGoals goals;

    GrantGoalResource(GrantGoals goals) {
        this.goals = goals;
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getGrantGoals", summary = "A grant's goals now, and each earlier revision")
    @APIResponse(responseCode = "200", description = "The goals",
            headers = @Header(name = "ETag", description = "The current revision (0 before any)", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalApi.GoalsView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such grant of the case")
    public Response get(@PathParam("id") UUID id, @PathParam("grantId") UUID grantId) {
        GoalApi.GoalsView view = goals.get(id, grantId);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "reviseGrantGoals", summary = "Set or revise the grant's goals (a new revision)",
            description = "The whole list as it is to be. If-Match with the goals' ETag is required once goals exist; the earlier "
                    + "revisions stay readable. Name the follow-up they were revised at (followUpId). Written to the case's audit trail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalApi.Entry.class),
            examples = @ExampleObject(name = "revised", value = """
                    {"goals": ["Barnet kommer i skole mindst fire dage om ugen", "Forældrene deltager i netværksmøderne"],
                     "reason": "Revideret ved opfølgningen"}""")))
    @APIResponse(responseCode = "200", description = "The goals with the new revision",
            headers = @Header(name = "ETag", description = "The new revision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalApi.GoalsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid goals, or followUpId is not a follow-up of this grant")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such grant of the case")
    @APIResponse(responseCode = "412", description = "The goals were revised since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing while goals exist")
    public Response revise(@PathParam("id") UUID id, @PathParam("grantId") UUID grantId,
            @Parameter(description = "The goals' ETag (required once goals exist)") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalApi.Entry entry) {
        GoalApi.GoalsView view = goals.revise(id, grantId, entry, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
