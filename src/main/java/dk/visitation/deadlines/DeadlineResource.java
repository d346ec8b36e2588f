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

/** Statutory deadlines, derived from the casework record: per case, and the list a leader and an adviser work from. */
@Path("/deadlines")
@Tag(name = "Deadlines", description = "Statutory deadlines of Barnets Lov and forvaltningsloven, derived from the casework record")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    private final DeadlineService deadlines;

    DeadlineResource(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listDeadlines", summary = "Deadlines over the cases in the caller's scope, soonest due first",
            description = "Filters combine with AND. The search is written to the access log with its criteria.")
    @APIResponse(responseCode = "200", description = "One page of deadlines", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeadlineApi.DeadlinePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public DeadlineApi.DeadlinePage list(
            @Parameter(description = "The case's department") @QueryParam("department") Department department,
            @Parameter(description = "The case's adviser (user name)") @QueryParam("adviser") @Size(max = 100) String adviser,
            @Parameter(description = "Status now") @QueryParam("status") DeadlineStatus status,
            @Parameter(description = "Due before this Danish day (exclusive), e.g. the end of this week")
            @QueryParam("dueBefore") LocalDate dueBefore,
            @Valid @BeanParam PageRequest page) {
        Instant before = dueBefore == null ? null : dueBefore.atStartOfDay(Times.DENMARK).toInstant();
        return deadlines.list(new DeadlineService.Filter(department, adviser == null || adviser.isBlank() ? null : adviser, status, before),
                page, Instant.now());
    }
}
