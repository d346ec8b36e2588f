package dk.visitation.economy;

import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Paths;
import dk.visitation.common.Times;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The periodic settlement between MYN and CBA. Statements are computed every night for the period that
 * ended, or on demand by ECONOMY; ECONOMY approves them from its task list ("Godkend afregningsopgørelse").
 */
@Path("/settlements")
@Tag(name = "Economy", description = "Grants, payment responsibility and the commitment account")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    private final Settlements settlements;

    SettlementResource(Settlements settlements) {
        this.settlements = settlements;
    }

    @Schema(name = "NewSettlement", description = "The department and the first day of the period to settle")
    public record NewSettlement(@NotNull Department department,
            @NotNull @Schema(description = "First day of a settlement period (quarters from 1 January by default)",
                    examples = "2026-07-01") LocalDate periodFrom) {
    }

    @Schema(name = "SettlementSummary", description = "A settlement statement without its lines")
    public record Summary(UUID id, Department department, LocalDate periodFrom,
            @Schema(description = "Exclusive") LocalDate periodTo, Settlement.Status status,
            @Schema(description = "The department's cost of the period itself, øre") long regularOre,
            @Schema(description = "Corrections of earlier approved periods, øre (negative: paid too much)") long correctionOre,
            long totalOre, OffsetDateTime computedAt, @Schema(nullable = true) String approvedBy, @Schema(nullable = true) OffsetDateTime approvedAt, @Schema(nullable = true) String approvalNote,
            long version) {

        static Summary of(Settlement s) {
            return new Summary(s.id, s.department, s.periodFrom, s.periodTo, s.status, s.regularOre, s.correctionOre,
                    s.regularOre + s.correctionOre, Times.local(s.computedAt), s.approvedBy,
                    s.approvedAt == null ? null : Times.local(s.approvedAt), s.approvalNote, s.version);
        }
    }

    @Schema(name = "SettlementStatement", description = "A settlement statement (afregningsopgørelse) with its lines")
    public record StatementView(Summary statement, List<Settlements.Line> lines) {
    }

    @Schema(name = "SettlementPage")
    public record SettlementPage(List<Summary> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listSettlements", summary = "Settlement statements, newest period first")
    @APIResponse(responseCode = "200", description = "One page of statements", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettlementPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Page<Summary> list(@Parameter(description = "MYN or CBA") @QueryParam("department") Department department,
            @Parameter(description = "DRAFT or APPROVED") @QueryParam("status") Settlement.Status status,
            @Valid @BeanParam PageRequest page) {
        Page<Settlement> found = settlements.list(department, status, page);
        return new Page<>(found.items().stream().map(Summary::of).toList(), found.page(), found.size(), found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ECONOMY})
    @Operation(operationId = "computeSettlement", summary = "Compute a department's statement for an ended period (again, while a draft)",
            description = "Safe to repeat: a draft is computed again from today's data; an approved statement answers 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewSettlement.class),
            examples = @ExampleObject(name = "third quarter", summary = "CBA's statement for the third quarter of 2026",
                    value = """
                            {"department": "CBA", "periodFrom": "2026-07-01"}""")))
    @APIResponse(responseCode = "200", description = "The statement, computed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "400", description = "Not the start of a period, or a missing field")
    @APIResponse(responseCode = "409", description = "The period has not ended, or its statement is approved")
    public Response compute(@Valid @NotNull NewSettlement request, @Context UriInfo uri) {
        Settlement computed = settlements.compute(request.department(), request.periodFrom());
        return Response.ok(view(settlements.get(computed.id)))
                .location(uri.getBaseUriBuilder().path("settlements").path(computed.id.toString()).build())
                .tag(ETags.of(computed.version)).build();
    }

    @GET
    @Path("/{id: " + Paths.UUID + "}")
    @RolesAllowed({Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getSettlement", summary = "A settlement statement with its lines (regular and corrections)")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such statement")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Settlements.Statement statement = settlements.get(id);
        if (ETags.notModified(ifNoneMatch, statement.settlement().version)) {
            return Response.notModified(ETags.of(statement.settlement().version)).build();
        }
        return Response.ok(view(statement)).tag(ETags.of(statement.settlement().version)).build();
    }

    private static StatementView view(Settlements.Statement statement) {
        return new StatementView(Summary.of(statement.settlement()), statement.lines());
    }
}
