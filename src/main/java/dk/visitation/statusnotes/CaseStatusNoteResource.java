package dk.visitation.statusnotes;

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

/** A case's status notes: the cadence agreed per grant with its internal provider, what is owed and what came. */
@Path(Paths.CASE + "/status-notes")
@Tag(name = "Status notes", description = "Status notes from internal providers at an agreed cadence (statusnotater)")
@Produces(MediaType.APPLICATION_JSON)
public class CaseStatusNoteResource {

    private final StatusNotes notes;

    CaseStatusNoteResource(StatusNotes notes) {
        this.notes = notes;
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getCaseStatusNotes", summary = "The case's status note agreements, the notes they expect and those received",
            description = "Expected notes are derived: every N months from the grant's first day, or N days before each follow-up "
                    + "of the grant (Barnets Lov § 95); the notes received meet them in order. LATE: overdue and not received.")
    @APIResponse(responseCode = "200", description = "Agreements, expected notes (per agreement, earliest first) and notes received "
            + "(newest first)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusNoteApi.CaseNotes.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public StatusNoteApi.CaseNotes get(@PathParam("id") UUID id) {
        return notes.forCase(id);
    }

    @PUT
    @Path("/agreements/{grantId: " + Paths.UUID + "}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "agreeStatusNotes", summary = "Agree the cadence of a grant's status notes with its internal provider",
            description = "Creates the agreement (201), or changes it with If-Match (200); the notes already received keep counting. "
                    + "Written to the case's audit trail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusNoteApi.AgreementEntry.class),
            examples = {@ExampleObject(name = "quarterly", value = "{\"cadence\": \"EVERY_MONTHS\", \"everyMonths\": 3}"),
                    @ExampleObject(name = "beforeFollowUp", value = "{\"cadence\": \"BEFORE_FOLLOW_UP\", \"daysBefore\": 14}")}))
    @APIResponse(responseCode = "200", description = "The changed agreement",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusNoteApi.AgreementView.class)))
    @APIResponse(responseCode = "201", description = "The agreement made",
            headers = @Header(name = "ETag", description = "Version of the agreement", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusNoteApi.AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid cadence, e.g. EVERY_MONTHS without everyMonths")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such grant of the case")
    @APIResponse(responseCode = "412", description = "The agreement changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "The grant's provider is external, or the grant is not in force")
    @APIResponse(responseCode = "428", description = "If-Match is missing for an agreement that exists")
    public Response agree(@PathParam("id") UUID id, @PathParam("grantId") UUID grantId,
            @Parameter(description = "The agreement's ETag, when changing one") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusNoteApi.AgreementEntry entry) {
        StatusNotes.Agreed agreed = notes.agree(id, grantId, entry, ifMatch);
        return Response.status(agreed.created() ? Response.Status.CREATED : Response.Status.OK).entity(agreed.agreement())
                .tag(ETags.of(agreed.agreement().version())).build();
    }
}
