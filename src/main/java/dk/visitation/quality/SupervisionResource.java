package dk.visitation.quality;

import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Management supervision (ledelsestilsyn) per department. */
@Path("/quality/supervision")
@Tag(name = "Quality")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    private final Supervision supervision;

    SupervisionResource(Supervision supervision) {
        this.supervision = supervision;
    }

    @GET
    @RolesAllowed({Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getSupervision", summary = "A department's supervision overview: deadlines due this week and overdue per adviser, "
            + "cases without an adviser, inactive cases and the radar",
            description = "Written to the access log as a search; the cases named are those without an adviser and the inactive ones.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Supervision.Overview.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid department")
    public Supervision.Overview get(@Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department) {
        if (department == null) {
            throw ProblemException.invalid("department", "is required");
        }
        return supervision.of(department, Instant.now());
    }
}
