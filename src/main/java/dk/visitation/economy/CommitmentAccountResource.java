package dk.visitation.economy;

import dk.visitation.common.Department;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The departments' economy: the commitment account (dispositionsregnskab). */
@Path("/economy")
@Tag(name = "Economy", description = "Grants, payment responsibility and the commitment account")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentAccountResource {

    private final CommitmentAccounts accounts;
    private final ExpensiveCasesReport expensiveCases;

    CommitmentAccountResource(CommitmentAccounts accounts, ExpensiveCasesReport expensiveCases) {
        this.accounts = accounts;
        this.expensiveCases = expensiveCases;
    }

    @GET
    @Path("/commitment-account")
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Deprecated
    @Operation(operationId = "getCommitmentAccount", summary = "A department's commitment account for a year, every line in one answer (deprecated)",
            description = "Price × scope over each grant's days in the year, split day-exactly at payment-responsibility switches. "
                    + "Deprecated: at a million cases this is hundreds of thousands of lines in one answer; use "
                    + "getCommitmentAccountTotals for the totals and listCommitmentAccountLines for the lines page by page. "
                    + "The figures are the same.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.CommitmentAccount.class)))
    @APIResponse(responseCode = "400", description = "Missing year or department")
    public EconomyApi.CommitmentAccount commitmentAccount(
            @Parameter(description = "Calendar year", required = true, example = "2026") @QueryParam("year") Integer year,
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department) {
        dk.visitation.common.ReportYear.require(year, department);
        return accounts.commitmentAccount(year, department);
    }

    @GET
    @Path("/commitment-account/totals")
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "getCommitmentAccountTotals", summary = "A department's commitment account for a year: the totals, without lines",
            description = "The total, the part awaiting approval, per service type and per target group, from the costs kept "
                    + "current on every grant change and payment switch (the same figures as the lines add up to).")
    @APIResponse(responseCode = "200", description = "The totals", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.CommitmentTotals.class),
            examples = @ExampleObject(name = "totals", value = """
                    {"year": 2026, "department": "CBA", "totalOre": 412500000, "awaitingApprovalOre": 0,
                     "byServiceType": {"PLACEMENT": 360000000, "RESPITE_CARE": 52500000},
                     "byTargetGroup": {"DISABILITY": 412500000}, "cases": 3, "lines": 4}""")))
    @APIResponse(responseCode = "400", description = "Missing year or department")
    public EconomyApi.CommitmentTotals commitmentTotals(
            @Parameter(description = "Calendar year", required = true, example = "2026") @QueryParam("year") Integer year,
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department) {
        dk.visitation.common.ReportYear.require(year, department);
        return accounts.commitmentTotals(year, department);
    }

    @GET
    @Path("/commitment-account/lines")
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "listCommitmentAccountLines", summary = "A department's commitment account for a year: its lines, page by page",
            description = "One line per case and service type with a commitment in the year, ordered by case id and service "
                    + "type (stable: a page is the next entries of an index); `total` is the number of lines.")
    @APIResponse(responseCode = "200", description = "A page of lines", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentLinePage.class),
            examples = @ExampleObject(name = "page", value = """
                    {"items": [{"caseId": "0b7e8f4e-3c1d-4a47-9a7e-5f0c2d9b1a11", "serviceType": "PLACEMENT",
                                "targetGroup": "DISABILITY", "amountOre": 120000000, "awaitingApprovalOre": 0}],
                     "page": 0, "size": 20, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "Missing year or department, or a page size above 200")
    public Page<EconomyApi.CommitmentLine> commitmentLines(
            @Parameter(description = "Calendar year", required = true, example = "2026") @QueryParam("year") Integer year,
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department,
            @Valid @BeanParam PageRequest page) {
        dk.visitation.common.ReportYear.require(year, department);
        return accounts.commitmentLines(year, department, page);
    }

    @Schema(name = "CommitmentLinePage", description = "A page of the commitment account's lines")
    public record CommitmentLinePage(java.util.List<EconomyApi.CommitmentLine> items, int page, int size, long total) {
    }


    @GET
    @Path("/paying-cases")
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "listPayingCases", summary = "The cases a department pays for on at least one day of a period")
    @APIResponse(responseCode = "200", description = "Case ids", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = java.util.UUID.class)))
    @APIResponse(responseCode = "400", description = "Missing or reversed period, or no department")
    public java.util.List<java.util.UUID> payingCases(
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department,
            @Parameter(description = "First day (ISO date)", required = true) @QueryParam("from") java.time.LocalDate from,
            @Parameter(description = "Day after the last (ISO date)", required = true) @QueryParam("to") java.time.LocalDate to) {
        if (department == null) {
            throw ProblemException.invalid("department", "is required");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.invalid(from == null ? "from" : "to", "from and to are required, from before to");
        }
        return accounts.payingCases(department, from, to);
    }

    @GET
    @Path("/expensive-cases")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "getExpensiveCases", summary = "Expensive single cases in bands 1.0–1.5 / 1.5–2.0 / 2.0+ m kr (JSON or CSV)")
    @APIResponse(responseCode = "200", description = "The cases and bands", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExpensiveCasesReport.ExpensiveCasesView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Missing year or department")
    public jakarta.ws.rs.core.Response expensiveCases(
            @Parameter(description = "Calendar year", required = true) @QueryParam("year") Integer year,
            @Parameter(description = "MYN or CBA", required = true) @QueryParam("department") Department department,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        dk.visitation.common.ReportYear.require(year, department);
        if (accept != null && accept.contains("text/csv")) {
            return jakarta.ws.rs.core.Response.ok(expensiveCases.csv(year, department), "text/csv")
                    .header("Content-Disposition", "attachment; filename=dyre-sager-" + year + "-" + department + ".csv").build();
        }
        return jakarta.ws.rs.core.Response.ok(expensiveCases.view(year, department), MediaType.APPLICATION_JSON).build();
    }
}
