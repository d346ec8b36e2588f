package dk.visitation.casework;

import dk.visitation.common.Replays;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Paths;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

/** The casework record of a case: what the law counts, dated, with who recorded it and the document it cites. */
@Path(Paths.CASE + "/casework")
@Tag(name = "Casework", description = "The casework record (notifications, investigations, child conversations, plans, follow-up, aktindsigt, the first meeting)")
@Produces(MediaType.APPLICATION_JSON)
public class CaseworkResource {

    private final CaseworkService casework;

    CaseworkResource(CaseworkService casework) {
        this.casework = casework;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "recordCasework", summary = "Record a dated fact of the casework (a notification, an investigation's start, a child conversation, ...)",
            description = "Records are never changed; a correction is a new record. Each is written to the case's audit trail. Send an "
                    + "Idempotency-Key to retry safely: the same key and body return the first record (Idempotent-Replayed: true).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseworkApi.NewEntry.class),
            examples = {@ExampleObject(name = "notification", value = """
                    {"kind": "NOTIFICATION", "occurredAt": "2026-11-20T09:30:00+01:00", "notifierKind": "PROFESSIONAL", "urgent": false,
                     "document": {"system": "SBSYS", "caseNumber": "27.24.00-G01-123-26", "documentId": "4711",
                                  "title": "Underretning fra skolen", "date": "2026-11-20"}}"""),
                    @ExampleObject(name = "conversationNotHeld", value = """
                    {"kind": "CHILD_CONVERSATION_NOT_HELD", "occurredAt": "2026-11-25T10:00:00+01:00",
                     "reason": "Barnet er 3 år; samtalen er erstattet af observation i dagtilbuddet"}""")}))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = {@Header(name = "Location", description = "The case's casework record", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the record (records are never changed)", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseworkApi.EntryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid record, e.g. a notification without its notifier kind, a future date")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "422", description = "The record answers nothing of the case (no notification to assess, a receipt "
            + "to a private notifier, a grant not of the case), or the Idempotency-Key was used with another body")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull CaseworkApi.NewEntry request,
            @Parameter(description = "Makes the request safe to retry (1–200 characters)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        CaseworkService.Recorded recorded = casework.record(id, request, idempotencyKey);
        Response.ResponseBuilder response = Response.created(uri.getBaseUriBuilder().path("cases").path(id.toString()).path("casework").build())
                .tag(ETags.of(recorded.entry().version)).entity(CaseworkApi.EntryView.of(recorded.entry()));
        return Replays.answer(response, recorded.replayed());
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listCasework", summary = "The case's casework record, oldest first")
    @APIResponse(responseCode = "200", description = "The records", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CaseworkApi.EntryView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<CaseworkApi.EntryView> list(@PathParam("id") UUID id) {
        return casework.entries(id).stream().map(CaseworkApi.EntryView::of).toList();
    }
}
