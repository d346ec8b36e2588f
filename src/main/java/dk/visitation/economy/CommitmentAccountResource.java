package dk.visitation.economy;

import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The departments' economy: the commitment account (dispositionsregnskab). */
@Path("/economy")
@Tag(name = "Economy", description = "Grants, payment responsibility and the commitment account")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentAccountResource {

    private final EconomyService economy;

    CommitmentAccountResource(EconomyService economy) {
        this.economy = economy;
    }

    @GET
    @Path("/commitment-account")
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "getCommitmentAccount", summary = "A department's commitment account for a year (dispositionsregnskab)",
            description = "Price × scope over each grant's days in the year, split day-exactly at payment-responsibility switches.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.CommitmentAccount.class)))
    @APIResponse(responseCode = "400", description = "Missing year or department", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EconomyApi.CommitmentAccount commitmentAccount(
            @Parameter(description = "Calendar year", required = true, example = "2026") @QueryParam("year") Integer year,
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "is required, 2000-2100");
        }
        if (department == null) {
            throw ProblemException.invalid("department", "is required");
        }
        return economy.commitmentAccount(year, department);
    }

}
