package dk.visitation.economy;

import dk.visitation.common.Replays;
import dk.visitation.common.Paths;
import dk.visitation.common.ETags;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A grant's life after it was made: its actual start, a change of its terms from a day, its early end. */
@Path(Paths.CASE + "/grants/{grantId: " + Paths.UUID + "}")
@Tag(name = "Economy")
@Produces(MediaType.APPLICATION_JSON)
public class GrantLifeResource {

    private final Grants grants;
    private final GrantEnding ending;
    private final GrantChanges changes;

    GrantLifeResource(Grants grants, GrantEnding ending, GrantChanges changes) {
        this.grants = grants;
        this.ending = ending;
        this.changes = changes;
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "startGrant", summary = "Record the day the granted service actually started (omsætning)",
            description = "Takes the grant off the list of grants not yet started (GET /waiting/grants). The start is the grant's, kept "
                    + "on its first part whichever part the path names. If-Match: the first part's ETag "
                    + "(its version, as createGrant and listGrants give it). The same day sent again answers the grant as it stands "
                    + "(Idempotent-Replayed: true) whatever If-Match says; another day with the current ETag corrects the start. "
                    + "Written to the case's audit trail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantStart.class),
            examples = @ExampleObject(name = "started", value = "{\"startedOn\": \"2026-12-01\"}")))
    @APIResponse(responseCode = "200", description = "The grant with its start", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid start, e.g. a day in the future")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such grant of the case")
    @APIResponse(responseCode = "412", description = "The grant changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "The grant is not in force (awaits ECONOMY's approval, or was rejected)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response start(@PathParam("id") UUID id, @PathParam("grantId") UUID grantId, @Valid @NotNull EconomyApi.GrantStart request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(grants.start(id, grantId, request.startedOn(), ifMatch));
    }

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "endGrant", summary = "End a grant early, with the reason",
            description = "Cuts the grant's period at `to` (exclusive); its first day ends a grant that never ran, at no cost. The "
                    + "commitment account and the expensive cases follow at once, and a cut into an approved quarter becomes a "
                    + "correction in the next settlement. A changed grant ends across its parts; the path names its last part, If-Match "
                    + "that part's ETag. The same end sent again answers the grant as "
                    + "it stands (Idempotent-Replayed: true). Written to the case's audit trail; a grant.changed event.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantEnd.class),
            examples = @ExampleObject(name = "moved", value = "{\"to\": \"2026-12-01\", \"reason\": \"Familien er flyttet fra kommunen\"}")))
    @APIResponse(responseCode = "200", description = "The grant with its new end", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid end: not before the grant's end, before its first day, or not after "
            + "the day the service started")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such grant of the case")
    @APIResponse(responseCode = "409", description = "The path names an earlier part of a changed grant (end it through its last part), "
            + "or a change of it awaits ECONOMY's decision")
    @APIResponse(responseCode = "412", description = "The grant changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "The grant was rejected and never ran")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response end(@PathParam("id") UUID id, @PathParam("grantId") UUID grantId, @Valid @NotNull EconomyApi.GrantEnd request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(ending.end(id, grantId, request.to(), request.reason(), ifMatch));
    }

    /** The changed grant with its ETag, marked as a replay when the call repeated the change. */
    private static Response answer(GrantChanged changed) {
        return Replays.answer(Response.ok(EconomyApi.GrantView.of(changed.grant())).tag(ETags.of(changed.grant().version)), changed.replayed());
    }

    @POST
    @Path("/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "changeGrant", summary = "Change the grant's price, tariff or scope from a day, with the reason",
            description = "The grant is kept as its parts: the part before the day keeps its terms, a new part (answered here, with "
                    + "grantId naming the grant) carries the new ones to the grant's end, each costing what the rounding rule says, so the "
                    + "parts add up to the whole. The commitment account and the expensive cases follow at once, and a change in an "
                    + "approved quarter becomes a correction in the next settlement. A change whose year passes the approval amount "
                    + "waits for ECONOMY (approval PENDING) and the earlier part is cut only when approved. The path names the "
                    + "grant's last part (the grant itself until it is changed), If-Match that part's ETag. The same change sent again answers the part it made "
                    + "(Idempotent-Replayed: true). Written to the case's audit trail; a grant.changed event.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantChange.class),
            examples = @ExampleObject(name = "newPrice", value = """
                    {"from": "2026-07-01", "priceOre": 132000000, "reason": "Ny takst fra leverandøren efter genforhandling"}""")))
    @APIResponse(responseCode = "201", description = "The new part", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantView.class)))
    @APIResponse(responseCode = "200", description = "The part made by the same change before (Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change: not inside the grant's last part, or it changes nothing")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such grant of the case")
    @APIResponse(responseCode = "409", description = "The path names an earlier part of a changed grant (change it through its last "
            + "part), or an earlier change awaits ECONOMY's decision")
    @APIResponse(responseCode = "412", description = "The grant's last part changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "The grant is not in force (awaits ECONOMY's approval, or was rejected)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("id") UUID id, @PathParam("grantId") UUID grantId, @Valid @NotNull EconomyApi.GrantChange request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        GrantChanged changed = changes.change(id, grantId, request, ifMatch);
        if (changed.replayed()) {
            return answer(changed);
        }
        return Response.created(uri.getBaseUriBuilder().path("cases").path(id.toString()).path("grants").build())
                .entity(EconomyApi.GrantView.of(changed.grant())).tag(ETags.of(changed.grant().version)).build();
    }
}
