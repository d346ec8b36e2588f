package dk.visitation.forecast;

import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ReportYear;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

/** ECONOMY's forecast of a department's year and the budgets it is compared with. */
@Path("/economy")
@Tag(name = "Economy")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private final Forecasts forecasts;
    private final Budgets budgets;

    ForecastResource(Forecasts forecasts, Budgets budgets) {
        this.forecasts = forecasts;
        this.budgets = budgets;
    }

    @GET
    @Path("/forecast")
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "getForecast", summary = "The forecast of a department's year against its budget",
            description = "Committed: the grants in force (and awaiting approval) for their days in the year, to its end, as the "
                    + "commitment account has them. Expected: the expected placements not yet granted, each at its first estimate of "
                    + "the annual cost for the days from its expected start (from today once that has passed) to the year's end. Per "
                    + "service type, per band of the expensive cases, in and outside the service frame against the budget, and less "
                    + "the department's share of the expected refund from the central scheme. Figures only: no case is named.")
    @APIResponse(responseCode = "200", description = "The forecast", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ForecastApi.ForecastView.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid year or department")
    public ForecastApi.ForecastView forecast(@Parameter(description = "Calendar year", required = true) @QueryParam("year") Integer year,
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department) {
        return forecasts.forecast(ReportYear.require(year, department), department);
    }

    @GET
    @Path("/budgets")
    @RolesAllowed({Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listBudgets", summary = "The departments' budgets for a year")
    @APIResponse(responseCode = "200", description = "The budgets entered, by department", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ForecastApi.BudgetView.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid year")
    public List<ForecastApi.BudgetView> budgets(@Parameter(description = "Calendar year", required = true) @QueryParam("year") Integer year) {
        return budgets.ofYear(ReportYear.require(year));
    }

    @GET
    @Path("/budgets/{year}/{department}")
    @RolesAllowed({Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getBudget", summary = "A department's budget for a year")
    @APIResponse(responseCode = "200", description = "The budget",
            headers = @Header(name = "ETag", description = "Version of the budget", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForecastApi.BudgetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid year")
    @APIResponse(responseCode = "404", description = "No budget entered for the department and year")
    public Response budget(@PathParam("year") Integer year, @PathParam("department") Department department) {
        ForecastApi.BudgetView budget = budgets.get(ReportYear.require(year), department)
                .orElseThrow(() -> ProblemException.notFound("Budget", department + " " + year));
        return Response.ok(budget).tag(ETags.of(budget.version())).build();
    }

    @PUT
    @Path("/budgets/{year}/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "setBudget", summary = "Enter or replace a department's budget for a year",
            description = "The first time without If-Match (201); a replacement with the budget's ETag in If-Match (200). Who and when are kept.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForecastApi.BudgetEntry.class),
            examples = @ExampleObject(name = "cba2026", value = """
                    {"serviceFrameOre": 6930000000, "outsideServiceFrameOre": 1960000000, "note": "Vedtaget budget 2026"}""")))
    @APIResponse(responseCode = "201", description = "Entered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ForecastApi.BudgetView.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ForecastApi.BudgetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid budget or year")
    @APIResponse(responseCode = "412", description = "The budget changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing for a budget already entered")
    public Response setBudget(@PathParam("year") Integer year, @PathParam("department") Department department,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ForecastApi.BudgetEntry entry) {
        Budgets.Set set = budgets.set(ReportYear.require(year), department, entry, ifMatch);
        return Response.status(set.created() ? Response.Status.CREATED : Response.Status.OK).entity(set.budget())
                .tag(ETags.of(set.budget().version())).build();
    }
}
