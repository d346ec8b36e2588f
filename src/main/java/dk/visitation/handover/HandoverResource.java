package dk.visitation.handover;

import dk.visitation.common.Paths;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

    private static final String BLOCKED_EXAMPLE = """
            {"id": "3f0c2a8e-6b1d-4f7a-9a53-2c4b8e1d7f60", "caseId": "8d2e4c1a-5b3f-4e6d-9c7a-1f2e3d4c5b6a",
             "fromDepartment": "CBA", "toDepartment": "MYN", "status": "BLOCKED", "reason": "Handicapsagen er blevet en social sag",
             "requestedBy": "carl.cba", "requestedAt": "2026-12-02T10:15:00+01:00",
             "blockers": [{"id": "0b9f6d3e-2a1c-4e8b-8f7d-6c5b4a392817", "caseId": "8d2e4c1a-5b3f-4e6d-9c7a-1f2e3d4c5b6a",
                           "kind": "INVESTIGATION", "description": "Børnefaglig undersøgelse § 20", "blocking": true, "status": "OPEN",
                           "openedOn": "2026-11-20", "createdBy": "carl.cba"}]}""";

    private final HandoverService handovers;
    private final OpenWork openWork;
    private final SharedArrangement shared;

    HandoverResource(HandoverService handovers, OpenWork openWork, SharedArrangement shared) {
        this.handovers = handovers;
        this.openWork = openWork;
        this.shared = shared;
    }

    @POST
    @Path("/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "requestHandover", summary = "Ask to hand the case over to the other department",
            description = "While an application, a child-welfare investigation (§ 20) or another blocking item is open, the handover "
                    + "is recorded BLOCKED with the open work in blockers, waits with the task 'Afslut åbent arbejde før overdragelse' "
                    + "and goes on by itself when the last one closes (or is withdrawn).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.HandoverRequest.class),
            examples = @ExampleObject(name = "backToMyn", value = "{\"toDepartment\": \"MYN\", \"reason\": \"Handicapsagen er blevet en social sag\"}")))
    @APIResponse(responseCode = "202", description = "The handover runs (REQUESTED), or waits for the open work listed in blockers (BLOCKED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.HandoverView.class),
                    examples = @ExampleObject(name = "blocked", value = BLOCKED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "409", description = "Already in that department, or a handover is already under way")
    @Transactional
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
    @APIResponse(responseCode = "404", description = "No such case in scope, or no handover")
    @Transactional
    public HandoverApi.HandoverView get(@PathParam("id") UUID id) {
        return HandoverApi.HandoverView.of(handovers.latest(id));
    }

    @POST
    @Path("/handover/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "withdrawHandover", summary = "Withdraw the case's handover before the receiving department accepts it",
            description = "The handover becomes WITHDRAWN with who, when and why; its tasks leave the task list, its process ends, and "
                    + "closing its blockers later does nothing. The case may then get a new handover.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.Withdrawal.class),
            examples = @ExampleObject(name = "moves", value = "{\"reason\": \"Familien flytter til en anden kommune\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.HandoverView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "409", description = "No handover under way, or the receiving department has already accepted it")
    @Transactional
    public HandoverApi.HandoverView withdraw(@PathParam("id") UUID id, @Valid @NotNull HandoverApi.Withdrawal request) {
        return HandoverApi.HandoverView.of(handovers.withdraw(id, request.reason()));
    }

    @POST
    @Path("/shared-arrangement/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "endSharedArrangement", summary = "End a shared case's arrangement: the contributing department leaves",
            description = "The lead department keeps the case and its payment responsibility (the lead of a shared case pays), so "
                    + "nothing switches and no event is written. To give the case to the contributing department, ask for a handover.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HandoverApi.SharedArrangementEnd.class),
            examples = @ExampleObject(name = "done", value = "{\"reason\": \"Familiebehandlingen i MYN er afsluttet\"}")))
    @APIResponse(responseCode = "204", description = "Ended; the case's history says who and why")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "409", description = "The case is not shared")
    public Response endShared(@PathParam("id") UUID id, @Valid @NotNull HandoverApi.SharedArrangementEnd request) {
        shared.end(id, request.reason());
        return Response.noContent().build();
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
    @APIResponse(responseCode = "400", description = "Invalid item")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public Response open(@PathParam("id") UUID id, @Valid @NotNull HandoverApi.NewWorkItem request) {
        return Response.status(Response.Status.CREATED)
                .entity(HandoverApi.WorkItemView.of(openWork.open(id, request.kind(), request.description(), request.blocking()))).build();
    }

    @GET
    @Path("/work-items")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listWorkItems", summary = "The case's open and closed work")
    @APIResponse(responseCode = "200", description = "Work items", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HandoverApi.WorkItemView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<HandoverApi.WorkItemView> workItems(@PathParam("id") UUID id) {
        return openWork.workItems(id).stream().map(HandoverApi.WorkItemView::of).toList();
    }

    @POST
    @Path("/work-items/{itemId: " + Paths.UUID + "}/close")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "closeWorkItem", summary = "Close open work; a waiting handover goes on when the last blocker closes")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HandoverApi.WorkItemView.class)))
    @APIResponse(responseCode = "404", description = "No such case in scope, or no such item")
    @APIResponse(responseCode = "409", description = "Already closed")
    public HandoverApi.WorkItemView close(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return HandoverApi.WorkItemView.of(openWork.close(id, itemId));
    }
}
