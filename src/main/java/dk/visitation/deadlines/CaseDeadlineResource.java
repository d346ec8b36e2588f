package dk.visitation.deadlines;

import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Paths;
import dk.visitation.common.Times;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's statutory deadlines, derived from its casework record and measures. */
@Path(Paths.CASE + "/deadlines")
@Tag(name = "Deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class CaseDeadlineResource {

    private final DeadlineService deadlines;

    CaseDeadlineResource(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listCaseDeadlines", summary = "The case's deadlines with their rule, legal basis, due time, status and what met them",
            description = "Derived on every read from the casework record and the case's measures; soonest due first.")
    @APIResponse(responseCode = "200", description = "The deadlines", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadlineApi.DeadlineView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<DeadlineApi.DeadlineView> forCase(@PathParam("id") UUID id) {
        return deadlines.forCase(id, Instant.now());
    }
}
