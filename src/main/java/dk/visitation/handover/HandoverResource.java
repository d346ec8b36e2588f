package dk.visitation.handover;

import dk.visitation.common.Paths;
import dk.visitation.common.Problem;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Handover between MYN and CBA and the open work that must be finished first. */
@Path(Paths.CASE)
@Tag(name = "Handover", description = "Handover (overdragelse) between the departments")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {

    private final HandoverService handovers;

    HandoverResource(HandoverService handovers) {
        this.handovers = handovers;
    }

    @POST
    @Path("/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "requestHandover", summary = "Ask to hand the case over to the other department",
            description = "Answers 409 with the blocking work listed while an application, an investigation or another blocking item is open.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.HandoverRequest.class),
            examples = @ExampleObject(name = "backToMyn", value = "{\"toDepartment\": \"MYN\", \"reason\": \"Handicapsagen er blevet en social sag\"}")))
    @APIResponse(responseCode = "202", description = "The handover runs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.HandoverView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Blocked by open work (listed in errors), or already in that department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@PathParam("id") UUID id, @Valid @NotNull HandoverApi.HandoverRequest request) {
        return Response.accepted(HandoverApi.HandoverView.of(handovers.requestByCaller(id, request.toDepartment(), request.reason())))
                .build();
    }

    @GET
    @Path("/handover")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getHandover", summary = "The case's latest handover with its summary and receipt")
    @APIResponse(responseCode = "200", description = "The handover", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.HandoverView.class)))
    @APIResponse(responseCode = "404", description = "No such case in scope, or no handover", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HandoverApi.HandoverView get(@PathParam("id") UUID id) {
        return HandoverApi.HandoverView.of(handovers.latest(id));
    }

    @POST
    @Path("/work-items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "openWorkItem", summary = "Record open work: an application, a child-welfare investigation (§ 20) or another item")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.NewWorkItem.class),
            examples = @ExampleObject(name = "investigation", value = "{\"kind\": \"INVESTIGATION\", \"description\": \"Børnefaglig undersøgelse § 20\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.WorkItemView.class)))
    @APIResponse(responseCode = "400", description = "Invalid item", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@PathParam("id") UUID id, @Valid @NotNull HandoverApi.NewWorkItem request) {
        return Response.status(Response.Status.CREATED)
                .entity(HandoverApi.WorkItemView.of(handovers.open(id, request.kind(), request.description(), request.blocking()))).build();
    }

    @GET
    @Path("/work-items")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listWorkItems", summary = "The case's open and closed work")
    @APIResponse(responseCode = "200", description = "Work items", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HandoverApi.WorkItemView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HandoverApi.WorkItemView> workItems(@PathParam("id") UUID id) {
        return handovers.workItems(id).stream().map(HandoverApi.WorkItemView::of).toList();
    }

    @POST
    @Path("/work-items/{itemId: " + Paths.UUID + "}/close")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "closeWorkItem", summary = "Close open work; a waiting handover goes on when the last blocker closes")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.WorkItemView.class)))
    @APIResponse(responseCode = "404", description = "No such case in scope, or no such item", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HandoverApi.WorkItemView close(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return HandoverApi.WorkItemView.of(handovers.close(id, itemId));
    }
}
