package dk.visitation.statusnotes;

import dk.visitation.common.Replays;
import dk.visitation.common.Department;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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

/** The providers' side: a note arrives from the provider's system, and the list of what each provider owes and sent. */
@Path("/status-notes")
@Tag(name = "Status notes")
@Produces(MediaType.APPLICATION_JSON)
public class StatusNoteResource {

    private final StatusNotes notes;

    StatusNoteResource(StatusNotes notes) {
        this.notes = notes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SYSTEM)
    @Operation(operationId = "receiveStatusNote", summary = "A provider's status note on a grant, as a reference to it in ESDH",
            description = "Meets the earliest expected note still open. The same document for the same grant sent again answers the "
                    + "note received (Idempotent-Replayed: true), so a provider's system may retry.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusNoteApi.NewNote.class),
            examples = @ExampleObject(name = "note", value = """
                    {"grantId": "6b1f0c3e-2d4a-4e8b-9a71-0c2f5e6d7a81", "writtenOn": "2026-11-28",
                     "document": {"system": "SBSYS", "caseNumber": "27.24.00-G01-123-26", "documentId": "4712",
                                  "title": "Statusnotat fra Familiehuset", "date": "2026-11-28"}}""")))
    @APIResponse(responseCode = "201", description = "Received", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusNoteApi.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid note, e.g. written in the future or without its document")
    @APIResponse(responseCode = "422", description = "No status notes are agreed for the grant")
    public Response receive(@Valid @NotNull StatusNoteApi.NewNote request) {
        StatusNotes.ReceivedNote received = notes.receive(request);
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(received.note());
        return Replays.answer(response, received.replayed());
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listStatusNotes", summary = "What the providers owe and sent: the expected notes, due day first",
            description = "status=due: not yet due; late: overdue and not received; received: received (on time or late). The "
                    + "cases shown are those the caller sees, and are written to the access log.")
    @APIResponse(responseCode = "200", description = "One page of expected notes", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusNoteApi.ExpectedPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<StatusNoteApi.ExpectedView> list(@Parameter(description = "The case's department") @QueryParam("department") Department department,
            @Parameter(description = "The case's adviser") @QueryParam("adviser") String adviser,
            @Parameter(description = "The grant's provider in the register") @QueryParam("provider") UUID provider,
            @Parameter(description = "due, late or received", schema = @Schema(type = SchemaType.STRING, enumeration = {"due", "late", "received"}))
            @QueryParam("status") String status,
            @Valid @BeanParam PageRequest page) {
        return notes.list(new StatusNotes.Filter(department, adviser, provider, status(status)), page);
    }

    private static Set<StatusNoteSchedule.Status> status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "due" -> EnumSet.of(StatusNoteSchedule.Status.DUE);
            case "late" -> EnumSet.of(StatusNoteSchedule.Status.LATE);
            case "received" -> EnumSet.of(StatusNoteSchedule.Status.RECEIVED, StatusNoteSchedule.Status.RECEIVED_LATE);
            default -> throw ProblemException.invalid("status", "must be due, late or received");
        };
    }
}
